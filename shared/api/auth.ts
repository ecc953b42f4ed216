import { z } from 'zod';
import { procedure } from './procedure.js';
import { id, pin } from '../domain/fields.js';
import type { LockEntry, SessionView } from '../domain/types.js';

export const lockList = procedure<LockEntry[]>()({ name: 'auth.lockList', access: 'desk', input: z.object({}) });

// The PIN is checked by the core, so the lock screen's input only needs to be a string of digits;
// a malformed PIN counts as a wrong one rather than revealing the rule to a guesser.
const pinAttempt = z.string().max(32).transform((s) => s.normalize('NFKC').trim());

export const login = procedure<SessionView>()({
  name: 'auth.login',
  access: 'desk',
  input: z.object({ teacherId: id, pin: pinAttempt }),
});

export const lock = procedure<SessionView>()({ name: 'auth.lock', access: 'desk', input: z.object({}) });

export const changeOwnPin = procedure<{ ok: true }>()({
  name: 'auth.changeOwnPin',
  access: 'teacher',
  input: z.object({ currentPin: pinAttempt, newPin: pin }),
});

/** The teacher hands the PC to the children: this session becomes a kiosk session. */
export const enterKiosk = procedure<SessionView>()({ name: 'kiosk.enter', access: 'teacher', input: z.object({}) });

/** Leaving the kiosk needs any active teacher's PIN; the session returns to the locked desk. */
export const exitKiosk = procedure<SessionView>()({
  name: 'kiosk.exit',
  access: 'kiosk',
  input: z.object({ pin: pinAttempt }),
});
