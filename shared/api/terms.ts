import { z } from 'zod';
import { domain, ok } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import { termSchema } from '../domain/types.js';

export const termInput = z
  .object({ name: requiredLine(30), start: day, end: day })
  .refine((t) => t.end >= t.start, { error: 'validation:endBeforeStart', path: ['end'] });

export const terms = domain('terms', {
  list: { access: 'teacher', input: z.object({}), output: z.array(termSchema), reads: ['terms'] },
  add: { access: 'admin', input: termInput, output: termSchema, changes: ['terms'] },
  update: { access: 'admin', input: z.intersection(z.object({ id }), termInput), output: termSchema, changes: ['terms'] },
  remove: { access: 'admin', input: z.object({ id }), output: ok, changes: ['terms'] },
});
