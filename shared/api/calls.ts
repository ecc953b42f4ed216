import { z } from 'zod';
import { domain, ok } from './procedure.js';
import { count, day, id, requiredLine, text } from '../domain/fields.js';
import { callHomeChildSchema, callInput, callMonthCountSchema, callRules, callSchema, monthlyTargetSchema } from '../domain/calls.js';
import { fileOutSchema } from '../domain/roster.js';

const T = 'teacher' as const;
export const month = text({ error: 'validation:required' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation:month' });
const reads = ['calls', 'children'] as const;
const changes = ['calls'] as const;

export const calls = domain('calls', {
  log: { access: T, input: callInput, output: callSchema, changes },
  remove: { access: T, input: z.object({ id, reason: requiredLine(100) }), output: ok, changes },
  list: { access: T, input: z.object({ from: day, to: day }), output: z.array(callSchema), reads },
  ofChild: { access: T, input: z.object({ childId: id }), output: z.object({ calls: z.array(callSchema), byMonth: z.array(callMonthCountSchema) }), reads },
  /** Children in the room today with no contact with a parent for the set number of days. */
  callHome: {
    access: T,
    input: z.object({}),
    output: z.object({ days: count, children: z.array(callHomeChildSchema) }),
    reads: ['calls', 'children', 'visits'],
  },
  /** The monthly target: left-behind children with no contact with a parent in the month. */
  monthly: { access: T, input: z.object({ month }), output: monthlyTargetSchema, reads },
  export: { access: T, input: z.object({ from: day, to: day }), output: fileOutSchema },
  rules: { access: T, input: z.object({}), output: callRules, reads },
  setRules: { access: 'admin', input: z.object({ rules: callRules }), output: callRules, changes },
});
