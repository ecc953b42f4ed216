import dayjs from 'dayjs';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import { lunarOf } from '../../../shared/domain/birthdays.js';
import { createBirthdaysService } from '../birthdays/birthdays.service.js';
import { rng } from './demo.js';
import { onHoliday } from './visits.js';

/**
 * Contact with home over the last `years` years: each left-behind child calls, video-calls or writes to
 * an away parent a few times a month (a few children rarely do), some parents call in, now and then a
 * call goes to the grandparent instead. Written straight into the table in one transaction.
 */
export function seedCalls(db: Db, o: { years: number; today: string; seed: number }): number {
  const r = rng(o.seed + 23);
  const children = db
    .prepare("SELECT id, away_parents AS away FROM children WHERE status = 'active' AND away_parents <> 'none'")
    .all() as { id: number; away: 'father' | 'mother' | 'both' }[];
  const contacts = db.prepare('SELECT role, name FROM contacts WHERE child_id = ?');
  const insert = db.prepare(`
    INSERT INTO calls (child_id, with_role, with_name, kind, direction, at, day, seconds, note, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)`);
  const start = dayjs(o.today).subtract(o.years, 'year');
  const days: string[] = [];
  for (let d = start; d.isBefore(o.today, 'day'); d = d.add(1, 'day')) {
    if (d.day() !== 0 && d.day() !== 6 && !onHoliday(d)) days.push(d.format('YYYY-MM-DD'));
  }
  let count = 0;
  write(db, () => {
    for (const c of children) {
      const people = contacts.all(c.id) as { role: 'father' | 'mother' | 'guardian' | 'other'; name: string }[];
      const parents = people.filter((p) => (p.role === 'father' && c.away !== 'mother') || (p.role === 'mother' && c.away !== 'father'));
      const guardian = people.find((p) => p.role === 'guardian');
      if (parents.length === 0) continue;
      // Calls per school day: most children about three a month, a few hardly ever.
      const rate = r() < 0.12 ? 0.02 : 0.1 + r() * 0.12;
      for (const day of days) {
        if (r() > rate) continue;
        const who = guardian && r() < 0.08 ? guardian : parents[Math.floor(r() * parents.length)]!;
        const roll = r();
        const kind = roll < 0.62 ? 'voice' : roll < 0.95 ? 'video' : 'letter';
        const at = dayjs(`${day} 16:00`).add(Math.floor(r() * 100), 'minute').valueOf();
        const seconds = kind === 'letter' ? null : 60 + Math.floor(r() * 900);
        insert.run(c.id, who.role, who.name, kind, r() < 0.8 ? 'out' : 'in', at, day, seconds, at);
        count++;
      }
    }
  });
  return count;
}

/**
 * Birthdays: some families keep the lunar birthday (its lunar date taken from the birth date), and
 * each past month of the years had its group birthday on the month's last school Friday.
 */
export function seedBirthdays(db: Db, o: { years: number; today: string; seed: number; now: number }): { lunar: number; parties: number } {
  const r = rng(o.seed + 29);
  const born = db.prepare("SELECT id, birth_date AS birthDate FROM children WHERE birth_date IS NOT NULL AND lunar_month IS NULL").all() as { id: number; birthDate: string }[];
  const setLunar = db.prepare('UPDATE children SET lunar_month = ?, lunar_day = ?, lunar_leap = ? WHERE id = ?');
  const birthdays = createBirthdaysService(db);
  const party = db.prepare('INSERT OR IGNORE INTO group_birthdays (month, held_on, children, note, created_at) VALUES (?, ?, ?, ?, ?)');
  let lunar = 0;
  let parties = 0;
  write(db, () => {
    for (const c of born) {
      if (r() >= 0.08) continue;
      const l = lunarOf(c.birthDate);
      setLunar.run(l.month, l.day, l.leap ? 1 : 0, c.id);
      lunar++;
    }
    for (let m = dayjs(o.today).subtract(o.years, 'year').startOf('month'); m.isBefore(dayjs(o.today).startOf('month')); m = m.add(1, 'month')) {
      if (m.month() === 7 || m.month() === 1) continue; // the summer and winter holidays
      let held = m.endOf('month');
      while (held.day() !== 5) held = held.subtract(1, 'day');
      const rows = birthdays.between(m.format('YYYY-MM-DD'), m.endOf('month').format('YYYY-MM-DD')).rows;
      party.run(m.format('YYYY-MM'), held.format('YYYY-MM-DD'), JSON.stringify([...new Set(rows.map((x) => x.childId))]), '', o.now);
      parties++;
    }
  });
  return { lunar, parties };
}
