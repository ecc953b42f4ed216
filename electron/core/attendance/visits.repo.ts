import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { BoardChild, Visit } from '../../../shared/domain/attendance.js';
import type { RegisterRow } from '../../../shared/api/attendance.js';

const VISIT = `id, child_id AS childId, day, in_at AS inAt, out_at AS outAt, in_by AS inBy, out_by AS outBy,
  not_signed_out AS notSignedOut`;
type RawVisit = Omit<Visit, 'notSignedOut'> & { notSignedOut: number };
const toVisit = (r: RawVisit): Visit => ({ ...r, notSignedOut: r.notSignedOut === 1 });
const maybeVisit = (r: RawVisit | undefined) => (r ? toVisit(r) : undefined);

type RawBoardChild = Omit<BoardChild, 'state' | 'notSignedOut'> & { notSignedOut: number };
const toBoardChild = (r: RawBoardChild): BoardChild => ({
  ...r,
  notSignedOut: r.notSignedOut === 1,
  state: r.openVisitId !== null ? 'in' : r.visits > 0 ? 'left' : 'none',
});

type RawRegisterRow = Omit<RegisterRow, 'notSignedOut'> & { notSignedOut: number };
const toRegisterRow = (r: RawRegisterRow): RegisterRow => ({ ...r, notSignedOut: r.notSignedOut === 1 });

/** A child in the room now, since their sign-in. */
export interface InRoomChild {
  id: number;
  name: string;
  grade: number;
  classNo: number;
  since: number;
}

type By = 'kiosk' | 'teacher';

