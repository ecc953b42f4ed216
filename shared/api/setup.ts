import { z } from 'zod';
import { domain } from './procedure.js';
import { personName, pin, requiredLine, language } from '../domain/fields.js';
import { termInput } from './terms.js';
import { sessionViewSchema } from '../domain/types.js';

export const setupInput = z.object({
  schoolName: requiredLine(50),
  roomName: requiredLine(30),
  language,
  term: termInput,
  admin: z.object({ name: personName(), pin }),
  /** Fill the new database with a made-up school to try the app out. */
  demo: z.boolean().default(false),
});

export const setup = domain('setup', {
  /** The first-run wizard: one call, one transaction; refused once the app is set up. */
  /** Signs the new admin in, and answers the recovery code (shown and printed once; kept only hashed). */
  run: {
    access: 'desk',
    input: setupInput,
    output: sessionViewSchema.extend({ recoveryCode: z.string().nullable() }),
    changes: ['app', 'settings', 'teachers', 'terms'],
  },
});
