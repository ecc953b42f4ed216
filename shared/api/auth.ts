import { z } from 'zod';
import { domain, ok } from './procedure.js';
import { id, pin, text } from '../domain/fields.js';
import { lockEntrySchema, sessionViewSchema } from '../domain/types.js';

// The PIN is checked by the core, so the lock screen's input only needs to be a string of digits;
// a malformed PIN counts as a wrong one rather than revealing the rule to a guesser.
export const pinAttempt = text().max(32).transform((s) => s.normalize('NFKC').trim());

export const auth = domain('auth', {
  lockList: { access: 'desk', input: z.object({}), output: z.array(lockEntrySchema), reads: ['teachers'] },
  login: { access: 'desk', input: z.object({ teacherId: id, pin: pinAttempt }), output: sessionViewSchema },
  lock: { access: 'desk', input: z.object({}), output: sessionViewSchema },
  changeOwnPin: { access: 'teacher', input: z.object({ currentPin: pinAttempt, newPin: pin }), output: ok, changes: ['teachers'] },
});
