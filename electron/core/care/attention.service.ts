import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import type { AttentionItem, AttentionRecord, attentionInput, noteInput, planInput } from '../../../shared/domain/care.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createChildrenRepo } from '../children/children.repo.js';
import { createCareRepo } from './care.repo.js';
import { createAttentionRepo, type AttentionRow } from './attention.repo.js';

/**
 * 重点关注: the mark, the individual plan and the notes. The record (reasons, plan, notes) is read only by
 * the teacher who wrote it, the child's current mentors and admins; each note only by its writer, the
 * current mentors and admins. Every read of a record, and every refused one, is an audit row.
 */
export function createAttentionService(db: Db) {
  const repo = createAttentionRepo(db);
  const care = createCareRepo(db);
  const children = createChildrenRepo(db);

  const isAdmin = (ctx: CallContext) => ctx.session.system || ctx.session.teacher?.role === 'admin';
  const me = (ctx: CallContext) => ctx.session.teacher?.id ?? null;
  const isMentor = (ctx: CallContext, childId: number) => {
    const t = me(ctx);
    return t !== null && care.isMentor(t, childId, dayOf(ctx.now));
  };

  /** May open the record: admin, a current mentor, who marked the child, or who wrote one of its notes. */
  function canRead(a: AttentionRow, ctx: CallContext): boolean {
    if (isAdmin(ctx) || isMentor(ctx, a.childId)) return true;
    const t = me(ctx);
    return t !== null && (a.writtenBy === t || repo.noteWriters(a.id).includes(t));
  }
  /** May add to the record (a plan, a review, a note, ending it): admin, a current mentor or who marked the child. */
  function canWrite(a: AttentionRow, ctx: CallContext): boolean {
    return isAdmin(ctx) || isMentor(ctx, a.childId) || (me(ctx) !== null && a.writtenBy === me(ctx));
  }

  const item = (a: AttentionRow, ctx: CallContext): AttentionItem => ({
    id: a.id,
    childId: a.childId,
    childName: a.childName,
    grade: a.grade,
    classNo: a.classNo,
    fromDay: a.fromDay,
    toDay: a.toDay,
    reviewOn: a.reviewOn,
    canRead: canRead(a, ctx),
  });

  function writable(id: number, ctx: CallContext): AttentionRow {
    const a = repo.one(id);
    if (!a) throw new AppError('care.notFound');
    if (!canWrite(a, ctx)) throw new AppError('care.forbidden');
    if (a.toDay !== null) throw new AppError('care.attentionEnded');
    return a;
  }

  return {
    repo,
    /** The caller may know of this record (and see its review in a due list). */
    mayRead: (a: AttentionRow, ctx: CallContext) => canRead(a, ctx),
    mark(input: z.output<typeof attentionInput>, ctx: CallContext): AttentionItem {
      return write(db, () => {
        const c = children.brief(input.childId);
        if (!c) throw new AppError('children.notFound');
        if (c.status !== 'active') throw new AppError('care.childLeft');
        if (input.fromDay > dayOf(ctx.now)) throw new AppError('care.inFuture');
        if (repo.openOf(input.childId) !== undefined) throw new AppError('care.alreadyMarked');
        const id = repo.insert({ childId: input.childId, reasons: [...new Set(input.reasons)], detail: input.detail, fromDay: input.fromDay, writtenBy: me(ctx), now: ctx.now });
        // The reasons are sensitive: the audit row says that, not why.
        ctx.audit({ action: 'care.mark', entity: 'child', entityId: input.childId, detail: { attention: id } });
        return item(repo.one(id)!, ctx);
      });
    },

    unmark(id: number, toDay: string, ctx: CallContext): void {
      write(db, () => {
        const a = writable(id, ctx);
        if (toDay < a.fromDay) throw new AppError('care.endBeforeStart');
        repo.end(id, toDay);
        ctx.audit({ action: 'care.unmark', entity: 'child', entityId: a.childId, detail: { attention: id, to: toDay } });
      });
    },

    /** The open marks the teacher may open (an admin: all of them). */
    list: (ctx: CallContext): AttentionItem[] =>
      repo
        .open()
        .map((a) => item(a, ctx))
        .filter((a) => a.canRead),

    /** How many children are under close attention now (a count only: for every teacher). */
    openCount: (): number => repo.open().length,

    read(id: number, ctx: CallContext): AttentionRecord {
      const a = repo.one(id);
      if (!a) throw new AppError('care.notFound');
      if (!canRead(a, ctx)) {
        ctx.audit({ action: 'care.attentionRefused', entity: 'child', entityId: a.childId, detail: { attention: id } });
        throw new AppError('care.forbidden');
      }
      const full = isAdmin(ctx) || isMentor(ctx, a.childId);
      const t = me(ctx);
      // Who only wrote a note once (a former mentor, a counsellor) reads their own notes, not the record itself.
      const whole = full || (t !== null && a.writtenBy === t);
      const notes = repo.notes(id).filter((n) => full || n.writtenBy === t);
      ctx.audit({ action: 'care.attentionRead', entity: 'child', entityId: a.childId, detail: { attention: id, notes: notes.length } });
      return {
        ...item(a, ctx),
        reasons: whole ? a.reasons : [],
        detail: whole ? a.detail : '',
        writerName: a.writerName,
        plans: whole ? repo.plans(id).map(({ writtenBy: _w, ...p }) => p) : [],
        notes: notes.map(({ writtenBy: _w, ...n }) => n),
      };
    },

    savePlan(input: z.output<typeof planInput>, ctx: CallContext): void {
      write(db, () => {
        const a = writable(input.attentionId, ctx);
        const id = repo.insertPlan({ ...input, writtenBy: me(ctx), now: ctx.now });
        ctx.audit({ action: 'care.plan', entity: 'child', entityId: a.childId, detail: { attention: a.id, plan: id, reviewOn: input.reviewOn } });
      });
    },

    reviewPlan(planId: number, day: string, note: string, ctx: CallContext): void {
      write(db, () => {
        const p = repo.plan(planId);
        if (!p) throw new AppError('care.notFound');
        const a = writable(p.attentionId, ctx);
        if (p.reviewedOn !== null) throw new AppError('care.planReviewed');
        if (day > dayOf(ctx.now)) throw new AppError('care.inFuture');
        repo.review(planId, day, note);
        ctx.audit({ action: 'care.review', entity: 'child', entityId: a.childId, detail: { attention: a.id, plan: planId, day } });
      });
    },

    addNote(input: z.output<typeof noteInput>, ctx: CallContext): void {
      write(db, () => {
        const a = writable(input.attentionId, ctx);
        if (input.day > dayOf(ctx.now)) throw new AppError('care.inFuture');
        const id = repo.insertNote({ ...input, writtenBy: me(ctx), now: ctx.now });
        ctx.audit({ action: 'care.note', entity: 'child', entityId: a.childId, detail: { attention: a.id, note: id, kind: input.kind } });
      });
    },
  };
}

export type AttentionService = ReturnType<typeof createAttentionService>;
