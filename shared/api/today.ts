import { z } from 'zod';
import { domain } from './procedure.js';
import { todayOverviewSchema } from '../domain/today.js';

export type { TodayOverview } from '../domain/today.js';

export const today = domain('today', {
  /** The desk's home page: everything the duty teacher should see first, in one call. */
  overview: {
    access: 'teacher',
    input: z.object({}),
    output: todayOverviewSchema,
    reads: ['children', 'visits', 'library', 'calls', 'birthdays', 'events', 'terms'],
  },
});
