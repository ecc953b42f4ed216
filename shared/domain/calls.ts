import { z } from 'zod';
import { classNo, count, dayText, grade, id, instant, monthText, optionalNote } from './fields.js';
import { contactRoles } from './child.js';

export const callKinds = ['voice', 'video', 'letter'] as const;
export type CallKind = (typeof callKinds)[number];
/** out: the child called (or wrote) home; in: a parent called in. */
export const callDirections = ['out', 'in'] as const;
export type CallDirection = (typeof callDirections)[number];

/** Four hours: longer is a typing mistake, not a call. */
export const MAX_CALL_SECONDS = 4 * 3600;

export const callInput = z.object({
  childId: id,
  contactId: id,
  kind: z.enum(callKinds, { error: 'validation:required' }),
  direction: z.enum(callDirections, { error: 'validation:required' }),
  /** When it happened (unix ms), never in the future; left out: it ended just now (the core's clock). */
  at: z.number({ error: 'validation:required' }).int().positive().nullish().transform((v) => v ?? null),
  /** The call's length, timed on screen or typed in minutes; none for a letter. */
  seconds: z
    .number({ error: 'validation:number' })
    .int({ error: 'validation:number' })
    .min(0, { error: 'validation:duration' })
    .max(MAX_CALL_SECONDS, { error: 'validation:duration' })
    .nullish()
    .transform((v) => v ?? null),
  note: optionalNote(500),
});
export type CallInput = z.input<typeof callInput>;

export const callRules = z.object({
  noContactDays: z.number({ error: 'validation:number' }).int({ error: 'validation:number' }).min(1, { error: 'validation:tooSmall' }).max(365, { error: 'validation:tooBig' }),
});
export type CallRules = z.output<typeof callRules>;
export const DEFAULT_CALL_RULES: CallRules = { noContactDays: 30 };

export const callSchema = z.object({
  id,
  childId: id,
  childName: z.string(),
  grade,
  classNo,
  withRole: z.enum(contactRoles),
  withName: z.string(),
  kind: z.enum(callKinds),
  direction: z.enum(callDirections),
  at: instant,
  day: dayText,
  seconds: count.nullable(),
  note: z.string(),
  teacherName: z.string().nullable(),
  /** Who logged it: only they (or an admin) may delete it. */
  teacherId: id.nullable(),
});
export type Call = z.infer<typeof callSchema>;

/** A parent the child may call: the away ones first. */
export const parentToCallSchema = z.object({
  role: z.enum(['father', 'mother']),
  name: z.string(),
  phones: z.array(z.string()),
  workPlace: z.string(),
});
export type ParentToCall = z.infer<typeof parentToCallSchema>;

export const callHomeChildSchema = z.object({
  childId: id,
  name: z.string(),
  grade,
  classNo,
  /** The last contact with a parent, or null if there was none. */
  lastDay: dayText.nullable(),
  daysSince: count.nullable(),
  parents: z.array(parentToCallSchema),
});
export type CallHomeChild = z.infer<typeof callHomeChildSchema>;

export const monthlyTargetSchema = z.object({
  month: monthText,
  /** Left-behind children in school (active, a parent away). */
  total: count,
  contacted: count,
  missing: z.array(callHomeChildSchema),
});
export type MonthlyTarget = z.infer<typeof monthlyTargetSchema>;

export const callMonthCountSchema = z.object({ month: monthText, voice: count, video: count, letter: count });
export type CallMonthCount = z.infer<typeof callMonthCountSchema>;
