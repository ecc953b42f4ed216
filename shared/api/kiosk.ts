import { z } from 'zod';
import { domain, ok } from './procedure.js';
import { classNo, grade, id, text } from '../domain/fields.js';
import { pinAttempt } from './auth.js';
import { kioskChildSchema, kioskResultSchema } from '../domain/attendance.js';
import { kioskEventSchema } from '../domain/events.js';
import { sessionViewSchema } from '../domain/types.js';

const K = 'kiosk' as const;
const reads = ['children', 'visits'] as const;

/**
 * The kiosk session's procedures: names and classes of active children, the one sign-in/out button and
 * the event sign-up. A kiosk session can call nothing else (the core enforces it).
 */
export const kiosk = domain('kiosk', {
  /** The teacher hands the PC to the children: this session becomes a kiosk session. */
  enter: { access: 'teacher', input: z.object({}), output: sessionViewSchema },
  /** Leaving the kiosk needs any active teacher's PIN; the session returns to the locked desk. */
  exit: { access: K, input: z.object({ pin: pinAttempt }), output: sessionViewSchema },
  classes: { access: K, input: z.object({}), output: z.array(z.object({ grade, classNo })), reads },
  classChildren: {
    access: K,
    input: z.object({ grade: z.number().int().min(1).max(6), classNo: z.number().int().min(1).max(30) }),
    output: z.array(kioskChildSchema),
    reads,
  },
  search: { access: K, input: z.object({ q: text().max(30) }), output: z.array(kioskChildSchema), reads },
  card: { access: K, input: z.object({ code: text().max(40) }), output: kioskChildSchema, reads },
  toggle: { access: K, input: z.object({ childId: id }), output: kioskResultSchema, changes: ['visits'] },
  /** Open events this child may join, with the places left. */
  events: { access: K, input: z.object({ childId: id }), output: z.array(kioskEventSchema), reads: ['events', 'children'] },
  signUp: {
    access: K,
    input: z.object({ childId: id, eventId: id }),
    output: z.object({ status: z.enum(['confirmed', 'waitlist']), position: z.number().int().positive().nullable() }),
    changes: ['events'],
  },
  /** A child cancels only their own sign-up. */
  cancelSignUp: { access: K, input: z.object({ childId: id, eventId: id }), output: ok, changes: ['events'] },
});
