import { z } from 'zod';
import { procedure } from './procedure.js';
import { personName, pin, requiredLine, day, language } from '../domain/fields.js';
import type { AppInfo, SessionView } from '../domain/types.js';

export const info = procedure<AppInfo>()({ name: 'app.info', access: 'any', input: z.object({}) });

export const session = procedure<SessionView>()({ name: 'session.get', access: 'any', input: z.object({}) });

export const termInput = z
  .object({ name: requiredLine(30), start: day, end: day })
  .refine((t) => t.end >= t.start, { error: 'validation:endBeforeStart', path: ['end'] });

export const setupInput = z.object({
  schoolName: requiredLine(50),
  roomName: requiredLine(30),
  language,
  term: termInput,
  admin: z.object({ name: personName(), pin }),
  /** Fill the new database with a made-up school to try the app out. */
  demo: z.boolean().default(false),
});

/** The first-run wizard: one call, one transaction; refused once the app is set up. */
export const setupRun = procedure<SessionView>()({ name: 'setup.run', access: 'desk', input: setupInput });

export const setLanguage = procedure<AppInfo>()({
  name: 'app.setLanguage',
  access: 'desk',
  input: z.object({ language }),
});
