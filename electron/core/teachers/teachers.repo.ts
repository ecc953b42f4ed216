import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { Role } from '../../../shared/domain/fields.js';
import type { LockEntry, Teacher } from '../../../shared/domain/types.js';
import { lockEnd } from './lockout.js';

export interface TeacherRow extends Teacher {
  pinHash: string;
  failedPins: number;
}

const COLUMNS = `id, name, role, pin_hash AS pinHash, active, failed_pins AS failedPins,
                 locked_until AS lockedUntil, created_at AS createdAt, phone, classes, duty_days AS dutyDays`;

type RawRow = Omit<TeacherRow, 'active' | 'dutyDays' | 'classes'> & { active: 0 | 1; dutyDays: string; classes: string };
const fromRaw = (r: RawRow): TeacherRow => ({ ...r, active: r.active === 1, dutyDays: parseDays(r.dutyDays), classes: parseClasses(r.classes) });

/** The stored JSON list of `grade-classNo`; anything else reads as none. */
function parseClasses(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string' && /^[1-6]-\d{1,2}$/.test(c)) : [];
  } catch {
    return [];
  }
}

/** The stored JSON list of weekdays; anything else (a hand-edited file) reads as none. */
export function parseDays(raw: string): number[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((d): d is number => Number.isInteger(d) && d >= 0 && d <= 6) : [];
  } catch {
    return [];
  }
}

export interface TeacherDetails {
  phone: string;
  classes: string[];
  dutyDays: number[];
}

/** `lockedUntil` only while the lock lasts at `now`. */
export function toTeacher(r: TeacherRow, now: number): Teacher {
  const lockedUntil = lockEnd(r.lockedUntil, now);
  return { id: r.id, name: r.name, role: r.role, active: r.active, lockedUntil, createdAt: r.createdAt, phone: r.phone, classes: r.classes, dutyDays: r.dutyDays };
}

/** The `teachers` table: nothing else reads or writes it (other repos join it only for a name). */
function buildTeachersRepo(db: Db) {
  const all = db.prepare<[], RawRow>(`SELECT ${COLUMNS} FROM teachers ORDER BY active DESC, role, name`);
  const byId = db.prepare<[id: number], RawRow>(`SELECT ${COLUMNS} FROM teachers WHERE id = ?`);
  const byName = db.prepare<[name: string, exceptId: number | null], number>('SELECT id FROM teachers WHERE name = ? AND id IS NOT ?').pluck();
  const activeList = db.prepare<[], RawRow>(`SELECT ${COLUMNS} FROM teachers WHERE active = 1 ORDER BY role, name`);
  // A lock that has run out is shown as none (lockEnd): the UI never compares times with its own clock.
  const lockList = db.prepare<[], LockEntry>(`
    SELECT id, name, role, locked_until AS lockedUntil FROM teachers WHERE active = 1 ORDER BY role, name`);
  const activeAdmins = db.prepare<[], number>("SELECT count(*) FROM teachers WHERE active = 1 AND role = 'admin'").pluck();
  const insert = db.prepare<[name: string, role: Role, pinHash: string, at: number]>(
    'INSERT INTO teachers (name, role, pin_hash, active, created_at) VALUES (?, ?, ?, 1, ?)',
  );
  const update = db.prepare<[name: string, role: Role, id: number]>('UPDATE teachers SET name = ?, role = ? WHERE id = ?');
  const setDetails = db.prepare<[phone: string, classes: string, dutyDays: string, id: number]>(
    'UPDATE teachers SET phone = ?, classes = ?, duty_days = ? WHERE id = ?',
  );
  const setActive = db.prepare<[active: 0 | 1, id: number]>('UPDATE teachers SET active = ? WHERE id = ?');
  const setPin = db.prepare<[pinHash: string, id: number]>('UPDATE teachers SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?');
  const failed = db
    .prepare<[id: number], number>('UPDATE teachers SET failed_pins = failed_pins + 1 WHERE id = ? RETURNING failed_pins')
    .pluck();
  const lockUntil = db.prepare<[until: number, id: number]>('UPDATE teachers SET failed_pins = 0, locked_until = ? WHERE id = ?');
  const succeeded = db.prepare<[id: number]>('UPDATE teachers SET failed_pins = 0, locked_until = NULL WHERE id = ?');
  const count = db.prepare<[], number>('SELECT count(*) FROM teachers').pluck();
  const activeRole = db.prepare<[id: number], Role>('SELECT role FROM teachers WHERE id = ? AND active = 1').pluck();
  const exists = db.prepare<[id: number], 1>('SELECT 1 FROM teachers WHERE id = ?').pluck();
  const names = db.prepare<[], { id: number; name: string }>('SELECT name, id FROM teachers');

  return {
    all: () => all.all().map(fromRaw),
    byId: (id: number) => {
      const r = byId.get(id);
      return r ? fromRaw(r) : undefined;
    },
    nameTaken: (name: string, exceptId: number | null) => byName.get(name, exceptId) !== undefined,
    active: () => activeList.all().map(fromRaw),
    lockList: (now: number) => lockList.all().map((r) => ({ ...r, lockedUntil: lockEnd(r.lockedUntil, now) })),
    activeAdmins: () => Number(activeAdmins.get()),
    count: () => Number(count.get()),
    activeRole: (id: number) => activeRole.get(id),
    exists: (id: number) => exists.get(id) !== undefined,
    /** Every teacher's id by name, the inactive too: an imported roster may name a former mentor. */
    idsByName: () => new Map(names.all().map((t) => [t.name, t.id])),
    insert: (name: string, role: Role, pinHash: string, at: number) =>
      Number(insert.run(name, role, pinHash, at).lastInsertRowid),
    update: (id: number, name: string, role: Role) => update.run(name, role, id).changes,
    setDetails: (id: number, d: TeacherDetails) => setDetails.run(d.phone, JSON.stringify(d.classes), JSON.stringify(d.dutyDays), id).changes,
    setActive: (id: number, active: boolean) => setActive.run(active ? 1 : 0, id).changes,
    setPin: (id: number, pinHash: string) => setPin.run(pinHash, id).changes,
    recordFailure: (id: number) => Number(failed.get(id)),
    lockUntil: (id: number, until: number) => lockUntil.run(until, id),
    recordSuccess: (id: number) => succeeded.run(id),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createTeachersRepo = oncePerDb(buildTeachersRepo);
export type TeachersRepo = ReturnType<typeof buildTeachersRepo>;
