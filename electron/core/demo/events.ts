import dayjs from 'dayjs';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import { rng } from './demo.js';
import { onHoliday } from './visits.js';

const ONE_OFF: [string, string, number | null][] = [
  ['“六一”文艺汇演', 'sports', 40], ['中秋节做月饼', 'other', 30], ['书法比赛', 'contest', 25], ['绘画比赛', 'contest', 30],
  ['讲故事比赛', 'contest', 20], ['春游：青山森林公园', 'outing', 45], ['秋游：县科技馆', 'outing', 40], ['乡村医生健康体检', 'health', null],
  ['防溺水安全讲座', 'talk', null], ['心理健康讲座', 'talk', 60], ['亲子视频连线会', 'other', 30], ['趣味运动会', 'sports', 50],
];
/** The months (0 = January) a seasonal title belongs to; the others fit any month. */
const SEASON: Record<string, number[]> = {
  '“六一”文艺汇演': [4, 5],
  中秋节做月饼: [8, 9],
  '春游：青山森林公园': [2, 3, 4],
  '秋游：县科技馆': [8, 9, 10],
};
const CLUBS: [string, number][] = [['象棋兴趣小组', 12], ['合唱兴趣小组', 20], ['手工兴趣小组', 15], ['篮球兴趣小组', 16]];

/**
 * Events over the last `years` years: a few one-off activities a month and a weekly interest group each
 * term, children signing up (left-behind ones first on the waitlist), attendance for the ones held.
 * Written straight into the tables, keeping the app's rules (the capacity trigger is respected).
 */
export function seedEvents(db: Db, o: { years: number; today: string; seed: number; now: number }): { events: number; signups: number } {
  const r = rng(o.seed + 31);
  const cat = db.prepare('SELECT id FROM event_categories WHERE key = ?').pluck();
  const kids = db.prepare("SELECT id, grade FROM children WHERE status = 'active'").all() as { id: number; grade: number }[];
  const insertEvent = db.prepare(`
    INSERT INTO events (title, category_id, place, starts_at, ends_at, capacity, grades, opens_at, closes_at, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).pluck();
  const insertSession = db.prepare('INSERT INTO event_sessions (event_id, starts_at, ends_at, day) VALUES (?, ?, ?, ?) RETURNING id').pluck();
  const insertSignup = db.prepare(`
    INSERT INTO signups (event_id, child_id, status, signed_by, created_at) VALUES (?, ?, ?, ?, ?)`);
  const mark = db.prepare('INSERT INTO event_attendance (session_id, child_id, present) VALUES (?, ?, ?)');
  let events = 0;
  let signups = 0;
  const add = (title: string, key: string, capacity: number | null, start: dayjs.Dayjs, weeks: number) => {
    const startsAt = start.valueOf();
    const endsAt = start.add(90, 'minute').valueOf();
    // Held once its first session is over (as taking attendance marks it in the app).
    const past = start.isBefore(o.today, 'day');
    const grades = key === 'outing' ? [3, 4, 5, 6] : [1, 2, 3, 4, 5, 6];
    const id = Number(insertEvent.get(title, cat.get(key), key === 'outing' ? '' : '活动室', startsAt, endsAt, capacity, JSON.stringify(grades),
      start.subtract(10, 'day').valueOf(), start.subtract(1, 'day').valueOf(), past ? 'held' : 'planned', o.now, o.now));
    events++;
    const sessions = Array.from({ length: weeks }, (_, i) => ({ at: start.add(i, 'week') }))
      .map((s) => ({ id: Number(insertSession.get(id, s.at.valueOf(), s.at.add(90, 'minute').valueOf(), s.at.format('YYYY-MM-DD'))), at: s.at }));
    const want = kids.filter((k) => grades.includes(k.grade) && r() < (capacity === null ? 0.5 : (capacity * 1.2) / kids.length));
    const confirmed: number[] = [];
    want.forEach((k, i) => {
      const status = capacity === null || confirmed.length < capacity ? 'confirmed' : 'waitlist';
      insertSignup.run(id, k.id, status, r() < 0.6 ? 'kiosk' : 'teacher', startsAt - 9 * 86_400_000 + i * 60_000);
      if (status === 'confirmed') confirmed.push(k.id);
      signups++;
    });
    for (const s of sessions) {
      if (!s.at.isBefore(o.today, 'day')) continue;
      for (const c of confirmed) mark.run(s.id, c, r() < 0.88 ? 1 : 0);
    }
  };
  write(db, () => {
    const start = dayjs(o.today).subtract(o.years, 'year').startOf('month');
    for (let m = start; m.isBefore(dayjs(o.today).add(1, 'month')); m = m.add(1, 'month')) {
      if (onHoliday(m.add(14, 'day'))) continue;
      const n = 1 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) {
        // Seasonal events only in their season: 中秋 in September or October, 六一 in late May or June.
        const fits = ONE_OFF.filter(([t]) => (SEASON[t] ?? null) === null || SEASON[t]!.includes(m.month()));
        const [title, key, cap] = fits[Math.floor(r() * fits.length)]!;
        let day = m.add(3 + Math.floor(r() * 24), 'day');
        while (day.day() === 0 || day.day() === 6) day = day.add(1, 'day');
        add(title, key, cap, day.hour(15).minute(30), 1);
      }
      // A weekly interest group starts with each term (September and March).
      if (m.month() === 8 || m.month() === 2) {
        const [title, cap] = CLUBS[Math.floor(r() * CLUBS.length)]!;
        let day = m.add(10, 'day');
        while (day.day() !== 3) day = day.add(1, 'day');
        add(title, 'club', cap, day.hour(16).minute(0), 12);
      }
    }
  });
  return { events, signups };
}
