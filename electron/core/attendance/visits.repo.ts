import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { BoardChild, Visit } from '../../../shared/domain/attendance.js';
import type { RegisterRow } from '../../../shared/api/attendance.js';
import { briefColumns, toBrief, type ChildBrief, type RawBrief } from '../children/children.repo.js';

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

/** A child's open visit, as a sign-in or sign-out needs it. */
export type OpenVisit = Pick<Visit, 'id' | 'inAt'>;
/** What a kiosk tap reads: the child, their open visit, their latest visit's times, and whether an earlier day's visit is still open. */
export interface TapFacts {
  child: ChildBrief;
  open: OpenVisit | undefined;
  last: Pick<Visit, 'inAt' | 'outAt'> | undefined;
  anyStale: boolean;
}
type RawTap = RawBrief & { openId: number | null; openInAt: number | null; lastInAt: number | null; lastOutAt: number | null; anyStale: number };

/** The `visits` table (sign-ins and sign-outs); the kiosk's in-or-out flag is read with the child, in children.repo. */
function buildVisitsRepo(db: Db) {
  const open = db.prepare<[childId: number], RawVisit>(`SELECT ${VISIT} FROM visits WHERE child_id = ? AND out_at IS NULL`);
  const last = db.prepare<[childId: number], RawVisit>(`SELECT ${VISIT} FROM visits WHERE child_id = ? ORDER BY day DESC, in_at DESC LIMIT 1`);
  // Everything a kiosk tap reads, in one statement (after a commit each statement costs its own wake-up): the
  // child, their open visit, their latest visit, and whether any visit of an earlier day is still open.
  const tap = db.prepare<{ childId: number; today: string }, RawTap>(`
    SELECT ${briefColumns('c.')},
      o.id AS openId, o.in_at AS openInAt, l.in_at AS lastInAt, l.out_at AS lastOutAt,
      EXISTS (SELECT 1 FROM visits INDEXED BY visits_open_day WHERE out_at IS NULL AND day < @today) AS anyStale
    FROM children c
    LEFT JOIN visits o ON o.child_id = c.id AND o.out_at IS NULL
    LEFT JOIN visits l ON l.id = (SELECT id FROM visits WHERE child_id = c.id ORDER BY day DESC, in_at DESC LIMIT 1)
    WHERE c.id = @childId`);
  const byId = db.prepare<[id: number], RawVisit>(`SELECT ${VISIT} FROM visits WHERE id = ?`);
  // The new row comes back with its insert (read with .get() inside write(): a failed commit still throws there).
  const insert = db.prepare<[childId: number, day: string, at: number, by: By, teacherId: number | null], RawVisit>(
    `INSERT INTO visits (child_id, day, in_at, in_by, in_teacher_id) VALUES (?, ?, ?, ?, ?) RETURNING ${VISIT}`,
  );
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
    byId: (id: number) => maybeVisit(byId.get(id)),
    last: (childId: number) => maybeVisit(last.get(childId)),
    /** What a kiosk tap needs to know, read at once (undefined when there is no such child). */
    tap(childId: number, today: string): TapFacts | undefined {
      const r = tap.get({ childId, today });
      if (!r) return undefined;
      const { openId, openInAt, lastInAt, lastOutAt, anyStale, ...child } = r;
      return {
        child: toBrief(child),
        open: openId !== null && openInAt !== null ? { id: openId, inAt: openInAt } : undefined,
        last: lastInAt !== null ? { inAt: lastInAt, outAt: lastOutAt } : undefined,
        anyStale: anyStale === 1,
      };
    },
    insert: (childId: number, day: string, at: number, by: By, teacherId: number | null): Visit =>
      toVisit(insert.get(childId, day, at, by, teacherId)!),
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
