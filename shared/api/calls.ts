import { z } from 'zod';
import { domain } from './procedure.js';
import { ok, typed } from './typed.js';
import { day, id, requiredLine } from '../domain/fields.js';
import { callInput, callRules, type Call, type CallHomeChild, type CallMonthCount, type CallRules, type MonthlyTarget } from '../domain/calls.js';
import type { FileOut } from '../domain/roster.js';

const T = 'teacher' as const;
export const month = z.string({ error: 'validation:required' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation:month' });
const reads = ['calls', 'children'] as const;
const changes = ['calls'] as const;

export const calls = domain('calls', {
  log: { access: T, input: callInput, output: typed<Call>(), changes },
  remove: { access: T, input: z.object({ id, reason: requiredLine(100) }), output: ok, changes },
  list: { access: T, input: z.object({ from: day, to: day }), output: typed<Call[]>(), reads },
  ofChild: { access: T, input: z.object({ childId: id }), output: typed<{ calls: Call[]; byMonth: CallMonthCount[] }>(), reads },
  /** Children in the room today with no contact with a parent for the set number of days. */
  callHome: {
    access: T,
    input: z.object({}),
    output: typed<{ days: number; children: CallHomeChild[] }>(),
    reads: ['calls', 'children', 'visits'],
  },
  /** The monthly target: left-behind children with no contact with a parent in the month. */
  monthly: { access: T, input: z.object({ month }), output: typed<MonthlyTarget>(), reads },
  export: { access: T, input: z.object({ from: day, to: day }), output: typed<FileOut>() },
  rules: { access: T, input: z.object({}), output: typed<CallRules>(), reads },
  setRules: { access: 'admin', input: z.object({ rules: callRules }), output: typed<CallRules>(), changes },
});
