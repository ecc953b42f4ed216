import type { Db } from '../db/open.js';
import { PRIORITY_SQL } from '../../../shared/domain/family.js';
import type { EventFields, EventItem, EventSession, EventStatus, Signup } from '../../../shared/domain/events.js';

const EVENT = `e.id, e.title, e.category_id AS categoryId, e.description, e.place, e.starts_at AS startsAt, e.ends_at AS endsAt,
  e.capacity, e.grades, e.opens_at AS opensAt, e.closes_at AS closesAt, e.left_behind_first AS leftBehindFirst, e.status,
  (SELECT count(*) FROM event_sessions s WHERE s.event_id = e.id) AS sessions,
  coalesce((SELECT max(s.ends_at) FROM event_sessions s WHERE s.event_id = e.id), e.ends_at) AS lastEndsAt,
  (SELECT count(*) FROM signups x WHERE x.event_id = e.id AND x.status = 'confirmed') AS confirmed,
  (SELECT count(*) FROM signups x WHERE x.event_id = e.id AND x.status = 'waitlist') AS waitlist`;
type RawEvent = Omit<EventItem, 'grades' | 'leftBehindFirst'> & { grades: string; leftBehindFirst: number };
const toEvent = (r: RawEvent): EventItem => ({ ...r, grades: JSON.parse(r.grades) as number[], leftBehindFirst: r.leftBehindFirst === 1 });

// Priority is read when asked: it follows the event's setting and the child's record as they are now. Who has it:
// PRIORITY_CATEGORIES (农村留守儿童, 事实无人抚养儿童, 孤儿), written by categoryOf into children.category.
const PRIORITY = `((SELECT left_behind_first FROM events pe WHERE pe.id = x.event_id) = 1 AND c.category IN (${PRIORITY_SQL}))`;
const SIGNUP = `x.id, x.event_id AS eventId, x.child_id AS childId, c.name, c.grade, c.class_no AS classNo,
  c.category IN (${PRIORITY_SQL}) AS leftBehind, x.status, ${PRIORITY} AS priority, x.over_capacity_reason AS overCapacityReason,
  x.signed_by AS signedBy, x.created_at AS createdAt, x.promoted_at AS promotedAt`;
type RawSignup = Omit<Signup, 'leftBehind' | 'priority' | 'position'> & { leftBehind: number; priority: number };

