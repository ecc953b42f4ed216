import { z } from 'zod';
import { classNo, count, dayText, grade, id, instant } from './fields.js';
import { awayParentsValues } from './normalize.js';

const inBy = z.enum(['kiosk', 'teacher']);
const outBy = z.enum(['kiosk', 'teacher', 'closing']);

export const visitSchema = z.object({
  id,
  childId: id,
  day: dayText,
  inAt: instant,
  outAt: instant.nullable(),
  inBy,
  outBy: outBy.nullable(),
  notSignedOut: z.boolean(),
});
export type Visit = z.infer<typeof visitSchema>;

/** All the kiosk may know of a child: name and class, and whether they are in (since when). */
export const kioskChildSchema = z.object({
  id,
  name: z.string(),
  /** What the child is called by (shared/domain/names.ts calledName): 三丽 for 张三丽, 何诗 for 何诗. */
  calledName: z.string(),
  /** The large text on the child's tile: the called name, or the full name where two tiles would look alike. */
  label: z.string(),
  grade,
  classNo,
  state: z.enum(['in', 'out']),
  /** When the child signed in, while in: the kiosk says "你 15:30 已经签到了" before any button. */
  since: instant.nullable(),
});
export type KioskChild = z.infer<typeof kioskChildSchema>;

export const kioskResultSchema = z.object({
  action: z.enum(['in', 'out']),
  childId: id,
  name: z.string(),
  calledName: z.string(),
  at: instant,
  /** Today is the child's birthday: the kiosk says 生日快乐. */
  birthday: z.boolean(),
  /** A second tap within a few seconds: nothing changed, the first result is shown again. */
  repeated: z.boolean(),
});
export type KioskResult = z.infer<typeof kioskResultSchema>;

export const boardChildSchema = z.object({
  id,
  name: z.string(),
  grade,
  classNo,
  awayParents: z.enum(awayParentsValues),
  state: z.enum(['in', 'left', 'none']),
  firstIn: instant.nullable(),
  lastOut: instant.nullable(),
  visits: count,
  /** A visit of the day was closed at the end of the day without a sign-out. */
  notSignedOut: z.boolean(),
  /** The open visit, to sign out or correct. */
  openVisitId: id.nullable(),
  /** Search keys (full pinyin, initials), so the board filters as the teacher types. */
  pinyin: z.string(),
  initials: z.string(),
});
export type BoardChild = z.infer<typeof boardChildSchema>;

/**
 * A visit whose sign-in or sign-out is after the core's now: written before the PC's clock was set back
 * (a dead battery). Shown as such on the board, for a teacher to correct.
 */
export const futureVisitSchema = visitSchema.extend({ name: z.string(), grade, classNo });
export type FutureVisit = z.infer<typeof futureVisitSchema>;

export const boardSchema = z.object({
  day: dayText,
  children: z.array(boardChildSchema),
  /** Visits timed after now, whatever their day. */
  future: z.array(futureVisitSchema),
  counts: z.object({ in: count, left: count, none: count }),
  /** When the room closes on this day (opening hours), or null when it keeps none or the calendar closes the day. */
  closesAt: instant.nullable(),
  /** The room's calendar (electron/core/rota/calendar.ts) closes this day: the closure's name (寒假, 国庆节). */
  closedFor: z.string().nullable(),
  /** The core's now, so the desk compares times with the core's clock, not its own. */
  now: instant,
});
export type Board = z.infer<typeof boardSchema>;

/** Per open day: visits and distinct children. */
export const dayStatSchema = z.object({ day: dayText, visits: count, children: count });
export type DayStat = z.infer<typeof dayStatSchema>;

/** A line of the day's 出勤登记表. */
export const registerRowSchema = visitSchema
  .pick({ inAt: true, outAt: true, inBy: true, outBy: true, notSignedOut: true })
  .extend({ childId: id, name: z.string(), grade, classNo });
export type RegisterRow = z.infer<typeof registerRowSchema>;
