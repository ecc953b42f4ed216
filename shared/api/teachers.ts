import { z } from 'zod';
import { domain } from './procedure.js';
import { id, personName, pin, role } from '../domain/fields.js';
import { teacherSchema } from '../domain/types.js';
import { teacherDetailsInput } from '../domain/rota.js';

const teacher = teacherSchema;
const changes = ['teachers'] as const;

export const teachers = domain('teachers', {
  list: { access: 'teacher', input: z.object({}), output: z.array(teacherSchema), reads: ['teachers'] },
  add: { access: 'admin', input: z.object({ name: personName(), role, pin }).extend(teacherDetailsInput.shape), output: teacher, changes },
  update: { access: 'admin', input: z.object({ id, name: personName(), role }).extend(teacherDetailsInput.shape), output: teacher, changes },
  setActive: { access: 'admin', input: z.object({ id, active: z.boolean() }), output: teacher, changes },
  /** Sets a new PIN and lifts a lockout. */
  resetPin: { access: 'admin', input: z.object({ id, pin }), output: teacher, changes },
});
