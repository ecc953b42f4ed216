import type { Db } from '../db/open.js';

/** A range of calendar days with its instants: `from`'s first millisecond and `to`'s last, school-local. */
export interface DayRange {
  from: string;
  to: string;
  fromMs: number;
  toEnd: number;
}

type AwayParents = 'father' | 'mother' | 'both' | 'none';
import type { ChildCategory } from '../../../shared/domain/family.js';
import type { LivesWith } from '../../../shared/domain/summary.js';

interface RawHeld {
  categoryId: number | null;
  key: string | null;
  name: string | null;
  events: number;
}

export interface LeftBehindRow {
  childId: number;
  name: string;
  grade: number;
  classNo: number;
  createdAt: number;
  leftDate: string | null;
}

export interface TopReaderRow {
  childId: number;
  name: string;
  grade: number;
  classNo: number;
  loans: number;
  /** Over every reader of the range, not only the top ones. */
  readers: number;
  total: number;
}

export interface TopTitleRow {
  bookId: number;
  title: string;
  author: string;
  loans: number;
  /** Titles lent in the range, not only the top ones. */
  titles: number;
}

/**
 * The SQL of the figures (stats.ts says what each one means). A child is "in school" at some time in a
 * range when the record was created by its end and the child had not left before its start.
 */
