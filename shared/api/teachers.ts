import { z } from 'zod';
import { procedure } from './procedure.js';
import { id, personName, pin, role } from '../domain/fields.js';
import type { Teacher } from '../domain/types.js';

export const list = procedure<Teacher[]>()({ name: 'teachers.list', access: 'teacher', input: z.object({}) });

export const add = procedure<Teacher>()({
  name: 'teachers.add',
  access: 'admin',
  input: z.object({ name: personName(), role, pin }),
});

export const update = procedure<Teacher>()({
  name: 'teachers.update',
  access: 'admin',
  input: z.object({ id, name: personName(), role }),
});

export const setActive = procedure<Teacher>()({
  name: 'teachers.setActive',
  access: 'admin',
  input: z.object({ id, active: z.boolean() }),
});

/** Sets a new PIN and lifts a lockout. */
export const resetPin = procedure<Teacher>()({
  name: 'teachers.resetPin',
  access: 'admin',
  input: z.object({ id, pin }),
});
