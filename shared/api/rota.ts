import { z } from 'zod';
import { domain, ok } from './procedure.js';
import { day, id, optionalLine, optionalNote, pin, requiredLine, text } from '../domain/fields.js';
import { calendarEntrySchema, calendarInput, dutyNoteSchema, firstStepsSchema, rotaDaySchema, schoolNumbersInput, schoolNumbersSchema } from '../domain/rota.js';

const T = 'teacher' as const;
const A = 'admin' as const;
const changes = ['rota'] as const;
const reads = ['rota', 'teachers', 'settings'] as const;

/** The duty rota (值班表), the room's calendar and each day's handover note (值班记录). */
export const rota = domain('rota', {
  /** Each day of a range (at most 62): open or not and why, and who is on duty. */
  days: { access: T, input: z.object({ from: day, to: day }), output: z.array(rotaDaySchema), reads },
  /** One day's duty given to one teacher instead of the weekly pattern. */
  setChange: { access: A, input: z.object({ day, teacherId: id, reason: optionalLine(60) }), output: ok, changes },
  clearChange: { access: A, input: z.object({ day }), output: ok, changes },
  /** Two teachers swap their duty days: each day's teacher goes to the other day. */
  swap: { access: A, input: z.object({ a: day, b: day }), output: ok, changes },
  calendar: { access: T, input: z.object({}), output: z.array(calendarEntrySchema), reads },
  addCalendar: { access: A, input: calendarInput, output: calendarEntrySchema, changes },
  removeCalendar: { access: A, input: z.object({ id }), output: ok, changes },
  note: { access: T, input: z.object({ day }), output: dutyNoteSchema.nullable(), reads },
  /** The latest handover note before a day: what the previous duty teacher left for the next. */
  previousNote: { access: T, input: z.object({ day }), output: dutyNoteSchema.nullable(), reads },
  saveNote: { access: T, input: z.object({ day, note: optionalNote(1000) }), output: ok, changes },
});

/** The first run: the checklist, the recovery code, leaving the demo school. */
export const firstRun = domain('firstrun', {
  steps: { access: T, input: z.object({}), output: firstStepsSchema, reads: ['children', 'teachers', 'settings', 'rota', 'library'] },
  /** A new recovery code (the old one stops working); shown once, kept only hashed. */
  newRecoveryCode: { access: A, input: z.object({}), output: z.object({ code: z.string() }), changes: ['settings'] },
  /** From the lock screen: an admin's PIN reset with the recovery code. */
  recover: {
    access: 'desk',
    input: z.object({ teacherId: id, code: text().max(64), newPin: pin }),
    output: ok,
    changes: ['teachers'],
  },
  /** "开始正式使用": a backup, then every record of the made-up school is removed; the admin signed in stays. */
  clearDemo: {
    access: A,
    input: z.object({ confirm: requiredLine(20) }),
    output: z.object({ backup: z.string() }),
    changes: ['app', 'children', 'visits', 'library', 'calls', 'events', 'birthdays', 'teachers', 'rota', 'summary', 'audit', 'backups'],
  },
});

/** The school's numbers for the 联系卡 in the teacher's binder. */
export const cards = domain('cards', {
  numbers: { access: T, input: z.object({}), output: schoolNumbersSchema, reads: ['settings'] },
  setNumbers: { access: A, input: schoolNumbersInput, output: schoolNumbersSchema, changes: ['settings'] },
});
