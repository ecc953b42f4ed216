import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { Call, CallHomeChild, CallMonthCount } from '../../../shared/domain/calls.js';
import type { AwayParents } from '../../../shared/domain/normalize.js';

const CALL = `k.id, k.child_id AS childId, c.name AS childName, c.grade, c.class_no AS classNo, k.with_role AS withRole,
  k.with_name AS withName, k.kind, k.direction, k.at, k.day, k.seconds, k.note, t.name AS teacherName, k.teacher_id AS teacherId`;
const CALL_FROM = 'calls k JOIN children c ON c.id = k.child_id LEFT JOIN teachers t ON t.id = k.teacher_id';

// The last contact with a parent, per child.
const LAST = `(SELECT max(p.day) FROM calls p INDEXED BY calls_parent WHERE p.child_id = c.id AND p.with_role IN ('father', 'mother'))`;

/** A child to call home, before their away parents' phones are added. */
export type CallHomeRow = Omit<CallHomeChild, 'parents'> & { awayParents: AwayParents };

/** A call as written: the contact's role and name are copied, so the log survives a changed record. */
export interface CallRow {
  childId: number;
  withRole: Call['withRole'];
  withName: string;
  kind: Call['kind'];
  direction: Call['direction'];
  at: number;
  day: string;
  seconds: number | null;
  note: string;
  teacherId: number | null;
  now: number;
}

/** The `calls` table; children and teachers are joined for names, contacts are read through children.repo. */
function buildCallsRepo(db: Db) {
  const insert = db.prepare<CallRow, number>(`
    INSERT INTO calls (child_id, with_role, with_name, kind, direction, at, day, seconds, note, teacher_id, created_at)
    VALUES (@childId, @withRole, @withName, @kind, @direction, @at, @day, @seconds, @note, @teacherId, @now) RETURNING id`).pluck();
  const one = db.prepare<[id: number], Call>(`SELECT ${CALL} FROM ${CALL_FROM} WHERE k.id = ?`);
  const remove = db.prepare<[id: number]>('DELETE FROM calls WHERE id = ?');
  const between = db.prepare<[from: string, to: string, limit: number], Call>(
    `SELECT ${CALL} FROM ${CALL_FROM} WHERE k.day BETWEEN ? AND ? ORDER BY k.at DESC, k.id DESC LIMIT ?`,
  );
  const ofChild = db.prepare<[childId: number], Call>(`SELECT ${CALL} FROM ${CALL_FROM} WHERE k.child_id = ? ORDER BY k.at DESC, k.id DESC LIMIT 200`);
  const byMonth = db.prepare<[childId: number], CallMonthCount>(`
    SELECT substr(day, 1, 7) AS month, sum(kind = 'voice') AS voice, sum(kind = 'video') AS video, sum(kind = 'letter') AS letter
    FROM calls WHERE child_id = ? GROUP BY month ORDER BY month DESC LIMIT 24`);
  // Left-behind children who came to the room today and have not been in touch with a parent since `cutoff`.
  // Today's visits are read by day (one index range), and each child's last contact is looked up once.
  const callHome = db.prepare<{ today: string; cutoff: string }, CallHomeRow>(`
    WITH here AS MATERIALIZED (
      SELECT c.id, c.name, c.grade, c.class_no, c.away_parents, c.search_full, ${LAST} AS lastDay
      FROM children c
      WHERE c.id IN (SELECT child_id FROM visits WHERE day = @today) AND c.status = 'active' AND c.away_parents <> 'none')
    SELECT id AS childId, name, grade, class_no AS classNo, away_parents AS awayParents, lastDay,
      CAST(julianday(@today) - julianday(lastDay) AS INTEGER) AS daysSince
    FROM here
    WHERE lastDay IS NULL OR lastDay <= @cutoff
    ORDER BY lastDay IS NOT NULL, lastDay, grade, class_no, search_full`);
  const monthMissing = db.prepare<{ from: string; to: string; today: string }, CallHomeRow>(`
    SELECT c.id AS childId, c.name, c.grade, c.class_no AS classNo, c.away_parents AS awayParents, ${LAST} AS lastDay,
      CAST(julianday(@today) - julianday(${LAST}) AS INTEGER) AS daysSince
    FROM children c
    WHERE c.status = 'active' AND c.away_parents <> 'none'
      AND NOT EXISTS (SELECT 1 FROM calls p INDEXED BY calls_parent
        WHERE p.child_id = c.id AND p.with_role IN ('father', 'mother') AND p.day BETWEEN @from AND @to)
    ORDER BY c.grade, c.class_no, c.search_full`);

  return {
    insert: (c: CallRow) => Number(insert.get(c)),
    one: (id: number) => one.get(id),
    remove: (id: number) => remove.run(id).changes,
    /** The screen shows the newest `limit`; the export takes them all. */
    between: (from: string, to: string, limit = Number.MAX_SAFE_INTEGER) => between.all(from, to, limit),
    ofChild: (childId: number) => ofChild.all(childId),
    byMonth: (childId: number) => byMonth.all(childId),
    callHome: (today: string, cutoff: string) => callHome.all({ today, cutoff }),
    monthMissing: (from: string, to: string, today: string) => monthMissing.all({ from, to, today }),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createCallsRepo = oncePerDb(buildCallsRepo);
export type CallsRepo = ReturnType<typeof buildCallsRepo>;
