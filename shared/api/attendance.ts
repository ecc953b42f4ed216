import { z } from 'zod';
import { domain, ok } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import { boardSchema, dayStatSchema, registerRowSchema, visitSchema } from '../domain/attendance.js';
import { fileOutSchema } from '../domain/roster.js';

export type { DayStat, RegisterRow } from '../domain/attendance.js';

const T = 'teacher' as const;
const reads = ['visits', 'children'] as const;
const changes = ['visits'] as const;
const visit = visitSchema;

export const attendance = domain('attendance', {
  board: { access: T, input: z.object({ day: day.nullish() }), output: boardSchema, reads },
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
  /** A visit made by mistake goes, with a reason (audited with the child's name and the times). */
  deleteVisit: { access: T, input: z.object({ visitId: id, reason: requiredLine(100) }), output: ok, changes },
  /** Takes back a hand sign-in or sign-out just made (the child's latest visit only); null when the visit went. */
  undo: { access: T, input: z.object({ visitId: id, action: z.enum(['in', 'out']) }), output: visit.nullable(), changes },
  /** 全部签退 for the children the teacher confirmed: one transaction, one audit row. */
  signOutAll: { access: T, input: z.object({ childIds: z.array(id).min(1).max(2000) }), output: z.object({ count: z.number().int().nonnegative() }), changes },
  childVisits: { access: T, input: z.object({ childId: id, from: day, to: day }), output: z.array(visitSchema), reads },
  /** Per open day: visits and distinct children (a day with at least one visit counts as open). */
  stats: { access: T, input: z.object({ from: day, to: day }), output: z.array(dayStatSchema), reads },
  /** The day's 出勤登记表: every visit with times and who recorded them. Printing it is audited. */
  register: { access: T, input: z.object({ day }), output: z.array(registerRowSchema), reads },
  exportRegister: { access: T, input: z.object({ day }), output: fileOutSchema },
});
