import dayjs from 'dayjs';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import { searchKeys } from '../../../shared/domain/search.js';
import { makeIsbn } from '../../../shared/domain/isbn.js';
import { DEFAULT_RULES } from '../../../shared/domain/library.js';
import { rng } from './demo.js';
import { DEMO_BOOKS } from './books.js';
import { onHoliday } from './visits.js';

const DONORS = ['县图书馆', '青山镇政府', '爱心企业', '王老师', '六年级毕业班', '城区实验小学', '团县委', '李叔叔'];

/**
 * A reading room's catalogue from the demo book list (series become numbered volumes), with about
 * `copies` copies in all, numbered 000001… like the app does. Titles the room already has are kept.
 */
export function seedCatalogue(db: Db, o: { copies: number; seed: number; today: string; now: number }): { titles: number; copies: number } {
  const r = rng(o.seed + 7);
  const titles = DEMO_BOOKS.flatMap((b) =>
    b.volumes ? Array.from({ length: b.volumes }, (_, i) => ({ ...b, title: `${b.title}（${i + 1}）` })) : [b],
  );
  const category = db.prepare('SELECT id FROM book_categories WHERE key = ?').pluck();
  const exists = db.prepare('SELECT 1 FROM books WHERE isbn = ?').pluck();
  const insertBook = db.prepare(`
    INSERT INTO books (isbn, title, author, publisher, year, category_id, search_full, search_initials, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).pluck();
  const last = db.prepare("SELECT coalesce(max(CAST(barcode AS INTEGER)), 0) FROM copies WHERE barcode GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'").pluck();
  const insertCopy = db.prepare('INSERT INTO copies (book_id, barcode, source, donor, added_on, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  let made = 0;
  let copies = 0;
  write(db, () => {
    let n = Number(last.get());
    const perTitle = o.copies / titles.length;
    titles.forEach((b, i) => {
      const isbn = makeIsbn(50_000_000 + i * 37);
      if (exists.get(isbn)) return;
      const keys = searchKeys(b.title, 'title');
      const id = Number(insertBook.get(isbn, b.title, b.author, b.publisher, b.year, category.get(b.category), keys.full, keys.initials, o.now, o.now));
      made++;
      // Popular books come in several copies; the count averages out at `perTitle`.
      const count = Math.max(1, Math.round(perTitle * (0.4 + r() * 1.2)));
      for (let c = 0; c < count; c++) {
        const donated = r() < 0.55;
        const added = dayjs(o.today).subtract(Math.floor(r() * 3650), 'day').format('YYYY-MM-DD');
        insertCopy.run(id, String(++n).padStart(6, '0'), donated ? 'donated' : 'bought', donated ? DONORS[Math.floor(r() * DONORS.length)]! : '', added, o.now);
        copies++;
      }
    });
  });
  return { titles: made, copies };
}

/**
 * Loans over the last `years` years up to today: on each school day some children borrow a free copy
 * (at most two at a time), and bring it back after a few days to a few weeks; a few are late, and the
 * loans of the last weeks are still out, some of them overdue. Written straight into the table in one
 * transaction, keeping the app's rules (one open loan per copy, never more than the limit).
 */
export function seedLoans(db: Db, o: { years: number; today: string; seed: number; perDay: number }): number {
  const r = rng(o.seed + 11);
  const children = db.prepare("SELECT id FROM children WHERE status = 'active'").pluck().all() as number[];
  const copyIds = db.prepare("SELECT id FROM copies WHERE status = 'available'").pluck().all() as number[];
  if (children.length === 0 || copyIds.length === 0) return 0;
  const insert = db.prepare(`
    INSERT INTO loans (copy_id, child_id, lent_at, lent_on, due_on, renewals, returned_at, returned_on, outcome)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const busyUntil = new Map<number, string>();
  const childOpen = new Map<number, string[]>();
  const readers = children.filter(() => r() < 0.8);
  let count = 0;
  const start = dayjs(o.today).subtract(o.years, 'year');
  write(db, () => {
    for (let d = start; !d.isAfter(o.today, 'day'); d = d.add(1, 'day')) {
      if (d.day() === 0 || d.day() === 6 || onHoliday(d)) continue;
      const day = d.format('YYYY-MM-DD');
      const loansToday = Math.round(o.perDay * (0.5 + r()));
      for (let i = 0; i < loansToday; i++) {
        const child = readers[Math.floor(r() * readers.length)]!;
        const open = (childOpen.get(child) ?? []).filter((until) => until > day);
        if (open.length >= DEFAULT_RULES.maxLoans) continue;
        const copy = copyIds[Math.floor(r() * copyIds.length)]!;
        if ((busyUntil.get(copy) ?? '') >= day) continue;
        const lentAt = dayjs(`${day} 16:${String(Math.floor(r() * 60)).padStart(2, '0')}`).valueOf();
        const due = d.add(DEFAULT_RULES.loanDays, 'day');
        const late = r() < 0.06;
        const renewed = !late && r() < 0.1;
        const keep = late ? DEFAULT_RULES.loanDays + 1 + Math.floor(r() * 20) : 2 + Math.floor(r() * (renewed ? 25 : 12));
        const back = d.add(keep, 'day');
        const dueOn = (renewed ? due.add(DEFAULT_RULES.loanDays, 'day') : due).format('YYYY-MM-DD');
        const returned = back.isBefore(o.today, 'day');
        insert.run(
          copy,
          child,
          lentAt,
          day,
          dueOn,
          renewed ? 1 : 0,
          returned ? back.hour(16).minute(30).valueOf() : null,
          returned ? back.format('YYYY-MM-DD') : null,
          returned ? 'returned' : null,
        );
        const until = returned ? back.format('YYYY-MM-DD') : '9999-12-31';
        busyUntil.set(copy, until);
        childOpen.set(child, [...open, until]);
        count++;
      }
    }
  });
  return count;
}
