import { z } from 'zod';
import { procedure } from './procedure.js';
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

/** Birthdays of children in school between two days; children without any birth date are counted. */
export const list = procedure<{ rows: BirthdayRow[]; noBirthDate: number }>()({
  name: 'birthdays.list',
  access: 'teacher',
  input: z.object({ from: day, to: day }),
});
export const month_ = procedure<{ month: string; rows: BirthdayRow[]; party: GroupBirthday | null }>()({
  name: 'birthdays.month',
  access: 'teacher',
  input: z.object({ month }),
});
/** Records that the month's group birthday was held; it celebrated the month's children. */
export const recordParty = procedure<GroupBirthday>()({
  name: 'birthdays.recordParty',
  access: 'teacher',
  input: z.object({ month, heldOn: day, note: optionalLine(200) }),
});
export const printMonth = procedure<{ month: string; rows: BirthdayRow[] }>()({
  name: 'birthdays.printMonth',
  access: 'teacher',
  input: z.object({ month }),
});
