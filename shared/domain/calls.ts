import { z } from 'zod';
import { id } from './fields.js';
import { cleanNote, charLength } from './text.js';
import type { Day } from './dates.js';
import type { ContactRole } from './child.js';

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
  note: z
    .string()
    .nullish()
    .transform((s) => cleanNote(s ?? ''))
    .refine((s) => charLength(s) <= 500, { error: 'validation:tooLong', params: { max: 500 } }),
});
export type CallInput = z.input<typeof callInput>;

export const callRules = z.object({
  noContactDays: z.number({ error: 'validation:number' }).int({ error: 'validation:number' }).min(1, { error: 'validation:tooSmall' }).max(365, { error: 'validation:tooBig' }),
});
export type CallRules = z.output<typeof callRules>;
export const DEFAULT_CALL_RULES: CallRules = { noContactDays: 30 };

export interface Call {
  id: number;
  childId: number;
  childName: string;
  grade: number;
  classNo: number;
  withRole: ContactRole;
  withName: string;
  kind: CallKind;
  direction: CallDirection;
  at: number;
  day: Day;
  seconds: number | null;
  note: string;
  teacherName: string | null;
}

/** A parent the child may call: the away ones first. */
export interface ParentToCall {
  role: 'father' | 'mother';
  name: string;
  phones: string[];
  workPlace: string;
}

export interface CallHomeChild {
  childId: number;
  name: string;
  grade: number;
  classNo: number;
  /** The last contact with a parent, or null if there was none. */
  lastDay: Day | null;
  daysSince: number | null;
  parents: ParentToCall[];
}

export interface MonthlyTarget {
  month: string;
  /** Left-behind children in school (active, a parent away). */
  total: number;
  contacted: number;
  missing: CallHomeChild[];
}

export interface CallMonthCount {
  month: string;
  voice: number;
  video: number;
  letter: number;
}
