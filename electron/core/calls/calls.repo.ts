import type { Db } from '../db/open.js';
import type { Call, CallHomeChild, CallMonthCount, ParentToCall } from '../../../shared/domain/calls.js';

const CALL = `k.id, k.child_id AS childId, c.name AS childName, c.grade, c.class_no AS classNo, k.with_role AS withRole,
  k.with_name AS withName, k.kind, k.direction, k.at, k.day, k.seconds, k.note, t.name AS teacherName`;
const CALL_FROM = 'calls k JOIN children c ON c.id = k.child_id LEFT JOIN teachers t ON t.id = k.teacher_id';

// The last contact with a parent, per child.
const LAST = `(SELECT max(p.day) FROM calls p INDEXED BY calls_parent WHERE p.child_id = c.id AND p.with_role IN ('father', 'mother'))`;

type RawHome = Omit<CallHomeChild, 'parents'> & { awayParents: string };

export function createCallsRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO calls (child_id, with_role, with_name, kind, direction, at, day, seconds, note, teacher_id, created_at)
    VALUES (@childId, @withRole, @withName, @kind, @direction, @at, @day, @seconds, @note, @teacherId, @now) RETURNING id`).pluck();
  const one = db.prepare(`SELECT ${CALL} FROM ${CALL_FROM} WHERE k.id = ?`);
  const remove = db.prepare('DELETE FROM calls WHERE id = ?');
  const contactOf = db.prepare('SELECT role, name FROM contacts WHERE id = ? AND child_id = ?');
  const between = db.prepare(`SELECT ${CALL} FROM ${CALL_FROM} WHERE k.day BETWEEN ? AND ? ORDER BY k.at DESC, k.id DESC LIMIT ?`);
  const ofChild = db.prepare(`SELECT ${CALL} FROM ${CALL_FROM} WHERE k.child_id = ? ORDER BY k.at DESC, k.id DESC LIMIT 200`);
  const byMonth = db.prepare(`
    SELECT substr(day, 1, 7) AS month, sum(kind = 'voice') AS voice, sum(kind = 'video') AS video, sum(kind = 'letter') AS letter
    FROM calls WHERE child_id = ? GROUP BY month ORDER BY month DESC LIMIT 24`);
  // Left-behind children who came to the room today and have not been in touch with a parent since `cutoff`.
  const callHome = db.prepare(`
    SELECT c.id AS childId, c.name, c.grade, c.class_no AS classNo, c.away_parents AS awayParents, ${LAST} AS lastDay,
      CAST(julianday(@today) - julianday(${LAST}) AS INTEGER) AS daysSince
    FROM children c
    WHERE c.status = 'active' AND c.away_parents <> 'none'
      AND EXISTS (SELECT 1 FROM visits v WHERE v.day = @today AND v.child_id = c.id)
      AND (${LAST} IS NULL OR ${LAST} <= @cutoff)
    ORDER BY ${LAST} IS NOT NULL, ${LAST}, c.grade, c.class_no, c.search_full`);
  const monthTotal = db.prepare("SELECT count(*) FROM children WHERE status = 'active' AND away_parents <> 'none'").pluck();
  const monthMissing = db.prepare(`
    SELECT c.id AS childId, c.name, c.grade, c.class_no AS classNo, c.away_parents AS awayParents, ${LAST} AS lastDay,
      CAST(julianday(@today) - julianday(${LAST}) AS INTEGER) AS daysSince
    FROM children c
    WHERE c.status = 'active' AND c.away_parents <> 'none'
      AND NOT EXISTS (SELECT 1 FROM calls p INDEXED BY calls_parent
        WHERE p.child_id = c.id AND p.with_role IN ('father', 'mother') AND p.day BETWEEN @from AND @to)
    ORDER BY c.grade, c.class_no, c.search_full`);
  const parents = db.prepare(`
    SELECT child_id AS childId, role, name, phones, work_place AS workPlace FROM contacts
    WHERE child_id IN (SELECT value FROM json_each(?)) AND role IN ('father', 'mother') ORDER BY child_id, position`);

  /** The away parents of each child, with their phones, to dial. */
  function withParents(rows: RawHome[]): CallHomeChild[] {
    if (rows.length === 0) return [];
    const all = parents.all(JSON.stringify(rows.map((r) => r.childId))) as { childId: number; role: 'father' | 'mother'; name: string; phones: string; workPlace: string }[];
    const byChild = new Map<number, ParentToCall[]>();
    for (const p of all) {
      const list = byChild.get(p.childId) ?? [];
      list.push({ role: p.role, name: p.name, phones: JSON.parse(p.phones) as string[], workPlace: p.workPlace });
      byChild.set(p.childId, list);
    }
    return rows.map(({ awayParents, ...r }) => ({
      ...r,
      parents: (byChild.get(r.childId) ?? []).filter((p) => awayParents === 'both' || awayParents === p.role),
    }));
  }

  return {
    insert: (c: Record<string, unknown>) => Number(insert.get(c)),
    one: (id: number) => one.get(id) as Call | undefined,
    remove: (id: number) => remove.run(id).changes,
    contactOf: (contactId: number, childId: number) => contactOf.get(contactId, childId) as { role: Call['withRole']; name: string } | undefined,
    /** The screen shows the newest `limit`; the export takes them all. */
    between: (from: string, to: string, limit = Number.MAX_SAFE_INTEGER) => between.all(from, to, limit) as Call[],
    ofChild: (childId: number) => ofChild.all(childId) as Call[],
    byMonth: (childId: number) => byMonth.all(childId) as CallMonthCount[],
    callHome: (today: string, cutoff: string) => withParents(callHome.all({ today, cutoff }) as RawHome[]),
    monthTotal: () => Number(monthTotal.get()),
    monthMissing: (from: string, to: string, today: string) => withParents(monthMissing.all({ from, to, today }) as RawHome[]),
  };
}

export type CallsRepo = ReturnType<typeof createCallsRepo>;
