import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
import { requiredLine, language } from '../domain/fields.js';
import { openingHours, type OpeningHours } from '../domain/hours.js';
import type { Settings } from '../domain/types.js';

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

export const settings = domain('settings', {
  get: { access: 'teacher', input: z.object({}), output: typed<Settings>(), reads: ['settings'] },
  update: { access: 'admin', input: settingsInput, output: typed<Settings>(), changes: ['settings', 'app'] },
  hours: { access: 'teacher', input: z.object({}), output: typed<OpeningHours>(), reads: ['settings'] },
  setHours: { access: 'admin', input: z.object({ hours: openingHours }), output: typed<OpeningHours>(), changes: ['settings'] },
});
