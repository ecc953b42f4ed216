import dayjs from 'dayjs';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { OpeningHours } from '../../../shared/domain/hours.js';
import { rng } from './demo.js';

/** Winter and summer holidays, when the room is closed (roughly the school calendar). */
export function onHoliday(d: dayjs.Dayjs): boolean {
  const md = d.format('MM-DD');
  return (md >= '01-20' && md <= '02-20') || (md >= '07-10' && md <= '08-31');
}

/**
 * Visits for the last `years` years up to yesterday: on each open day each active child comes with
 * some probability of their own, signs in after the room opens and out before it closes. Written
 * straight into the table in one transaction: millions of rows in seconds, for demos and benchmarks.
 */
export function seedVisits(db: Db, o: { years: number; today: string; hours: OpeningHours; seed: number }): number {
  const r = rng(o.seed);
  const children = db.prepare("SELECT id FROM children WHERE status = 'active'").pluck().all() as number[];
  const habit = new Map(children.map((id) => [id, 0.2 + r() * 0.6]));
  const insert = db.prepare(
    "INSERT INTO visits (child_id, day, in_at, out_at, in_by, out_by) VALUES (?, ?, ?, ?, 'kiosk', ?)",
  );
  const start = dayjs(o.today).subtract(o.years, 'year');
  let count = 0;
  write(db, () => {
    for (let d = start; d.isBefore(o.today, 'day'); d = d.add(1, 'day')) {
      const h = o.hours[d.day()];
      if (!h || onHoliday(d)) continue;
      const day = d.format('YYYY-MM-DD');
      const open = dayjs(`${day} ${h.open}`).valueOf();
      const close = dayjs(`${day} ${h.close}`).valueOf();
      const span = close - open;
      for (const id of children) {
        if (r() > habit.get(id)!) continue;
        const inAt = open + Math.floor(r() * span * 0.5);
        const outAt = inAt + Math.floor(r() * (close - inAt));
        // One in a hundred forgot to sign out: closed at closing time and flagged, as the app does.
        const forgot = r() < 0.01;
        insert.run(id, day, inAt, forgot ? close : outAt, forgot ? 'closing' : r() < 0.1 ? 'teacher' : 'kiosk');
        count++;
      }
    }
    db.prepare("UPDATE visits SET not_signed_out = 1 WHERE out_by = 'closing'").run();
  });
  return count;
}
