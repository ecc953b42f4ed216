import type { Db } from '../db/open.js';
import type { DayRange } from './stats.repo.js';

/** The SQL of the care figures (care.ts says what each one means). */
export function createCareStatsRepo(db: Db) {
  const paired = db.prepare<DayRange, number>(`
    SELECT DISTINCT child_id FROM pairings WHERE from_day <= @to AND (to_day IS NULL OR to_day >= @from)`).pluck();
  const talks = db.prepare<DayRange, { childId: number; month: string; teacher: number; n: number }>(`
    SELECT child_id AS childId, substr(day, 1, 7) AS month, teacher_id IS NOT NULL AS teacher, count(*) AS n
    FROM talks INDEXED BY talks_day WHERE day BETWEEN @from AND @to GROUP BY child_id, month, teacher`);
  const visits = db.prepare<DayRange, { childId: number; n: number }>(`
    SELECT child_id AS childId, count(*) AS n FROM home_visits INDEXED BY home_visits_day WHERE day BETWEEN @from AND @to GROUP BY child_id`);
  const guardianContacts = db.prepare<DayRange, number>('SELECT count(*) FROM guardian_contacts WHERE day BETWEEN @from AND @to').pluck();
  const meetings = db.prepare<DayRange, { meetings: number; families: number }>(`
    SELECT (SELECT count(*) FROM guardian_meetings WHERE day BETWEEN @from AND @to) AS meetings,
      (SELECT count(DISTINCT a.child_id) FROM guardian_attendance a JOIN guardian_meetings m ON m.id = a.meeting_id WHERE m.day BETWEEN @from AND @to) AS families`);
  const attention = db.prepare<DayRange, number>(`
    SELECT count(DISTINCT child_id) FROM attention WHERE from_day <= @to AND (to_day IS NULL OR to_day >= @from)`).pluck();
  const plans = db.prepare<DayRange, { due: number; onTime: number }>(`
    SELECT count(*) AS due, coalesce(sum(reviewed_on IS NOT NULL AND reviewed_on <= review_on), 0) AS onTime
    FROM attention_plans WHERE review_on BETWEEN @from AND @to`);
  const support = db.prepare<DayRange, { records: number; children: number; totalFen: number }>(`
    SELECT count(*) AS records, count(DISTINCT child_id) AS children, coalesce(sum(amount_fen), 0) AS totalFen
    FROM support INDEXED BY support_day WHERE day BETWEEN @from AND @to`);

  return {
    paired: (r: DayRange) => new Set(paired.all(r)),
    talks: (r: DayRange) => talks.all(r),
    visits: (r: DayRange) => visits.all(r),
    guardianContacts: (r: DayRange) => guardianContacts.get(r)!,
    meetings: (r: DayRange) => meetings.get(r)!,
    attention: (r: DayRange) => attention.get(r)!,
    plans: (r: DayRange) => plans.get(r)!,
    support: (r: DayRange) => support.get(r)!,
  };
}