export function createEventsRepo(db: Db) {
  const insert = db
    .prepare<EventRow & { now: number }, number>(`
    INSERT INTO events (title, category_id, description, place, starts_at, ends_at, capacity, grades, opens_at, closes_at,
      left_behind_first, created_at, updated_at)
    VALUES (@title, @categoryId, @description, @place, @startsAt, @endsAt, @capacity, @grades, @opensAt, @closesAt,
      @leftBehindFirst, @now, @now) RETURNING id`)
    .pluck();
  const update = db.prepare<EventRow & { id: number; now: number }>(`
    UPDATE events SET title = @title, category_id = @categoryId, description = @description, place = @place,
      starts_at = @startsAt, ends_at = @endsAt, capacity = @capacity, grades = @grades, opens_at = @opensAt,
      closes_at = @closesAt, left_behind_first = @leftBehindFirst, updated_at = @now WHERE id = @id`);
  const setStatus = db.prepare<[string, number, number]>('UPDATE events SET status = ?, updated_at = ? WHERE id = ?');
  const one = db.prepare<[number], RawEvent>(`SELECT ${EVENT} FROM events e WHERE e.id = ?`);
  const upcoming = db.prepare<[number, number], RawEvent>(`SELECT ${EVENT} FROM events e WHERE e.ends_at >= ? OR EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND s.ends_at >= ?) ORDER BY e.starts_at LIMIT 500`);
  const past = db.prepare<[number, number], RawEvent>(`SELECT ${EVENT} FROM events e WHERE NOT (e.ends_at >= ? OR EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND s.ends_at >= ?)) ORDER BY e.starts_at DESC LIMIT 500`);
  const all = db.prepare<[], RawEvent>(`SELECT ${EVENT} FROM events e ORDER BY e.starts_at DESC LIMIT 2000`);
  const sessions = db.prepare<[number], EventSession>(`
    SELECT s.id, s.starts_at AS startsAt, s.ends_at AS endsAt, s.day,
      (SELECT sum(present) FROM event_attendance a WHERE a.session_id = s.id) AS present
    FROM event_sessions s WHERE s.event_id = ? ORDER BY s.starts_at`);
  const session = db.prepare<[number], { id: number; eventId: number }>('SELECT id, event_id AS eventId FROM event_sessions WHERE id = ?');
  const clearSessions = db.prepare<[number]>('DELETE FROM event_sessions WHERE event_id = ?');
  const insertSession = db.prepare<[number, number, number, string]>('INSERT INTO event_sessions (event_id, starts_at, ends_at, day) VALUES (?, ?, ?, ?)');
  const attendanceTaken = db
    .prepare<[number], number>('SELECT count(*) FROM event_attendance a JOIN event_sessions s ON s.id = a.session_id WHERE s.event_id = ?')
    .pluck();
  const attendanceOf = db.prepare<[number], { sessionId: number; childId: number }>(`
    SELECT a.session_id AS sessionId, a.child_id AS childId FROM event_attendance a JOIN event_sessions s ON s.id = a.session_id
    WHERE s.event_id = ? AND a.present = 1`);
  const clearAttendance = db.prepare<[number]>('DELETE FROM event_attendance WHERE session_id = ?');
  const mark = db.prepare<[number, number, 0 | 1]>('INSERT INTO event_attendance (session_id, child_id, present) VALUES (?, ?, ?)');

  const signups = db.prepare<[number], RawSignup>(`
    SELECT ${SIGNUP} FROM signups x JOIN children c ON c.id = x.child_id
    WHERE x.event_id = ? AND x.status <> 'cancelled'
    ORDER BY x.status = 'waitlist', x.status = 'waitlist' AND ${PRIORITY} DESC, x.created_at, x.id`);
  const active = db.prepare<[number, number], RawSignup>(`SELECT ${SIGNUP} FROM signups x JOIN children c ON c.id = x.child_id WHERE x.event_id = ? AND x.child_id = ? AND x.status <> 'cancelled'`);
  const signupById = db.prepare<[number], RawSignup>(`SELECT ${SIGNUP} FROM signups x JOIN children c ON c.id = x.child_id WHERE x.id = ?`);
  const insertSignup = db
    .prepare<[number, number, 'confirmed' | 'waitlist', string | null, 'kiosk' | 'teacher', number | null, number], number>(`
    INSERT INTO signups (event_id, child_id, status, over_capacity_reason, signed_by, teacher_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`)
    .pluck();
  const cancelSignup = db.prepare<[number, number]>("UPDATE signups SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status <> 'cancelled'");
  // The waitlist's head: left-behind children first when the event says so, then who came first.
  const firstWaiting = db
    .prepare<[number], number>(`
    SELECT x.id FROM signups x JOIN children c ON c.id = x.child_id WHERE x.event_id = ? AND x.status = 'waitlist'
    ORDER BY ${PRIORITY} DESC, x.created_at, x.id LIMIT 1`)
    .pluck();
  const promote = db.prepare<[number, number]>("UPDATE signups SET status = 'confirmed', promoted_at = ? WHERE id = ?");
  const placeOver = db.prepare<[string, number, number]>("UPDATE signups SET status = 'confirmed', over_capacity_reason = ?, promoted_at = ? WHERE id = ? AND status = 'waitlist'");
  const ofChild = db.prepare<[number], RawSignup & { title: string; startsAt: number; eventStatus: EventStatus; attended: number; sessions: number }>(`
    SELECT ${SIGNUP}, e.title, e.starts_at AS startsAt, e.status AS eventStatus,
      (SELECT count(*) FROM event_attendance a JOIN event_sessions s ON s.id = a.session_id WHERE s.event_id = e.id AND a.child_id = x.child_id AND a.present = 1) AS attended,
      (SELECT count(*) FROM event_sessions s WHERE s.event_id = e.id) AS sessions
    FROM signups x JOIN children c ON c.id = x.child_id JOIN events e ON e.id = x.event_id
    WHERE x.child_id = ? AND x.status <> 'cancelled' ORDER BY e.starts_at DESC LIMIT 200`);

  const toSignup = (r: RawSignup): Signup => ({ ...r, leftBehind: r.leftBehind === 1, priority: r.priority === 1, position: null });

  return {
    insert: (e: EventFields, now: number) => insert.get({ ...row(e), now })!,
    update: (id: number, e: EventFields, now: number) => update.run({ ...row(e), id, now }),
    setStatus: (id: number, status: string, now: number) => setStatus.run(status, now, id),
    one: (id: number) => {
      const r = one.get(id);
      return r ? toEvent(r) : undefined;
    },
    list: (when: 'upcoming' | 'past' | 'all', now: number) =>
      (when === 'all' ? all.all() : (when === 'upcoming' ? upcoming : past).all(now, now)).map(toEvent),
    sessions: (eventId: number) => sessions.all(eventId),
    session: (id: number) => session.get(id),
    replaceSessions(eventId: number, list: { startsAt: number; endsAt: number; day: string }[]) {
      clearSessions.run(eventId);
      for (const s of list) insertSession.run(eventId, s.startsAt, s.endsAt, s.day);
    },
    attendanceTaken: (eventId: number) => attendanceTaken.get(eventId)! > 0,
    attendanceOf: (eventId: number) => attendanceOf.all(eventId),
    markSession(sessionId: number, childIds: readonly number[], present: ReadonlySet<number>) {
      clearAttendance.run(sessionId);
      for (const c of childIds) mark.run(sessionId, c, present.has(c) ? 1 : 0);
    },
    signups: (eventId: number): Signup[] => {
      let place = 0;
      return signups.all(eventId).map((r) => {
        const s = toSignup(r);
        return s.status === 'waitlist' ? { ...s, position: ++place } : s;
      });
    },
    active: (eventId: number, childId: number) => {
      const r = active.get(eventId, childId);
      return r ? toSignup(r) : undefined;
    },
    signupById: (id: number) => {
      const r = signupById.get(id);
      return r ? toSignup(r) : undefined;
    },
    insertSignup: (eventId: number, childId: number, status: 'confirmed' | 'waitlist', reason: string | null, by: 'kiosk' | 'teacher', teacherId: number | null, now: number) =>
      insertSignup.get(eventId, childId, status, reason, by, teacherId, now)!,
    cancelSignup: (id: number, now: number) => cancelSignup.run(now, id).changes,
    firstWaiting: (eventId: number) => firstWaiting.get(eventId),
    promote: (id: number, now: number) => promote.run(now, id),
    placeOver: (id: number, reason: string, now: number) => placeOver.run(reason, now, id).changes,
    ofChild: (childId: number) => ofChild.all(childId),
    toSignup,
  };
}

type EventRow = ReturnType<typeof row>;

function row(e: EventFields) {
  return {
    title: e.title,
    categoryId: e.categoryId,
    description: e.description,
    place: e.place,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    capacity: e.capacity,
    grades: JSON.stringify(e.grades),
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    leftBehindFirst: e.leftBehindFirst ? 1 : 0,
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;
