import { z } from 'zod';
import { domain } from './procedure.js';
import { count, day, monthText, optionalLine } from '../domain/fields.js';
import { month } from './calls.js';
import { birthdayRowSchema, groupBirthdaySchema } from '../domain/birthdays.js';

export type { BirthdayRow, GroupBirthday } from '../domain/birthdays.js';

const rows = z.array(birthdayRowSchema);
const reads = ['birthdays', 'children'] as const;

export const birthdays = domain('birthdays', {
  /** Birthdays of children in school between two days; children without any birth date are counted. */
  list: { access: 'teacher', input: z.object({ from: day, to: day }), output: z.object({ rows, noBirthDate: count }), reads },
  month: {
    access: 'teacher',
    input: z.object({ month }),
    output: z.object({ month: monthText, rows, party: groupBirthdaySchema.nullable() }),
    reads,
  },
  /** Records that the month's group birthday was held; it celebrated the month's children. */
  recordParty: {
    access: 'teacher',
    input: z.object({ month, heldOn: day, note: optionalLine(200) }),
    output: groupBirthdaySchema,
    changes: ['birthdays'],
  },
  printMonth: { access: 'teacher', input: z.object({ month }), output: z.object({ month: monthText, rows }), reads },
});