/** The `visits` table (sign-ins and sign-outs); the kiosk's in-or-out flag is read with the child, in children.repo. */
function buildVisitsRepo(db: Db) {
  const open = db.prepare<[childId: number], RawVisit>(`SELECT ${VISIT} FROM visits WHERE child_id = ? AND out_at IS NULL`);
  const last = db.prepare<[childId: number], RawVisit>(`SELECT ${VISIT} FROM visits WHERE child_id = ? ORDER BY day DESC, in_at DESC LIMIT 1`);
  const byId = db.prepare<[id: number], RawVisit>(`SELECT ${VISIT} FROM visits WHERE id = ?`);
  const insert = db.prepare<[childId: number, day: string, at: number, by: By, teacherId: number | null], number>(
    'INSERT INTO visits (child_id, day, in_at, in_by, in_teacher_id) VALUES (?, ?, ?, ?, ?) RETURNING id',
  ).pluck();
  const close = db.prepare<[at: number, by: By, teacherId: number | null, id: number]>(
    'UPDATE visits SET out_at = ?, out_by = ?, out_teacher_id = ? WHERE id = ? AND out_at IS NULL',
  );
  const stale = db.prepare<[today: string], RawVisit>(`SELECT ${VISIT} FROM visits INDEXED BY visits_open_day WHERE out_at IS NULL AND day < ?`);
  const closeStale = db.prepare<[at: number, id: number]>(
    "UPDATE visits SET out_at = max(in_at, ?), out_by = 'closing', not_signed_out = 1 WHERE id = ? AND out_at IS NULL",
  );
  const setTimes = db.prepare<[inAt: number, outAt: number | null, outBy: 'teacher' | null, id: number]>(
    'UPDATE visits SET in_at = ?, out_at = ?, out_by = coalesce(out_by, ?) WHERE id = ?',
  );
  // A visit's day is the day of its sign-in, so one timed after now is on today or later: the day index finds it.
  const future = db.prepare<{ today: string; now: number }, RawVisit & { name: string; grade: number; classNo: number }>(`
    SELECT v.id, v.child_id AS childId, v.day, v.in_at AS inAt, v.out_at AS outAt, v.in_by AS inBy, v.out_by AS outBy,
      v.not_signed_out AS notSignedOut, c.name, c.grade, c.class_no AS classNo
    FROM visits v JOIN children c ON c.id = v.child_id
    WHERE v.day >= @today AND (v.in_at > @now OR v.out_at > @now) ORDER BY v.in_at`);
  const moveVisit = db.prepare<[day: string, inAt: number, outAt: number | null, outBy: 'teacher' | null, id: number]>(
    'UPDATE visits SET day = ?, in_at = ?, out_at = ?, out_by = coalesce(out_by, ?) WHERE id = ?',
  );
  const remove = db.prepare<[id: number]>('DELETE FROM visits WHERE id = ?');
  const reopen = db.prepare<[id: number]>(
    'UPDATE visits SET out_at = NULL, out_by = NULL, out_teacher_id = NULL, not_signed_out = 0 WHERE id = ? AND out_at IS NOT NULL',
  );
  const ofChild = db.prepare<[childId: number, from: string, to: string], RawVisit>(
    `SELECT ${VISIT} FROM visits WHERE child_id = ? AND day BETWEEN ? AND ? ORDER BY in_at DESC`,
  );
  const inRoom = db.prepare<[day: string], InRoomChild>(`
    SELECT c.id, c.name, c.grade, c.class_no AS classNo, v.in_at AS since
    FROM visits v INDEXED BY visits_open_day JOIN children c ON c.id = v.child_id
    WHERE v.out_at IS NULL AND v.day = ? ORDER BY v.in_at`);
  const register = db.prepare<[day: string], RawRegisterRow>(`
    SELECT v.child_id AS childId, c.name, c.grade, c.class_no AS classNo, v.in_at AS inAt, v.out_at AS outAt,
      v.in_by AS inBy, v.out_by AS outBy, v.not_signed_out AS notSignedOut
    FROM visits v JOIN children c ON c.id = v.child_id
    WHERE v.day = ? ORDER BY c.grade, c.class_no, c.search_full, v.in_at`);
  const board = db.prepare<{ day: string }, RawBoardChild>(`
    SELECT c.id, c.name, c.grade, c.class_no AS classNo, c.away_parents AS awayParents, c.search_full AS pinyin, c.search_initials AS initials,
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
    open: (childId: number) => maybeVisit(open.get(childId)),
    last: (childId: number) => maybeVisit(last.get(childId)),
    byId: (id: number) => maybeVisit(byId.get(id)),
    insert: (childId: number, day: string, at: number, by: By, teacherId: number | null) =>
      Number(insert.get(childId, day, at, by, teacherId)),
    close: (id: number, at: number, by: By, teacherId: number | null) => close.run(at, by, teacherId, id).changes,
    stale: (today: string) => stale.all(today).map(toVisit),
    closeStale: (id: number, at: number) => closeStale.run(at, id).changes,
    setTimes: (id: number, inAt: number, outAt: number | null, outBy: 'teacher') => setTimes.run(inAt, outAt, outAt === null ? null : outBy, id),
    /** Visits timed after `now` (the clock was set back since they were written). */
    future: (today: string, now: number) => future.all({ today, now }).map((r) => ({ ...r, notSignedOut: r.notSignedOut === 1 })),
    /** A correction that also moves the visit to the day of its new sign-in (only for a visit timed after now). */
    moveVisit: (id: number, day: string, inAt: number, outAt: number | null) => moveVisit.run(day, inAt, outAt, outAt === null ? null : 'teacher', id),
    /** Deletes a visit made by mistake (the service audits it). */
    remove: (id: number) => remove.run(id).changes,
    /** Undoes a sign-out: the visit is open again (the unique index keeps one open visit per child). */
    reopen: (id: number) => reopen.run(id).changes,
    ofChild: (childId: number, from: string, to: string) => ofChild.all(childId, from, to).map(toVisit),
    /** Who is in the room now (signed in today, not out), in the order they came. */
    inRoom: (day: string) => inRoom.all(day),
    /** The day's 出勤登记表: every visit, in class order. */
    register: (day: string) => register.all(day).map(toRegisterRow),
    board: (day: string) => board.all({ day }).map(toBoardChild),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createVisitsRepo = oncePerDb(buildVisitsRepo);
export type VisitsRepo = ReturnType<typeof buildVisitsRepo>;
