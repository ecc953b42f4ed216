import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
import { day, id, requiredLine } from '../domain/fields.js';
import type { Board, Visit } from '../domain/attendance.js';

export interface DayStat {
  day: string;
  visits: number;
  children: number;
}

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

const T = 'teacher' as const;
const reads = ['visits', 'children'] as const;
const changes = ['visits'] as const;
const visit = typed<Visit>();

export const attendance = domain('attendance', {
  board: { access: T, input: z.object({ day: day.nullish() }), output: typed<Board>(), reads },
  signIn: { access: T, input: z.object({ childId: id }), output: visit, changes },
  signOut: { access: T, input: z.object({ childId: id }), output: visit, changes },
  correct: {
    access: T,
    input: z.object({
      visitId: id,
      inAt: z.number().int().positive(),
      outAt: z.number().int().positive().nullable(),
      reason: requiredLine(100),
    }),
    output: visit,
    changes,
  },
  childVisits: { access: T, input: z.object({ childId: id, from: day, to: day }), output: typed<Visit[]>(), reads },
  /** Per open day: visits and distinct children (a day with at least one visit counts as open). */
  stats: { access: T, input: z.object({ from: day, to: day }), output: typed<DayStat[]>(), reads },
  /** The day's 出勤登记表: every visit with times and who recorded them. Printing it is audited. */
  register: { access: T, input: z.object({ day }), output: typed<RegisterRow[]>(), reads },
  exportRegister: { access: T, input: z.object({ day }), output: typed<{ fileName: string; data: string }>() },
});
