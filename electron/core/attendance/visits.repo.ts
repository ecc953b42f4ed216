import type { Db } from '../db/open.js';
import type { BoardChild, Visit } from '../../../shared/domain/attendance.js';

const VISIT = `id, child_id AS childId, day, in_at AS inAt, out_at AS outAt, in_by AS inBy, out_by AS outBy,
  not_signed_out AS notSignedOut`;
type RawVisit = Omit<Visit, 'notSignedOut'> & { notSignedOut: number };
const toVisit = (r: RawVisit): Visit => ({ ...r, notSignedOut: r.notSignedOut === 1 });

export function createVisitsRepo(db: Db) {
  const open = db.prepare(`SELECT ${VISIT} FROM visits WHERE child_id = ? AND out_at IS NULL`);
  const last = db.prepare(`SELECT ${VISIT} FROM visits WHERE child_id = ? ORDER BY day DESC, in_at DESC LIMIT 1`);
  const byId = db.prepare(`SELECT ${VISIT} FROM visits WHERE id = ?`);
  const insert = db.prepare(
    'INSERT INTO visits (child_id, day, in_at, in_by, in_teacher_id) VALUES (?, ?, ?, ?, ?) RETURNING id',
  ).pluck();
  const close = db.prepare(
    'UPDATE visits SET out_at = ?, out_by = ?, out_teacher_id = ? WHERE id = ? AND out_at IS NULL',
  );
  const stale = db.prepare(`SELECT ${VISIT} FROM visits INDEXED BY visits_open_day WHERE out_at IS NULL AND day < ?`);
  const closeStale = db.prepare(
    "UPDATE visits SET out_at = max(in_at, ?), out_by = 'closing', not_signed_out = 1 WHERE id = ? AND out_at IS NULL",
  );
  const setTimes = db.prepare('UPDATE visits SET in_at = ?, out_at = ?, out_by = coalesce(out_by, ?) WHERE id = ?');
  const ofChild = db.prepare(`SELECT ${VISIT} FROM visits WHERE child_id = ? AND day BETWEEN ? AND ? ORDER BY in_at DESC`);
  const board = db.prepare(`
    SELECT c.id, c.name, c.grade, c.class_no AS classNo, c.away_parents AS awayParents,
      v.firstIn, v.lastOut, coalesce(v.visits, 0) AS visits, coalesce(v.notSignedOut, 0) AS notSignedOut,
      v.openVisitId
    FROM children c
    LEFT JOIN (
      SELECT child_id, min(in_at) AS firstIn, max(out_at) AS lastOut, count(*) AS visits,
        max(not_signed_out) AS notSignedOut, max(CASE WHEN out_at IS NULL THEN id END) AS openVisitId
      FROM visits WHERE day = @day GROUP BY child_id
    ) v ON v.child_id = c.id
    WHERE c.status = 'active' OR v.child_id IS NOT NULL
    ORDER BY c.grade, c.class_no, c.search_full, c.id`);

  return {
    open: (childId: number) => {
      const r = open.get(childId) as RawVisit | undefined;
      return r ? toVisit(r) : undefined;
    },
    last: (childId: number) => {
      const r = last.get(childId) as RawVisit | undefined;
      return r ? toVisit(r) : undefined;
    },
    byId: (id: number) => {
      const r = byId.get(id) as RawVisit | undefined;
      return r ? toVisit(r) : undefined;
    },
    insert: (childId: number, day: string, at: number, by: 'kiosk' | 'teacher', teacherId: number | null) =>
      Number(insert.get(childId, day, at, by, teacherId)),
    close: (id: number, at: number, by: 'kiosk' | 'teacher', teacherId: number | null) => close.run(at, by, teacherId, id).changes,
    stale: (today: string) => (stale.all(today) as RawVisit[]).map(toVisit),
    closeStale: (id: number, at: number) => closeStale.run(at, id).changes,
    setTimes: (id: number, inAt: number, outAt: number | null, outBy: 'teacher') => setTimes.run(inAt, outAt, outAt === null ? null : outBy, id),
    ofChild: (childId: number, from: string, to: string) => (ofChild.all(childId, from, to) as RawVisit[]).map(toVisit),
    board(day: string): BoardChild[] {
      return (board.all({ day }) as (Omit<BoardChild, 'state' | 'notSignedOut'> & { notSignedOut: number })[]).map((r) => ({
        ...r,
        notSignedOut: r.notSignedOut === 1,
        state: r.openVisitId !== null ? 'in' : r.visits > 0 ? 'left' : 'none',
      }));
    },
  };
}

export type VisitsRepo = ReturnType<typeof createVisitsRepo>;
