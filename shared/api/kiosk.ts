import { z } from 'zod';
import { domain } from './procedure.js';
import { ok, typed } from './typed.js';
import { id } from '../domain/fields.js';
import { pinAttempt } from './auth.js';
import type { KioskChild, KioskResult } from '../domain/attendance.js';
import type { KioskEvent } from '../domain/events.js';
import type { SessionView } from '../domain/types.js';

const K = 'kiosk' as const;
const reads = ['children', 'visits'] as const;

/**
 * The kiosk session's procedures: names and classes of active children, the one sign-in/out button and
 * the event sign-up. A kiosk session can call nothing else (the core enforces it).
 */
export const kiosk = domain('kiosk', {
  /** The teacher hands the PC to the children: this session becomes a kiosk session. */
  enter: { access: 'teacher', input: z.object({}), output: typed<SessionView>() },
  /** Leaving the kiosk needs any active teacher's PIN; the session returns to the locked desk. */
  exit: { access: K, input: z.object({ pin: pinAttempt }), output: typed<SessionView>() },
  classes: { access: K, input: z.object({}), output: typed<{ grade: number; classNo: number }[]>(), reads },
  classChildren: {
    access: K,
    input: z.object({ grade: z.number().int().min(1).max(6), classNo: z.number().int().min(1).max(30) }),
    output: typed<KioskChild[]>(),
    reads,
  },
  search: { access: K, input: z.object({ q: z.string().max(30) }), output: typed<KioskChild[]>(), reads },
  card: { access: K, input: z.object({ code: z.string().max(40) }), output: typed<KioskChild>(), reads },
  toggle: { access: K, input: z.object({ childId: id }), output: typed<KioskResult>(), changes: ['visits'] },
  /** Open events this child may join, with the places left. */
  events: { access: K, input: z.object({ childId: id }), output: typed<KioskEvent[]>(), reads: ['events', 'children'] },
  signUp: {
    access: K,
    input: z.object({ childId: id, eventId: id }),
    output: typed<{ status: 'confirmed' | 'waitlist'; position: number | null }>(),
    changes: ['events'],
  },
  /** A child cancels only their own sign-up. */
  cancelSignUp: { access: K, input: z.object({ childId: id, eventId: id }), output: ok, changes: ['events'] },
});
