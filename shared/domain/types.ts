import { z } from 'zod';
import { count, dayText, id, instant, language, role } from './fields.js';

/** What a transport's caller is right now. The core keeps it; the UI only reads it. */
export const sessionViewSchema = z.object({
  mode: z.enum(['desk', 'kiosk']),
  teacher: z.object({ id, name: z.string(), role }).nullable(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const settingsSchema = z.object({
  schoolName: z.string(),
  roomName: z.string(),
  language,
  idleLockMinutes: count,
});
export type Settings = z.infer<typeof settingsSchema>;

export const appInfoSchema = settingsSchema.extend({
  setupDone: z.boolean(),
  /** Today in the school's local time, by the core's clock (tests and demos may set it). */
  today: dayText,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const teacherSchema = z.object({
  id,
  name: z.string(),
  role,
  active: z.boolean(),
  /** Unix ms until which wrong PINs keep this teacher out; null when not locked now (by the core's clock). */
  lockedUntil: instant.nullable(),
  createdAt: instant,
  phone: z.string(),
  /** Classes taught, each `grade-classNo`. */
  classes: z.array(z.string()),
  /** Weekly duty days, 0 = Sunday. */
  dutyDays: z.array(z.number().int().min(0).max(6)),
});
export type Teacher = z.infer<typeof teacherSchema>;

/** A teacher on the lock screen: just enough to pick a name. */
export const lockEntrySchema = teacherSchema.pick({ id: true, name: true, role: true, lockedUntil: true });
export type LockEntry = z.infer<typeof lockEntrySchema>;

export const termSchema = z.object({ id, name: z.string(), start: dayText, end: dayText });
export type Term = z.infer<typeof termSchema>;

export const auditEntrySchema = z.object({
  id,
  at: instant,
  teacherId: id.nullable(),
  teacherName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  detail: z.string().nullable(),
  /** The names of the children the detail names by id (childId / childIds), while they exist. */
  childNames: z.string().nullable(),
  /** Whom the row is about, by name (the child, teacher or book), while the record still exists. */
  subject: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