export function createStatsRepo(db: Db) {
  const inRange = (c: '' | 'k.' | 'c.') => `${c}created_at <= @toEnd AND (${c}status = 'active' OR ${c}left_date >= @from)`;
  const IN_RANGE = inRange('');
  const inSchool = db.prepare<DayRange, number>(`SELECT count(*) FROM children WHERE ${IN_RANGE}`).pluck();
  const byGrade = db.prepare<DayRange, { grade: number; children: number }>(
    `SELECT grade, count(*) AS children FROM children WHERE ${IN_RANGE} GROUP BY grade ORDER BY grade`,
  );
  const byAway = db.prepare<DayRange, { awayParents: AwayParents; children: number }>(
    `SELECT away_parents AS awayParents, count(*) AS children FROM children WHERE ${IN_RANGE} GROUP BY away_parents`,
  );
  // Every category (shared/domain/family.ts), each child once: the breakdown sums to inSchool.
  const byCategory = db.prepare<DayRange, { category: ChildCategory; children: number }>(
    `SELECT category, count(*) AS children FROM children WHERE ${IN_RANGE} GROUP BY category`,
  );
  // Whom each child lives with, by the first that applies (a parent, grandparents, other relatives, someone else,
  // not recorded): each child once, so it sums to inSchool too.
  const LIVES = (cond: string) => `EXISTS (SELECT 1 FROM contacts x WHERE x.child_id = c.id AND x.lives_with = 1 AND ${cond})`;
  const livesWith = db.prepare<DayRange, { livesWith: LivesWith; children: number }>(`
    SELECT CASE
      WHEN ${LIVES("(x.role IN ('father', 'mother') OR x.relation IN ('father', 'mother'))")} THEN 'parent'
      WHEN ${LIVES("x.relation IN ('grandfatherPaternal', 'grandmotherPaternal', 'grandfatherMaternal', 'grandmotherMaternal')")} THEN 'grandparents'
      WHEN ${LIVES("x.relation IN ('uncle', 'aunt', 'sibling')")} THEN 'relatives'
      WHEN ${LIVES('1')} THEN 'other'
      ELSE 'unknown' END AS livesWith, count(*) AS children
    FROM children c WHERE ${inRange('c.')} GROUP BY 1`);
  const termOf = db.prepare<{ from: string }, { id: number; name: string; pupils: number | null }>(
    'SELECT id, name, pupils FROM terms WHERE start_date <= @from AND end_date >= @from',
  );
  const setPupils = db.prepare<{ id: number; pupils: number | null }>('UPDATE terms SET pupils = @pupils WHERE id = @id');
  const joined = db.prepare<DayRange, number>('SELECT count(*) FROM children WHERE created_at BETWEEN @fromMs AND @toEnd').pluck();
  const left = db.prepare<DayRange, number>('SELECT count(*) FROM children WHERE left_date BETWEEN @from AND @to').pluck();
  const atEnd = db.prepare<DayRange, { total: number; complete: number }>(`
    SELECT count(*) AS total, coalesce(sum(missing = '[]'), 0) AS complete FROM children
    WHERE created_at <= @toEnd AND (status = 'active' OR left_date > @to)`);

  // Both in one pass over the (day, child) index.
  const VISIT_DAYS = 'FROM visits INDEXED BY visits_day WHERE day BETWEEN @from AND @to GROUP BY day ORDER BY day';
  const visitsPerDay = db.prepare<DayRange, { day: string; visits: number }>(`SELECT day, count(*) AS visits ${VISIT_DAYS}`);
  const visitsAndChildrenPerDay = db.prepare<DayRange, { day: string; visits: number; children: number }>(
    `SELECT day, count(*) AS visits, count(DISTINCT child_id) AS children ${VISIT_DAYS}`,
  );
  // One look per child in its own index: much cheaper than a DISTINCT over every visit of the range.
  const visitors = db
    .prepare<DayRange, number>(`
    SELECT count(*) FROM children c
    WHERE EXISTS (SELECT 1 FROM visits v INDEXED BY visits_child WHERE v.child_id = c.id AND v.day BETWEEN @from AND @to)`)
    .pluck();

  // By day and kind, in the index's own order (no sorting); stats.ts adds the days up by month.
  const kindsByDay = db.prepare<DayRange, { day: string; kind: 'voice' | 'video' | 'letter'; n: number }>(`
    SELECT day, kind, count(*) AS n FROM calls INDEXED BY calls_day_kind WHERE day BETWEEN @from AND @to GROUP BY day, kind`);
  const leftBehind = db.prepare<DayRange, LeftBehindRow>(`
    SELECT id AS childId, name, grade, class_no AS classNo, created_at AS createdAt, left_date AS leftDate
    FROM children WHERE away_parents <> 'none' AND ${IN_RANGE} ORDER BY grade, class_no, search_full`);
  // Child by child in the parents' calls index (CROSS JOIN keeps that order): only the range's calls are read.
  const parentMonths = db.prepare<DayRange, { childId: number; month: string }>(`
    SELECT DISTINCT k.id AS childId, substr(p.day, 1, 7) AS month
    FROM children k CROSS JOIN calls p INDEXED BY calls_parent
      ON p.child_id = k.id AND p.with_role IN ('father', 'mother') AND p.day BETWEEN @from AND @to
    WHERE k.away_parents <> 'none' AND ${inRange('k.')}`);

  const parties = db.prepare<DayRange, { parties: number; celebrated: number }>(`
    SELECT count(*) AS parties, coalesce(sum(json_array_length(children)), 0) AS celebrated
    FROM group_birthdays WHERE held_on BETWEEN @from AND @to`);

  // The window counts are taken over every group before the LIMIT: the totals come with the top rows.
  const topReaders = db.prepare<DayRange & { top: number }, TopReaderRow>(`
    SELECT l.child_id AS childId, c.name, c.grade, c.class_no AS classNo, count(*) AS loans,
      count(*) OVER () AS readers, sum(count(*)) OVER () AS total
    FROM loans l INDEXED BY loans_lent_on JOIN children c ON c.id = l.child_id WHERE l.lent_on BETWEEN @from AND @to
    GROUP BY l.child_id ORDER BY loans DESC, c.grade, c.class_no, c.search_full LIMIT @top`);
  const topTitles = db.prepare<DayRange & { top: number }, TopTitleRow>(`
    SELECT b.id AS bookId, b.title, b.author, count(*) AS loans, count(*) OVER () AS titles
    FROM loans l INDEXED BY loans_lent_on JOIN copies cp ON cp.id = l.copy_id JOIN books b ON b.id = cp.book_id
    WHERE l.lent_on BETWEEN @from AND @to GROUP BY b.id ORDER BY loans DESC, b.search_full LIMIT @top`);
  // Out at the end of `to` and past due. "Lent by then" needs no test: a loan is due on or after the day
  // it was lent (a CHECK), and returned_on is null exactly when returned_at is (another CHECK).
  const overdueAtEnd = db
    .prepare<{ to: string }, number>(`
    SELECT (SELECT count(*) FROM loans INDEXED BY loans_open_due WHERE returned_at IS NULL AND due_on < @to)
      + (SELECT count(*) FROM loans INDEXED BY loans_returned_on WHERE returned_on > @to AND due_on < @to)`)
    .pluck();

  const held = db.prepare<DayRange, RawHeld>(`
    SELECT e.category_id AS categoryId, k.key, k.name, count(*) AS events
    FROM events e LEFT JOIN event_categories k ON k.id = e.category_id
    WHERE e.status = 'held' AND e.starts_at BETWEEN @fromMs AND @toEnd GROUP BY e.category_id ORDER BY k.position`);
  // Each event held in the range: its first day, its sessions, and the children present at one of them at least.
  const heldList = db.prepare<DayRange, { eventId: number; title: string; day: string; sessions: number; participants: number }>(`
    SELECT e.id AS eventId, e.title,
      coalesce(min(s.day), date(e.starts_at / 1000, 'unixepoch', 'localtime')) AS day, count(s.id) AS sessions,
      (SELECT count(DISTINCT a.child_id) FROM event_attendance a JOIN event_sessions s2 ON s2.id = a.session_id
        WHERE s2.event_id = e.id AND a.present = 1) AS participants
    FROM events e LEFT JOIN event_sessions s ON s.event_id = e.id
    WHERE e.status = 'held' AND e.starts_at BETWEEN @fromMs AND @toEnd GROUP BY e.id ORDER BY day, e.id`);
  const sessionsHeld = db
    .prepare<DayRange, number>(`
    SELECT count(DISTINCT a.session_id) FROM event_attendance a JOIN event_sessions s ON s.id = a.session_id
    WHERE a.present = 1 AND s.day BETWEEN @from AND @to`)
    .pluck();
  const signups = db
    .prepare<DayRange, number>(`
    SELECT count(*) FROM signups x JOIN events e ON e.id = x.event_id
    WHERE x.status = 'confirmed' AND e.status <> 'cancelled' AND e.starts_at BETWEEN @fromMs AND @toEnd`)
    .pluck();
  const attendances = db.prepare<DayRange, { attendances: number; takingPart: number }>(`
    SELECT count(*) AS attendances, count(DISTINCT a.child_id) AS takingPart FROM event_attendance a
    JOIN event_sessions s ON s.id = a.session_id WHERE a.present = 1 AND s.day BETWEEN @from AND @to`);

  return {
    inSchool: (r: DayRange) => inSchool.get(r)!,
    byGrade: (r: DayRange) => byGrade.all(r),
    byAway: (r: DayRange) => byAway.all(r),
    byCategory: (r: DayRange) => byCategory.all(r),
    /** The term containing `from`, with the pupils entered for it. */
    termOf: (from: string) => termOf.get({ from }),
    setPupils: (id: number, pupils: number | null) => setPupils.run({ id, pupils }).changes,
    livesWith: (r: DayRange) => livesWith.all(r),
    heldList: (r: DayRange) => heldList.all(r),
    sessionsHeld: (r: DayRange) => sessionsHeld.get(r)!,
    joined: (r: DayRange) => joined.get(r)!,
    left: (r: DayRange) => left.get(r)!,
    atEnd: (r: DayRange) => atEnd.get(r)!,
    visitsPerDay: (r: DayRange) => visitsPerDay.all(r),
    visitsAndChildrenPerDay: (r: DayRange) => visitsAndChildrenPerDay.all(r),
    visitors: (r: DayRange) => visitors.get(r)!,
    kindsByDay: (r: DayRange) => kindsByDay.all(r),
    leftBehind: (r: DayRange) => leftBehind.all(r),
    parentMonths: (r: DayRange) => parentMonths.all(r),
    parties: (r: DayRange) => parties.get(r)!,
    topReaders: (r: DayRange, top: number) => topReaders.all({ ...r, top }),
    topTitles: (r: DayRange, top: number) => topTitles.all({ ...r, top }),
    overdueAtEnd: (to: string) => overdueAtEnd.get({ to })!,
    held: (r: DayRange) => held.all(r),
    signups: (r: DayRange) => signups.get(r)!,
    attendances: (r: DayRange) => attendances.get(r)!,
  };
}

export type StatsRepo = ReturnType<typeof createStatsRepo>;
