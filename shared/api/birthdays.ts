import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
import { day, optionalLine } from '../domain/fields.js';
import { month } from './calls.js';
import type { Day } from '../domain/dates.js';

export interface BirthdayRow {
  childId: number;
  name: string;
  grade: number;
  classNo: number;
  date: Day;
  age: number | null;
  calendar: 'solar' | 'lunar';
  lunar: { month: number; day: number; leap: boolean } | null;
}

export interface GroupBirthday {
  month: string;
  heldOn: Day;
  children: number;
  note: string;
  teacherName: string | null;
}

const reads = ['birthdays', 'children'] as const;

export const birthdays = domain('birthdays', {
  /** Birthdays of children in school between two days; children without any birth date are counted. */
  list: { access: 'teacher', input: z.object({ from: day, to: day }), output: typed<{ rows: BirthdayRow[]; noBirthDate: number }>(), reads },
  month: {
    access: 'teacher',
    input: z.object({ month }),
    output: typed<{ month: string; rows: BirthdayRow[]; party: GroupBirthday | null }>(),
    reads,
  },
  /** Records that the month's group birthday was held; it celebrated the month's children. */
  recordParty: {
    access: 'teacher',
    input: z.object({ month, heldOn: day, note: optionalLine(200) }),
    output: typed<GroupBirthday>(),
    changes: ['birthdays'],
  },
  printMonth: { access: 'teacher', input: z.object({ month }), output: typed<{ month: string; rows: BirthdayRow[] }>(), reads },
});
