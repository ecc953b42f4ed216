import { z } from 'zod';
import { count, dayText, instant } from './fields.js';
import { childSchema } from './child.js';
import { visitSchema } from './attendance.js';
import { callSchema } from './calls.js';
import { loanSchema } from './library.js';
import { eventStatuses, signupStatuses } from './events.js';

/**
 * One child's whole file (一人一档), as a guardian may ask for it: the record with its contacts and every
 * row kept about the child — visits, family calls, loans, event sign-ups, birthdays.
 */
export const childFileSchema = z.object({
  school: z.string(),
  /** The core's now when the file was made. */
  madeAt: instant,
  child: childSchema,
  visits: z.array(visitSchema),
  calls: z.array(callSchema),
  loans: z.array(loanSchema),
  events: z.array(
    z.object({
      title: z.string(),
      startsAt: instant,
      eventStatus: z.enum(eventStatuses),
      status: z.enum(signupStatuses),
      signedBy: z.enum(['kiosk', 'teacher']),
      signedAt: instant,
      attended: count,
      sessions: count,
    }),
  ),
  birthdays: z.object({
    /** The next birthday from the day the file was made (lunar when the record keeps one). */
    next: dayText.nullable(),
    /** Group birthdays (集体生日) that celebrated the child. */
    parties: z.array(z.object({ month: z.string(), heldOn: dayText })),
  }),
});
export type ChildFile = z.infer<typeof childFileSchema>;
