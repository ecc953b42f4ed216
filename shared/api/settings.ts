import { z } from 'zod';
import { procedure } from './procedure.js';
import { id, requiredLine, language } from '../domain/fields.js';
import { termInput } from './app.js';
import type { AuditEntry, Settings, Term } from '../domain/types.js';

export const get = procedure<Settings>()({ name: 'settings.get', access: 'teacher', input: z.object({}) });

export const settingsInput = z.object({
  schoolName: requiredLine(50),
  roomName: requiredLine(30),
  language,
  idleLockMinutes: z
    .number({ error: 'validation:number' })
    .int({ error: 'validation:number' })
    .min(1, { error: 'validation:tooSmall' })
    .max(240, { error: 'validation:tooBig' }),
});

export const update = procedure<Settings>()({ name: 'settings.update', access: 'admin', input: settingsInput });

export const listTerms = procedure<Term[]>()({ name: 'terms.list', access: 'teacher', input: z.object({}) });

export const addTerm = procedure<Term>()({ name: 'terms.add', access: 'admin', input: termInput });

export const updateTerm = procedure<Term>()({
  name: 'terms.update',
  access: 'admin',
  input: z.intersection(z.object({ id }), termInput),
});

export const removeTerm = procedure<{ ok: true }>()({
  name: 'terms.remove',
  access: 'admin',
  input: z.object({ id }),
});

export const auditList = procedure<AuditEntry[]>()({
  name: 'audit.list',
  access: 'admin',
  input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
});
