import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import type { Day } from '../../../shared/domain/dates.js';
import type { CalendarEntry, DutyNote, RotaDay } from '../../../shared/domain/rota.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { parseDays } from '../teachers/teachers.repo.js';
import { createCalendar } from './calendar.js';
import { createRotaRepo } from './rota.repo.js';

/** The longest range one call answers: two months, the longest page anyone prints. */
const MAX_DAYS = 62;

export function createRotaService(db: Db) {
  const repo = createRotaRepo(db);
  const calendar = createCalendar(db);

  /**
   * Each day of [from, to]: open or not (the calendar), and who is on duty — the teacher a change names,
   * else every active teacher whose weekly duty days include the weekday. A closed day has nobody on duty.
   */
  function days(from: Day, to: Day): RotaDay[] {
    if (to < from) throw new AppError('rota.endBeforeStart');
    if (dayjs(to).diff(from, 'day') >= MAX_DAYS) throw new AppError('rota.rangeTooLong', { max: MAX_DAYS });
    const pattern = repo.dutyTeachers().map((t) => ({ id: t.id, name: t.name, phone: t.phone, days: parseDays(t.dutyDays) }));
    const changes = new Map(repo.changes(from, to).map((c) => [c.day, c]));
    return calendar.days(from, to).map((d) => {
      const weekday = dayjs(d.day).day();
      const change = changes.get(d.day);
      const teachers = !d.open
        ? []
        : change
          ? [{ id: change.teacherId, name: change.name, phone: change.phone }]
          : pattern.filter((t) => t.days.includes(weekday)).map(({ id, name, phone }) => ({ id, name, phone }));
      return { ...d, weekday, teachers, changed: d.open && change !== undefined, changeReason: change?.reason ?? '' };
    });
  }

  function mustTeacher(id: number) {
    const t = repo.teacher(id);
    if (!t) throw new AppError('teachers.notFound');
    if (t.active !== 1) throw new AppError('rota.teacherInactive', { name: t.name });
    return t;
  }

  const one = (day: Day) => days(day, day)[0]!;

  return {
    calendar,
    days,
    /** The duty teachers of a day (none when the room is closed). */
    onDuty: (day: Day) => one(day).teachers,

    setChange(input: { day: Day; teacherId: number; reason: string }, ctx: CallContext): void {
      write(db, () => {
        const t = mustTeacher(input.teacherId);
        const d = one(input.day);
        if (!d.open) throw new AppError('rota.closedDay', { day: input.day });
        repo.putChange(input.day, t.id, input.reason, ctx.now);
        ctx.audit({ action: 'rota.change', entity: 'teacher', entityId: t.id, detail: { day: input.day, name: t.name, was: d.teachers.map((x) => x.name), reason: input.reason } });
      });
    },

    clearChange(day: Day, ctx: CallContext): void {
      write(db, () => {
        if (repo.dropChange(day) === 0) throw new AppError('rota.noChange', { day });
        ctx.audit({ action: 'rota.clearChange', entity: 'settings', detail: { day } });
      });
    },

    /** Two days' duty teachers trade places; each day must have exactly one. */
    swap(a: Day, b: Day, ctx: CallContext): void {
      write(db, () => {
        if (a === b) throw new AppError('rota.swapSameDay');
        const da = one(a);
        const db_ = one(b);
        for (const d of [da, db_]) {
          if (!d.open) throw new AppError('rota.closedDay', { day: d.day });
          if (d.teachers.length !== 1) throw new AppError('rota.swapNeedsOne', { day: d.day });
        }
        const ta = da.teachers[0]!;
        const tb = db_.teachers[0]!;
        repo.putChange(a, tb.id, `${ta.name} ⇄ ${tb.name}`, ctx.now);
        repo.putChange(b, ta.id, `${ta.name} ⇄ ${tb.name}`, ctx.now);
        ctx.audit({ action: 'rota.swap', entity: 'settings', detail: { a, b, teacherA: ta.name, teacherB: tb.name } });
      });
    },

    listCalendar: (): CalendarEntry[] => repo.calendar(),

    addCalendar(e: Omit<CalendarEntry, 'id'>, ctx: CallContext): CalendarEntry {
      return write(db, () => {
        if (dayjs(e.to).diff(e.from, 'day') > 366) throw new AppError('rota.rangeTooLong', { max: 366 });
        const id = repo.addCalendar(e);
        ctx.audit({ action: 'calendar.add', entity: 'settings', entityId: id, detail: { ...e } });
        return repo.calendarOne(id)!;
      });
    },

    removeCalendar(id: number, ctx: CallContext): void {
      write(db, () => {
        const e = repo.calendarOne(id);
        if (!e) throw new AppError('rota.calendarNotFound');
        repo.removeCalendar(id);
        ctx.audit({ action: 'calendar.remove', entity: 'settings', entityId: id, detail: { ...e } });
      });
    },

    note: (day: Day): DutyNote | null => repo.note(day) ?? null,
    previousNote: (day: Day): DutyNote | null => repo.previousNote(day) ?? null,

    /** The day's handover note; a blank note removes it. Only today's or an earlier day's. */
    saveNote(day: Day, note: string, today: Day, ctx: CallContext): void {
      if (day > today) throw new AppError('rota.noteInFuture');
      write(db, () => {
        if (note === '') repo.dropNote(day);
        else repo.putNote(day, ctx.session.teacher?.id ?? null, note, ctx.now);
        ctx.audit({ action: 'rota.note', entity: 'settings', detail: { day, length: note.length } });
      });
    },
  };
}

export type RotaService = ReturnType<typeof createRotaService>;
