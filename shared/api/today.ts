import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
import type { BirthdayRow } from './birthdays.js';
import type { CallHomeChild } from '../domain/calls.js';
import type { Loan } from '../domain/library.js';
import type { Term } from '../domain/types.js';
import type { EventItem } from '../domain/events.js';

export interface TodayOverview {
  today: string;
  inRoom: { count: number; children: { id: number; name: string; grade: number; classNo: number; since: number }[] };
  birthdaysToday: BirthdayRow[];
  birthdaysWeek: BirthdayRow[];
  overdue: { count: number; loans: Loan[] };
  callHome: { days: number; count: number; children: CallHomeChild[] };
  records: { total: number; incomplete: number; rate: number };
  term: Term | null;
  events: EventItem[];
}

export const today = domain('today', {
  /** The desk's home page: everything the duty teacher should see first, in one call. */
  overview: {
    access: 'teacher',
    input: z.object({}),
    output: typed<TodayOverview>(),
    reads: ['children', 'visits', 'library', 'calls', 'birthdays', 'events', 'terms'],
  },
});
