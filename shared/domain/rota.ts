import { z } from 'zod';
import { checked, count, day, dayText, id, instant, requiredLine, text } from './fields.js';
import { normalizePhone } from './normalize.js';

/** Weekdays as dayjs counts them: 0 is Sunday. */
export const weekday = z.number({ error: 'validation:invalid' }).int().min(0).max(6);
export const dutyDays = z.array(weekday).max(7).transform((days) => [...new Set(days)].sort((a, b) => a - b));

const teacherPhone = text().nullish().transform((p) => p ?? '').transform(checked(normalizePhone)).transform((p) => p ?? '');
/** Classes taught, each `grade-classNo` (3-2 is 三年级2班); its teachers are on that class's 联系卡. */
const classesTaught = z
  .array(text().regex(/^[1-6]-([1-9]|[12]\d|30)$/, { error: 'validation:invalid' }))
  .max(30)
  .transform((cs) => [...new Set(cs)].sort());

/**
 * What a teacher record keeps beyond name and role: phone, classes taught, weekly duty days. Each may be
 * left out (an older client, the command line): the record keeps what it had, or none for a new teacher.
 */
export const teacherDetailsInput = z.object({
  phone: teacherPhone.optional(),
  classes: classesTaught.optional(),
  dutyDays: dutyDays.optional(),
});

export const dutyTeacherSchema = z.object({ id, name: z.string(), phone: z.string() });
export type DutyTeacher = z.infer<typeof dutyTeacherSchema>;

/** Why a day is open or closed: the weekly hours, a calendar closure, or a special opening. */
export const openReasonSchema = z.enum(['hours', 'closure', 'special']);

/** One day of the rota: is the room open, who is on duty (the pattern's or a change's), and the day's handover note. */
export const rotaDaySchema = z.object({
  day: dayText,
  weekday: z.number().int().min(0).max(6),
  open: z.boolean(),
  reason: openReasonSchema,
  /** The closure's or special opening's name (寒假, 国庆节, 暑期托管). */
  calendarName: z.string().nullable(),
  teachers: z.array(dutyTeacherSchema),
  /** The day's duty was changed from the weekly pattern (an exception or a swap). */
  changed: z.boolean(),
  changeReason: z.string(),
});
export type RotaDay = z.infer<typeof rotaDaySchema>;

export const calendarKinds = ['closed', 'open'] as const;
export const calendarEntrySchema = z.object({ id, kind: z.enum(calendarKinds), name: z.string(), from: dayText, to: dayText });
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export const calendarInput = z.object({
  kind: z.enum(calendarKinds, { error: 'validation:invalid' }),
  name: requiredLine(30),
  from: day,
  to: day,
}).refine((c) => c.to >= c.from, { error: 'validation:endBeforeStart', path: ['to'] });

export const dutyNoteSchema = z.object({ day: dayText, note: z.string(), teacherName: z.string().nullable(), savedAt: instant });
export type DutyNote = z.infer<typeof dutyNoteSchema>;

/** The first-steps checklist on Today: each step ticks itself from the data. */
export const firstStepsSchema = z.object({
  children: count,
  teachers: count,
  hoursSet: z.boolean(),
  rotaSet: z.boolean(),
  books: count,
  /** The made-up school from the wizard is still in the database. */
  demo: z.boolean(),
});
export type FirstSteps = z.infer<typeof firstStepsSchema>;

/** The school's numbers printed on every 联系卡 (Settings → 学校). */
export const schoolNumbersSchema = z.object({ schoolPhone: z.string(), roomPhone: z.string() });
export type SchoolNumbers = z.infer<typeof schoolNumbersSchema>;
const optionalPhone = text().nullish().transform((p) => p ?? '').transform(checked(normalizePhone)).transform((p) => p ?? '');
export const schoolNumbersInput = z.object({ schoolPhone: optionalPhone, roomPhone: optionalPhone });
