import { z } from 'zod';
import { domain } from './procedure.js';
import { ok, typed } from './typed.js';
import { day, id, requiredLine } from '../domain/fields.js';
import type { Term } from '../domain/types.js';

export const termInput = z
  .object({ name: requiredLine(30), start: day, end: day })
  .refine((t) => t.end >= t.start, { error: 'validation:endBeforeStart', path: ['end'] });

export const terms = domain('terms', {
  list: { access: 'teacher', input: z.object({}), output: typed<Term[]>(), reads: ['terms'] },
  add: { access: 'admin', input: termInput, output: typed<Term>(), changes: ['terms'] },
  update: { access: 'admin', input: z.intersection(z.object({ id }), termInput), output: typed<Term>(), changes: ['terms'] },
  remove: { access: 'admin', input: z.object({ id }), output: ok, changes: ['terms'] },
});
