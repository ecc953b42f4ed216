import { AppError, isErrorCode } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import {
  eventCategoryKeys,
  type EventCategory,
  type EventCategoryKey,
  type EventDetail,
  type EventFields,
  type EventStatus,
  type KioskEvent,
  type Signup,
  type SignupResult,
} from '../../../shared/domain/events.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createEventsRepo } from './events.repo.js';
import type { ChildrenRepo } from '../children/children.repo.js';
import { createCategoriesService, type CategoryKind } from '../categories/categories.service.js';
import type { CategoryRow } from '../categories/categories.repo.js';

const WEEK = 7 * 86_400_000;
const EVENT_CATEGORIES: CategoryKind<EventCategoryKey> = {
  domain: 'events',
  entity: 'eventCategory',
  table: 'event_categories',
  usedBy: 'events',
  keys: eventCategoryKeys,
};
const toCategory = ({ id, key, name }: CategoryRow<EventCategoryKey>): EventCategory => ({ id, key, name });

/** A trigger's RAISE(ABORT, 'events.full'): the database refused a place past the capacity. */
function isFull(err: unknown): boolean {
  return err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_TRIGGER' && isErrorCode(err.message) && err.message === 'events.full';
}

/** `children`: the children's repo, the one reader of that table (for sign-ups and the kiosk). */
export function createEventsService(db: Db, children: ChildrenRepo) {
  const repo = createEventsRepo(db);
  const categories = createCategoriesService(db, EVENT_CATEGORIES);

  function mustEvent(id: number) {
    const e = repo.one(id);
    if (!e) throw new AppError('events.notFound');
    return e;
  }

  function detail(id: number): EventDetail {
    const event = mustEvent(id);
    const attendance: Record<number, number[]> = {};
    for (const a of repo.attendanceOf(id)) (attendance[a.sessionId] ??= []).push(a.childId);
    return { event, sessions: repo.sessions(id), signups: repo.signups(id), attendance };
  }

  /** One session per week for a group, at the same time of day. */
  function sessionsOf(e: EventFields) {
    return Array.from({ length: e.weeks }, (_, i) => ({ startsAt: e.startsAt + i * WEEK, endsAt: e.endsAt + i * WEEK, day: dayOf(e.startsAt + i * WEEK) }));
  }

  function mustChild(id: number) {
    const c = children.brief(id);
    if (!c) throw new AppError('children.notFound');
    return c;
  }

  /** Fills free places from the waitlist's head until the database says the event is full. */
  function promoteWaiting(eventId: number, now: number): Signup[] {
    const promoted: Signup[] = [];
    for (let next = repo.firstWaiting(eventId); next !== undefined; next = repo.firstWaiting(eventId)) {
      try {
        repo.promote(next, now);
      } catch (err) {
        if (isFull(err)) break;
        throw err;
      }
      promoted.push(repo.signupById(next)!);
    }
    return promoted;
  }

  /**
   * A sign-up: the event is planned and its window open, the child in school and of a grade it takes, not
   * signed up already. A place if the database has one, else the waitlist (left-behind children first
   * when the event says so); a teacher may place a child past the capacity with a reason.
   */
  function signUp(eventId: number, childId: number, by: 'kiosk' | 'teacher', reason: string | null, ctx: CallContext): SignupResult {
    return write(db, () => {
      const e = mustEvent(eventId);
      const c = mustChild(childId);
      if (e.status !== 'planned') throw new AppError('events.notOpen', { title: e.title });
      // The kiosk never learns the name of a child who has left.
      if (c.status !== 'active') throw by === 'kiosk' ? new AppError('children.notFound') : new AppError('events.childLeft', { name: c.name });
      if (!e.grades.includes(c.grade)) throw new AppError('events.gradeNotAllowed', { title: e.title, grade: c.grade });
      if (e.opensAt !== null && ctx.now < e.opensAt) throw new AppError('events.windowNotOpen', { title: e.title, at: e.opensAt });
      if ((e.closesAt !== null && ctx.now > e.closesAt) || ctx.now > e.lastEndsAt) throw new AppError('events.windowClosed', { title: e.title });
      const already = repo.active(eventId, childId);
      // A waiting child placed past the capacity by a teacher, with a reason.
      if (already && already.status === 'waitlist' && reason !== null && by === 'teacher') {
        repo.placeOver(already.id, reason, ctx.now);
        ctx.audit({ action: 'events.overCapacity', entity: 'signup', entityId: already.id, detail: { eventId, childId, reason } });
        return { signup: repo.signups(eventId).find((s) => s.id === already.id)!, promoted: null };
      }
      if (already) throw new AppError('events.alreadySignedUp', { name: c.name, title: e.title });
      const teacherId = ctx.session.teacher?.id ?? null;
      let id: number;
      let placedOver = false;
      try {
        id = repo.insertSignup(eventId, childId, 'confirmed', null, by, teacherId, ctx.now);
      } catch (err) {
        if (!isFull(err)) throw err;
        // Full: the waitlist, or past the capacity when a teacher gave a reason.
        placedOver = reason !== null;
        id = repo.insertSignup(eventId, childId, placedOver ? 'confirmed' : 'waitlist', placedOver ? reason : null, by, teacherId, ctx.now);
      }
      if (placedOver) ctx.audit({ action: 'events.overCapacity', entity: 'signup', entityId: id, detail: { eventId, childId, reason } });
      const signup = repo.signups(eventId).find((s) => s.id === id)!;
      return { signup, promoted: null };
    });
  }

  /** Cancels a sign-up; a freed place goes to the head of the waitlist at once. */
  function cancel(eventId: number, childId: number, by: 'kiosk' | 'teacher', ctx: CallContext): SignupResult {
    return write(db, () => {
      const e = mustEvent(eventId);
      const s = repo.active(eventId, childId);
      if (!s) throw new AppError('events.notSignedUp');
      // At the kiosk a child undoes only their own sign-up, and only while sign-ups are open.
      if (by === 'kiosk' && (s.signedBy !== 'kiosk' || (e.closesAt !== null && ctx.now > e.closesAt) || e.status !== 'planned')) {
        throw new AppError('events.askTeacher');
      }
      repo.cancelSignup(s.id, ctx.now);
      const promoted = s.status === 'confirmed' && e.status === 'planned' ? promoteWaiting(eventId, ctx.now) : [];
      ctx.audit({ action: 'events.cancel', entity: 'signup', entityId: s.id, detail: { eventId, childId, promoted: promoted.map((p) => p.childId) } });
      return { signup: { ...s, status: 'cancelled' as const }, promoted: promoted[0] ?? null };
    });
  }

  return {
    repo,
    categories: () => categories.list().map(toCategory),
    saveCategory: (id: number | null | undefined, name: string, ctx: CallContext) => categories.save(id, name, ctx).map(toCategory),
    removeCategory: (id: number, ctx: CallContext) => categories.remove(id, ctx).map(toCategory),
    detail,
    signUp,
    cancel,

    create(f: EventFields, ctx: CallContext): EventDetail {
      return write(db, () => {
        if (f.categoryId !== null && !categories.exists(f.categoryId)) throw new AppError('events.categoryNotFound');
        const id = repo.insert(f, ctx.now);
        repo.replaceSessions(id, sessionsOf(f));
        ctx.audit({ action: 'events.create', entity: 'event', entityId: id, detail: { sessions: f.weeks } });
        return detail(id);
      });
    },

    update(id: number, f: EventFields, ctx: CallContext): EventDetail {
      return write(db, () => {
        const before = mustEvent(id);
        if (f.categoryId !== null && !categories.exists(f.categoryId)) throw new AppError('events.categoryNotFound');
        const timesChanged = before.startsAt !== f.startsAt || before.endsAt !== f.endsAt || before.sessions !== f.weeks;
        if (timesChanged && repo.attendanceTaken(id)) throw new AppError('events.hasAttendance');
        repo.update(id, f, ctx.now);
        if (timesChanged) repo.replaceSessions(id, sessionsOf(f));
        // More places: the waitlist moves up at once (while the event is still open).
        const promoted = before.status === 'planned' ? promoteWaiting(id, ctx.now) : [];
        ctx.audit({ action: 'events.update', entity: 'event', entityId: id, detail: { promoted: promoted.map((p) => p.childId) } });
        return detail(id);
      });
    },

    setStatus(id: number, status: EventStatus, ctx: CallContext): EventDetail {
      return write(db, () => {
        const e = mustEvent(id);
        repo.setStatus(id, status, ctx.now);
        // Back to planned: places freed meanwhile go to the waitlist first.
        if (status === 'planned') promoteWaiting(id, ctx.now);
        ctx.audit({ action: 'events.status', entity: 'event', entityId: id, detail: { status: { from: e.status, to: status } } });
        return detail(id);
      });
    },

    /** Attendance of one session: the confirmed children, present or not; the event counts as held. */
    markAttendance(sessionId: number, present: readonly number[], ctx: CallContext): EventDetail {
      return write(db, () => {
        const s = repo.session(sessionId);
        if (!s) throw new AppError('events.sessionNotFound');
        const e = mustEvent(s.eventId);
        if (e.status === 'cancelled') throw new AppError('events.notOpen', { title: e.title });
        const session = repo.sessions(s.eventId).find((x) => x.id === sessionId)!;
        if (session.day > dayOf(ctx.now)) throw new AppError('events.sessionInFuture', { day: session.day });
        const confirmed = repo.signups(s.eventId).filter((x) => x.status === 'confirmed').map((x) => x.childId);
        const marked = new Set(present.filter((c) => confirmed.includes(c)));
        repo.markSession(sessionId, confirmed, marked);
        // Held once its last session has attendance; a weekly group stays open for sign-ups until then.
        const last = repo.sessions(s.eventId).at(-1)!;
        if (e.status === 'planned' && last.id === sessionId) repo.setStatus(e.id, 'held', ctx.now);
        return detail(s.eventId);
      });
    },

    /** Open events a child may join now, as the kiosk shows them. */
    kioskEvents(childId: number, now: number): KioskEvent[] {
      const c = children.brief(childId);
      if (!c || c.status !== 'active') return [];
      const cats = new Map(categories.list().map((k) => [k.id, k]));
      return repo
        .list('upcoming', now)
        .filter((e) => e.status === 'planned' && e.grades.includes(c.grade) && (e.opensAt === null || e.opensAt <= now) && (e.closesAt === null || e.closesAt >= now) && e.lastEndsAt >= now)
        .map((e) => {
          const mine = repo.active(e.id, childId);
          const position = mine?.status === 'waitlist' ? (repo.signups(e.id).find((s) => s.id === mine.id)?.position ?? null) : null;
          const cat = e.categoryId === null ? null : cats.get(e.categoryId);
          return {
            id: e.id,
            title: e.title,
            categoryKey: cat?.key ?? null,
            categoryName: cat?.name ?? null,
            startsAt: e.startsAt,
            endsAt: e.endsAt,
            place: e.place,
            sessions: e.sessions,
            placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.confirmed),
            mine: mine ? (mine.status as 'confirmed' | 'waitlist') : null,
            position,
          };
        });
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
