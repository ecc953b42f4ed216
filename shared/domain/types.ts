import type { Day } from './dates.js';
import type { Language, Role } from './fields.js';

/** What a transport's caller is right now. The core keeps it; the UI only reads it. */
export interface SessionView {
  mode: 'desk' | 'kiosk';
  teacher: { id: number; name: string; role: Role } | null;
}

export interface AppInfo {
  setupDone: boolean;
  /** Today in the school's local time, by the core's clock (tests and demos may set it). */
  today: Day;
  schoolName: string;
  roomName: string;
  language: Language;
  idleLockMinutes: number;
}

export interface Settings {
  schoolName: string;
  roomName: string;
  language: Language;
  idleLockMinutes: number;
}

export interface Teacher {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  /** Unix ms until which wrong PINs keep this teacher out; null when not locked now (by the core's clock). */
  lockedUntil: number | null;
  createdAt: number;
}

/** A teacher on the lock screen: just enough to pick a name. */
export interface LockEntry {
  id: number;
  name: string;
  role: Role;
  lockedUntil: number | null;
}

export interface Term {
  id: number;
  name: string;
  start: Day;
  end: Day;
}

export interface AuditEntry {
  id: number;
  at: number;
  teacherId: number | null;
  teacherName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail: string | null;
}
