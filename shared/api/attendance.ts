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
export const hours = procedure<OpeningHours>()({ name: 'settings.hours', access: 'teacher', input: z.object({}) });
export const setHours = procedure<OpeningHours>()({
  name: 'settings.setHours',
  access: 'admin',
  input: z.object({ hours: openingHours }),
});
