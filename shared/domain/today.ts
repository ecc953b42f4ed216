import { z } from 'zod';
import { classNo, count, dayText, grade, id, instant } from './fields.js';
import { birthdayRowSchema } from './birthdays.js';
import { callHomeChildSchema } from './calls.js';
import { loanSchema } from './library.js';
import { termSchema } from './types.js';
import { eventItemSchema } from './events.js';

/** The desk's home page: everything the duty teacher should see first. */
export const todayOverviewSchema = z.object({
  today: dayText,
  inRoom: z.object({ count, children: z.array(z.object({ id, name: z.string(), grade, classNo, since: instant })) }),
  birthdaysToday: z.array(birthdayRowSchema),
  birthdaysWeek: z.array(birthdayRowSchema),
  overdue: z.object({ count, loans: z.array(loanSchema) }),
  callHome: z.object({ days: count, count, children: z.array(callHomeChildSchema) }),
  records: z.object({ total: count, incomplete: count, rate: z.number().min(0).max(1) }),
  term: termSchema.nullable(),
  events: z.array(eventItemSchema),
});
export type TodayOverview = z.infer<typeof todayOverviewSchema>;
