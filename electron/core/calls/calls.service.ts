import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import type { Call, CallHomeChild, CallRules, MonthlyTarget, ParentToCall } from '../../../shared/domain/calls.js';
import type { z } from 'zod';
import type { callInput } from '../../../shared/domain/calls.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createCallsRepo, type CallHomeRow } from './calls.repo.js';
import { createChildrenRepo } from '../children/children.repo.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { changeSetting } from '../settings/settings.service.js';
import { createCalendar } from '../rota/calendar.js';

/** A clock a minute off between the PC and a phone is not "the future". */
const FUTURE_SLACK_MS = 60_000;

export function createCallsService(db: Db) {
  const repo = createCallsRepo(db);
  const children = createChildrenRepo(db);
  const settings = createSettingsRepo(db);
  const calendar = createCalendar(db);

  const rules = (): CallRules => settings.read(SETTING.callRules);

  /** The away parents of each child, with their phones, to dial. */
  function withParents(rows: CallHomeRow[]): CallHomeChild[] {
    if (rows.length === 0) return [];
    const byChild = new Map<number, ParentToCall[]>();
    for (const { childId, ...p } of children.parentsOf(rows.map((r) => r.childId))) {
      const list = byChild.get(childId) ?? [];
      list.push(p);
      byChild.set(childId, list);
    }
    return rows.map(({ awayParents, ...r }) => ({
      ...r,
      parents: (byChild.get(r.childId) ?? []).filter((p) => awayParents === 'both' || awayParents === p.role),
    }));
  }

  return {
    repo,
    rules,

    setRules: (next: CallRules, ctx: CallContext): CallRules => changeSetting(db, SETTING.callRules, next, 'calls.rules', ctx),

    log(input: z.output<typeof callInput>, ctx: CallContext): Call {
      // The checks and the insert in one transaction: the answer's id is never one a failed commit took back.
      return write(db, () => {
        if (!children.brief(input.childId)) throw new AppError('children.notFound');
        const contact = children.contactOf(input.contactId, input.childId);
        if (!contact) throw new AppError('calls.contactNotFound');
        const seconds = input.kind === 'letter' ? null : input.seconds;
        // A call logged as it ends started its length ago.
        const at = input.at ?? ctx.now - (seconds ?? 0) * 1000;
        if (at > ctx.now + FUTURE_SLACK_MS) throw new AppError('calls.inFuture');
        const id = repo.insert({
          childId: input.childId,
          withRole: contact.role,
          withName: contact.name,
          kind: input.kind,
          direction: input.direction,
          at,
          day: dayOf(at),
          seconds,
          note: input.note,
          teacherId: ctx.session.teacher?.id ?? null,
          now: ctx.now,
        });
        return repo.one(id)!;
      });
    },

    remove(id: number, reason: string, ctx: CallContext): void {
      write(db, () => {
        const call = repo.one(id);
        if (!call) throw new AppError('calls.notFound');
        // A call is deleted by the teacher who logged it, or by an admin: not by any colleague.
        const me = ctx.session.teacher;
        if (me?.role !== 'admin' && (call.teacherId === null || call.teacherId !== me?.id)) throw new AppError('calls.notYours');
        repo.remove(id);
        ctx.audit({ action: 'calls.remove', entity: 'call', entityId: id, detail: { childId: call.childId, day: call.day, reason } });
      });
    },

    /** Children in the room today with no contact with a parent for `noContactDays` days or more. */
    callHome(now: number) {
      const today = dayOf(now);
      const days = rules().noContactDays;
      const cutoff = dayjs(today).subtract(days, 'day').format('YYYY-MM-DD');
      // On a day the calendar closes the room nobody is "in the room today" to call from it.
      if (calendar.day(today).reason === 'closure') return { days, children: [] };
      return { days, children: withParents(repo.callHome(today, cutoff)) };
    },

    monthly(month: string, now: number): MonthlyTarget {
      const from = `${month}-01`;
      const to = dayjs(from).endOf('month').format('YYYY-MM-DD');
      const missing = withParents(repo.monthMissing(from, to, dayOf(now)));
      const total = children.leftBehindCount();
      return { month, total, contacted: total - missing.length, missing };
    },
  };
}

export type CallsService = ReturnType<typeof createCallsService>;
