import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { CalendarEntry } from '../../../shared/domain/rota.js';

export interface DutyRow {
  id: number;
  name: string;
  phone: string;
  dutyDays: string;
}

/** The rota's tables: changes from the weekly pattern, the room's calendar, the handover notes. */
function buildRotaRepo(db: Db) {
  const dutyTeachers = db.prepare<[], DutyRow>(
    "SELECT id, name, phone, duty_days AS dutyDays FROM teachers WHERE active = 1 AND duty_days <> '[]' ORDER BY name",
  );
  const teacherBrief = db.prepare<[id: number], { id: number; name: string; phone: string; active: 0 | 1 }>(
    'SELECT id, name, phone, active FROM teachers WHERE id = ?',
  );
  const changes = db.prepare<[from: string, to: string], { day: string; teacherId: number; name: string; phone: string; reason: string }>(`
    SELECT r.day, r.teacher_id AS teacherId, t.name, t.phone, r.reason
    FROM rota_changes r JOIN teachers t ON t.id = r.teacher_id WHERE r.day BETWEEN ? AND ?`);
  const putChange = db.prepare<[day: string, teacherId: number, reason: string, at: number]>(`
    INSERT INTO rota_changes (day, teacher_id, reason, changed_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (day) DO UPDATE SET teacher_id = excluded.teacher_id, reason = excluded.reason, changed_at = excluded.changed_at`);
  const dropChange = db.prepare<[day: string]>('DELETE FROM rota_changes WHERE day = ?');
  const calendar = db.prepare<[], CalendarEntry>(
    'SELECT id, kind, name, from_day AS "from", to_day AS "to" FROM room_calendar ORDER BY from_day, id',
  );
  const calendarIn = db.prepare<[to: string, from: string], CalendarEntry>(
    'SELECT id, kind, name, from_day AS "from", to_day AS "to" FROM room_calendar WHERE from_day <= ? AND to_day >= ? ORDER BY id',
  );
  const calendarOne = db.prepare<[id: number], CalendarEntry>('SELECT id, kind, name, from_day AS "from", to_day AS "to" FROM room_calendar WHERE id = ?');
  const addCalendar = db.prepare<[kind: string, name: string, from: string, to: string]>(
    'INSERT INTO room_calendar (kind, name, from_day, to_day) VALUES (?, ?, ?, ?)',
  );
  const removeCalendar = db.prepare<[id: number]>('DELETE FROM room_calendar WHERE id = ?');
  const NOTE = `SELECT n.day, n.note, t.name AS teacherName, n.saved_at AS savedAt FROM duty_notes n LEFT JOIN teachers t ON t.id = n.teacher_id`;
  const note = db.prepare<[day: string], { day: string; note: string; teacherName: string | null; savedAt: number }>(`${NOTE} WHERE n.day = ?`);
  const previousNote = db.prepare<[day: string], { day: string; note: string; teacherName: string | null; savedAt: number }>(
    `${NOTE} WHERE n.day < ? ORDER BY n.day DESC LIMIT 1`,
  );
  const putNote = db.prepare<[day: string, teacherId: number | null, note: string, at: number]>(`
    INSERT INTO duty_notes (day, teacher_id, note, saved_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (day) DO UPDATE SET teacher_id = excluded.teacher_id, note = excluded.note, saved_at = excluded.saved_at`);
  const dropNote = db.prepare<[day: string]>('DELETE FROM duty_notes WHERE day = ?');
  const settingSet = db.prepare<[key: string], 1>('SELECT 1 FROM settings WHERE key = ?').pluck();
  const rotaSet = db.prepare<[], 1>("SELECT 1 FROM teachers WHERE active = 1 AND duty_days <> '[]' LIMIT 1").pluck();
  const counts = db.prepare<[], { children: number; teachers: number; books: number }>(`
    SELECT (SELECT count(*) FROM children WHERE status = 'active') AS children,
           (SELECT count(*) FROM teachers WHERE active = 1) AS teachers,
           (SELECT count(*) FROM books) AS books`);

  return {
    dutyTeachers: () => dutyTeachers.all(),
    teacher: (id: number) => teacherBrief.get(id),
    changes: (from: string, to: string) => changes.all(from, to),
    putChange: (day: string, teacherId: number, reason: string, at: number) => putChange.run(day, teacherId, reason, at),
    dropChange: (day: string) => dropChange.run(day).changes,
    calendar: () => calendar.all(),
    /** The calendar entries that touch [from, to]. */
    calendarIn: (from: string, to: string) => calendarIn.all(to, from),
    calendarOne: (id: number) => calendarOne.get(id),
    addCalendar: (e: Omit<CalendarEntry, 'id'>) => Number(addCalendar.run(e.kind, e.name, e.from, e.to).lastInsertRowid),
    removeCalendar: (id: number) => removeCalendar.run(id).changes,
    note: (day: string) => note.get(day),
    previousNote: (day: string) => previousNote.get(day),
    putNote: (day: string, teacherId: number | null, text: string, at: number) => putNote.run(day, teacherId, text, at),
    dropNote: (day: string) => dropNote.run(day),
    isSettingSet: (key: string) => settingSet.get(key) !== undefined,
    rotaSet: () => rotaSet.get() !== undefined,
    counts: () => counts.get()!,
  };
}

export const createRotaRepo = oncePerDb(buildRotaRepo);
export type RotaRepo = ReturnType<typeof buildRotaRepo>;

/** What "start real use" keeps: the school's settings, terms, calendar, the built-in categories, the log. */
const KEEP = new Set(['settings', 'terms', 'teachers', 'audit', 'book_categories', 'event_categories', 'room_calendar']);

/** The demo school's rows: every table but the kept ones, and the teachers the demo made. SQL for firstRun. */
function buildDemoRepo(db: Db) {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck();
  const demoTeachers = (names: readonly string[], keepId: number) =>
    db
      .prepare<unknown[], number>(`SELECT id FROM teachers WHERE id <> ? AND name IN (${names.map(() => '?').join(', ')})`)
      .pluck()
      .all(keepId, ...names);
  const unlinkAudit = db.prepare<[id: number]>('UPDATE audit SET teacher_id = NULL WHERE teacher_id = ?');
  const dropTeacher = db.prepare<[id: number]>('DELETE FROM teachers WHERE id = ?');
  const dropSetting = db.prepare<[key: string]>('DELETE FROM settings WHERE key = ?');
  return {
    /** Empties every table but the kept ones; foreign keys are checked at commit (the order does not matter). */
    emptyData(): Record<string, number> {
      db.pragma('defer_foreign_keys = ON');
      const removed: Record<string, number> = {};
      for (const name of tables.all()) {
        if (KEEP.has(name)) continue;
        // A table name from sqlite_master, quoted: never user text.
        removed[name] = db.prepare(`DELETE FROM "${name.replace(/"/g, '""')}"`).run().changes;
      }
      return removed;
    },
    /** Removes the named teachers (the demo's), but never `keepId`; their log rows stay, unnamed. */
    dropTeachers(names: readonly string[], keepId: number): number {
      if (names.length === 0) return 0;
      const ids = demoTeachers(names, keepId);
      for (const id of ids) {
        unlinkAudit.run(id);
        dropTeacher.run(id);
      }
      return ids.length;
    },
    dropSetting: (key: string) => dropSetting.run(key),
  };
}

export const createDemoRepo = oncePerDb(buildDemoRepo);
