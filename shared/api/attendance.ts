import { z } from 'zod';
import { procedure } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import { openingHours, type OpeningHours } from '../domain/hours.js';
import type { Board, Visit } from '../domain/attendance.js';

export const board = procedure<Board>()({
  name: 'attendance.board',
  access: 'teacher',
  input: z.object({ day: day.nullish() }),
});
export const signIn = procedure<Visit>()({ name: 'attendance.signIn', access: 'teacher', input: z.object({ childId: id }) });
export const signOut = procedure<Visit>()({ name: 'attendance.signOut', access: 'teacher', input: z.object({ childId: id }) });
export const correct = procedure<Visit>()({
  name: 'attendance.correct',
  access: 'teacher',
  input: z.object({
    visitId: id,
    inAt: z.number().int().positive(),
    outAt: z.number().int().positive().nullable(),
    reason: requiredLine(100),
  }),
});
export const childVisits = procedure<Visit[]>()({
  name: 'attendance.childVisits',
  access: 'teacher',
  input: z.object({ childId: id, from: day, to: day }),
});
export interface DayStat {
  day: string;
  visits: number;
  children: number;
}

/** Per open day: visits and distinct children (a day with at least one visit counts as open). */
export const stats = procedure<DayStat[]>()({
  name: 'attendance.stats',
  access: 'teacher',
  input: z.object({ from: day, to: day }),
});

export interface RegisterRow {
  childId: number;
  name: string;
  grade: number;
  classNo: number;
  inAt: number;
  outAt: number | null;
  inBy: 'kiosk' | 'teacher';
  outBy: 'kiosk' | 'teacher' | 'closing' | null;
  notSignedOut: boolean;
}

/** The day's 出勤登记表: every visit with times and who recorded them. Printing it is audited. */
export const register = procedure<RegisterRow[]>()({
  name: 'attendance.register',
  access: 'teacher',
  input: z.object({ day }),
});
export const exportRegister = procedure<{ fileName: string; data: string }>()({
  name: 'attendance.exportRegister',
  access: 'teacher',
  input: z.object({ day }),
});

export const hours = procedure<OpeningHours>()({ name: 'settings.hours', access: 'teacher', input: z.object({}) });
export const setHours = procedure<OpeningHours>()({
  name: 'settings.setHours',
  access: 'admin',
  input: z.object({ hours: openingHours }),
});
