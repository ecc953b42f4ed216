import { z } from 'zod';
import { domain } from './procedure.js';
import { requiredLine, language } from '../domain/fields.js';
import { openingHours } from '../domain/hours.js';
import { settingsSchema } from '../domain/types.js';

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
  get: { access: 'teacher', input: z.object({}), output: settingsSchema, reads: ['settings'] },
  update: { access: 'admin', input: settingsInput, output: settingsSchema, changes: ['settings', 'app'] },
  hours: { access: 'teacher', input: z.object({}), output: openingHours, reads: ['settings'] },
  setHours: { access: 'admin', input: z.object({ hours: openingHours }), output: openingHours, changes: ['settings'] },
});
