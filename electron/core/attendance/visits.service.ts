import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import { calledName } from '../../../shared/domain/names.js';
import { birthdaysBetween } from '../../../shared/domain/birthdays.js';
import type { OpeningHours } from '../../../shared/domain/hours.js';
import type { Board, KioskResult, Visit } from '../../../shared/domain/attendance.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createVisitsRepo, type OpenVisit } from './visits.repo.js';
import { createAuditRepo } from '../audit/audit.repo.js';
import { createChildrenRepo, type ChildBrief } from '../children/children.repo.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { changeSetting } from '../settings/settings.service.js';
import { createCalendar } from '../rota/calendar.js';

/** A second tap on the same child within this time shows the first result again instead of undoing it. */
export const REPEAT_TAP_MS = 5000;

type By = 'kiosk' | 'teacher';

export function createVisitsService(db: Db) {
  const repo = createVisitsRepo(db);
  // The kiosk's last answer per child with the clock's reading when it was given: the repeat guard measures
  // on the clock as it runs now, so a visit written before the clock was set back never looks "just tapped".
  const lastTaps = new Map<number, { at: number; result: KioskResult }>();
  const isRepeat = (elapsed: number) => elapsed >= 0 && elapsed < REPEAT_TAP_MS;
  const children = createChildrenRepo(db);
  const settings = createSettingsRepo(db);
  const audit = createAuditRepo(db);

  const hours = (): OpeningHours => settings.read(SETTING.openingHours);
  const calendar = createCalendar(db);

  /** When a day's room closes (its opening hours), or the day's last minute when it keeps none. */
  function closingOf(day: string): number {
    const h = hours()[dayjs(day).day()];
    return dayjs(`${day} ${h ? h.close : '23:59'}`).valueOf();
  }

  /**
   * Visits left open on an earlier day are closed at that day's closing time and flagged
   * "not signed out", with an audit row: a forgotten child is never silently signed out.
   */
  function closeStale(now: number): number {
    const stale = repo.stale(dayOf(now));
    if (stale.length === 0) return 0;
    write(db, () => {
      for (const v of stale) {
        repo.closeStale(v.id, closingOf(v.day));
        audit.write({ at: now, teacherId: null, action: 'attendance.notSignedOut', entity: 'visit', entityId: v.id, detail: { day: v.day } });
      }
    });
    return stale.length;
  }

  function mustChild(id: number): ChildBrief {
    const c = children.brief(id);
    if (!c) throw new AppError('children.notFound');
    return c;
  }

  /** Today is the child's birthday: the lunar one when the record keeps one (rules in shared/domain/birthdays.ts). */
  function isBirthday(c: ChildBrief, today: string): boolean {
    return birthdaysBetween(c, today, today).length > 0;
  }

  /**
   * The write of a sign-in, for a child already looked up (and stale visits already closed); `open` is the
   * child's open visit, read by the caller in the same transaction.
   */
  function openVisit(c: ChildBrief, by: By, ctx: CallContext, open: OpenVisit | undefined): Visit {
    const childId = c.id;
    if (c.status !== 'active') throw new AppError('checkins.childLeft', { name: c.name });
    // Signed in at a time after now: the clock was set back since. Said as such, never "in since tomorrow".
    if (open && open.inAt > ctx.now) throw new AppError('checkins.alreadyInFuture', { name: c.name });
    if (open) throw new AppError('checkins.alreadyIn', { name: c.name, since: open.inAt });
    try {
      return repo.insert(childId, dayOf(ctx.now), ctx.now, by, ctx.session.teacher?.id ?? null);
    } catch (err) {
      // Two taps racing past the check: the unique index keeps one open visit.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('checkins.alreadyIn', { name: c.name });
      throw err;
    }
  }

  function closeVisit(c: ChildBrief, by: By, ctx: CallContext, open: OpenVisit | undefined): Visit {
    if (!open) throw new AppError('checkins.notIn', { name: c.name });
    // A sign-in timed after now (the clock was set back) closes at its own time: never before it (the
    // table's check), and the board lists it among the visits timed after now for a teacher to correct.
    repo.close(open.id, Math.max(open.inAt, ctx.now), by, ctx.session.teacher?.id ?? null);
    return repo.byId(open.id)!;
  }

  function signIn(childId: number, by: By, ctx: CallContext): Visit {
    closeStale(ctx.now);
    return write(db, () => openVisit(mustChild(childId), by, ctx, repo.open(childId)));
  }

  function signOut(childId: number, by: By, ctx: CallContext): Visit {
    closeStale(ctx.now);
    return write(db, () => closeVisit(mustChild(childId), by, ctx, repo.open(childId)));
  }

  return {
    repo,
    hours,
    setHours: (next: OpeningHours, ctx: CallContext) => changeSetting(db, SETTING.openingHours, next, 'settings.hours', ctx),
    closeStale,
    signIn,
    signOut,

    /** The kiosk's one button: in if out, out if in; a repeated tap within seconds changes nothing. */
    toggle(childId: number, ctx: CallContext): KioskResult {
      const today = dayOf(ctx.now);
      const result: KioskResult = write(db, () => {
        let facts = repo.tap(childId, today);
        if (facts?.anyStale) {
          closeStale(ctx.now);
          facts = repo.tap(childId, today);
        }
        // The kiosk never learns the name of a child who has left.
        if (!facts || facts.child.status !== 'active') throw new AppError('children.notFound');
        const { child: c, open, last } = facts;
        const base = { childId, name: c.name, calledName: calledName(c.name), birthday: isBirthday(c, today) };
        // A negative elapsed time (the clock was set back) is unknown, not "just now": the tap counts.
        const tap = lastTaps.get(childId);
        if (tap && isRepeat(ctx.now - tap.at)) return { ...tap.result, repeated: true };
        if (last) {
          // Another process (or this one before a restart) may have recorded the last tap.
          const lastAt = last.outAt ?? last.inAt;
          if (isRepeat(ctx.now - lastAt)) {
            return { ...base, action: last.outAt === null ? ('in' as const) : ('out' as const), at: lastAt, repeated: true };
          }
        }
        if (open) {
          closeVisit(c, 'kiosk', ctx, open);
          // The greeting is for arriving; leaving gets a plain goodbye. The time shown is the tap's.
          return { ...base, birthday: false, action: 'out' as const, at: ctx.now, repeated: false };
        }
        const v = openVisit(c, 'kiosk', ctx, open);
        return { ...base, action: 'in' as const, at: v.inAt, repeated: false };
      });
      // Only a tap that changed something is remembered: a repeat keeps the first tap's time.
      if (!result.repeated) lastTaps.set(childId, { at: ctx.now, result });
      return result;
    },

    board(day: string, now: number): Board {
      closeStale(now);
      const children = repo.board(day);
      const counts = { in: 0, left: 0, none: 0 };
      for (const c of children) counts[c.state]++;
      const h = hours()[dayjs(day).day()];
      // The same answer to "was the room open" as the rota, the call-home list and the summary's days open.
      const open = calendar.day(day);
      const closedFor = open.reason === 'closure' ? open.calendarName : null;
      const closesAt = h && closedFor === null ? dayjs(`${day} ${h.close}`).valueOf() : null;
      return { day, children, future: repo.future(dayOf(now), now), counts, closesAt, closedFor, now };
    },

    /**
     * A teacher moves a sign-in or sign-out time, with a reason (audited): never to a time after the core's
     * now, a sign-out never before its sign-in, and a visit reopened only when the child has no other open one.
     */
    correct(visitId: number, inAt: number, outAt: number | null, reason: string, ctx: CallContext): Visit {
      return write(db, () => {
        const v = repo.byId(visitId);
        if (!v) throw new AppError('attendance.visitNotFound');
        if (outAt !== null && outAt < inAt) throw new AppError('attendance.outBeforeIn');
        if (inAt > ctx.now || (outAt ?? 0) > ctx.now) throw new AppError('attendance.futureTime', { until: ctx.now });
        if (outAt === null && v.outAt !== null) {
          const open = repo.open(v.childId);
          if (open && open.id !== v.id) throw new AppError('checkins.alreadyIn', { name: mustChild(v.childId).name, since: open.inAt });
        }
        // A visit timed after now (the clock was set back) may move to the day it really was, never to a later one.
        const timedAfterNow = v.inAt > ctx.now || (v.outAt ?? 0) > ctx.now;
        const moves = timedAfterNow && dayOf(inAt) !== v.day && dayOf(inAt) <= dayOf(ctx.now);
        if (dayOf(inAt) !== v.day && !moves) throw new AppError('attendance.otherDay', { day: v.day });
        if (moves) repo.moveVisit(visitId, dayOf(inAt), inAt, outAt);
        else repo.setTimes(visitId, inAt, outAt, 'teacher');
        ctx.audit({
          action: 'attendance.correct',
          entity: 'visit',
          entityId: visitId,
          detail: {
            childId: v.childId,
            from: { inAt: v.inAt, outAt: v.outAt, ...(moves ? { day: v.day } : {}) },
            to: { inAt, outAt, ...(moves ? { day: dayOf(inAt) } : {}) },
            reason,
          },
        });
        return repo.byId(visitId)!;
      });
    },

    /** Deletes a visit made by mistake, with a reason; the audit row keeps whose visit it was and its times. */
    remove(visitId: number, reason: string, ctx: CallContext): void {
      write(db, () => {
        const v = repo.byId(visitId);
        if (!v) throw new AppError('attendance.visitNotFound');
        repo.remove(visitId);
        ctx.audit({ action: 'attendance.deleteVisit', entity: 'visit', entityId: visitId, detail: { childId: v.childId, day: v.day, inAt: v.inAt, outAt: v.outAt, reason } });
      });
    },

    /**
     * Takes back a teacher's hand sign-in (the visit goes) or sign-out (the visit is open again), the
     * moment after: only the child's latest visit, in the state the hand action left it.
     */
    undo(visitId: number, action: 'in' | 'out', ctx: CallContext): Visit | null {
      return write(db, () => {
        const v = repo.byId(visitId);
        if (!v) throw new AppError('attendance.visitNotFound');
        const c = mustChild(v.childId);
        const latest = repo.last(v.childId);
        // Only what a teacher did by hand: a child's own sign-in goes only by deleteVisit, with a reason.
        const byHand = action === 'in' ? v.inBy === 'teacher' : v.outBy === 'teacher';
        if (latest?.id !== v.id || !byHand || (action === 'in' ? v.outAt !== null : v.outAt === null)) throw new AppError('attendance.cannotUndo', { name: c.name });
        if (action === 'in') repo.remove(visitId);
        else repo.reopen(visitId);
        ctx.audit({ action: action === 'in' ? 'attendance.undoSignIn' : 'attendance.undoSignOut', entity: 'visit', entityId: visitId, detail: { childId: c.id, inAt: v.inAt, outAt: v.outAt } });
        return action === 'in' ? null : repo.byId(visitId)!;
      });
    },

    /**
     * 全部签退: the children the teacher confirmed, signed out in one transaction with one audit row.
     * A child who left meanwhile is skipped; the answer says how many were signed out.
     */
    signOutAll(childIds: readonly number[], ctx: CallContext): { count: number } {
      closeStale(ctx.now);
      return write(db, () => {
        // Ids, not names, in the audit row: deleting a child must leave no name behind (the log shows names by joining).
        const done: number[] = [];
        for (const childId of new Set(childIds)) {
          const open = repo.open(childId);
          if (!open) continue;
          repo.close(open.id, Math.max(open.inAt, ctx.now), 'teacher', ctx.session.teacher?.id ?? null);
          done.push(childId);
        }
        if (done.length > 0) ctx.audit({ action: 'attendance.signOutAll', entity: 'visit', detail: { count: done.length, childIds: done } });
        return { count: done.length };
      });
    },
  };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
