import { z } from 'zod';
import { procedure } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import { callInput, callRules, type Call, type CallHomeChild, type CallMonthCount, type CallRules, type MonthlyTarget } from '../domain/calls.js';
import type { FileOut } from '../domain/roster.js';

const T = 'teacher' as const;
export const month = z.string({ error: 'validation:required' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation:month' });

export const log = procedure<Call>()({ name: 'calls.log', access: T, input: callInput });
export const remove = procedure<{ ok: true }>()({ name: 'calls.remove', access: T, input: z.object({ id, reason: requiredLine(100) }) });
export const list = procedure<Call[]>()({ name: 'calls.list', access: T, input: z.object({ from: day, to: day }) });
export const ofChild = procedure<{ calls: Call[]; byMonth: CallMonthCount[] }>()({
  name: 'calls.ofChild',
  access: T,
  input: z.object({ childId: id }),
});
/** Children in the room today with no contact with a parent for the set number of days. */
export const callHome = procedure<{ days: number; children: CallHomeChild[] }>()({ name: 'calls.callHome', access: T, input: z.object({}) });
/** The monthly target: left-behind children with no contact with a parent in the month. */
export const monthly = procedure<MonthlyTarget>()({ name: 'calls.monthly', access: T, input: z.object({ month }) });
export const exportCalls = procedure<FileOut>()({ name: 'calls.export', access: T, input: z.object({ from: day, to: day }) });
export const rules = procedure<CallRules>()({ name: 'calls.rules', access: T, input: z.object({}) });
export const setRules = procedure<CallRules>()({ name: 'calls.setRules', access: 'admin', input: z.object({ rules: callRules }) });
