import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { Term } from '../../../shared/domain/types.js';
import type { Setting } from './settings.keys.js';

export { SETTING, type Setting } from './settings.keys.js';

const TERM = 'id, name, start_date AS start, end_date AS end';

/** The `settings` and `terms` tables: nothing else reads or writes them. */
function buildSettingsRepo(db: Db) {
  const getOne = db.prepare<[key: string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const put = db.prepare<[key: string, value: string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const terms = db.prepare<[], Term>(`SELECT ${TERM} FROM terms ORDER BY start_date DESC`);
  const term = db.prepare<[id: number], Term>(`SELECT ${TERM} FROM terms WHERE id = ?`);
  const termOn = db.prepare<[day: string, day: string], Term>(`SELECT ${TERM} FROM terms WHERE start_date <= ? AND end_date >= ?`);
  const overlapping = db
    .prepare<[exceptId: number | null, end: string, start: string], number>(
      'SELECT id FROM terms WHERE id IS NOT ? AND start_date <= ? AND end_date >= ? LIMIT 1',
    )
    .pluck();
  const sameName = db.prepare<[name: string, exceptId: number | null], number>('SELECT id FROM terms WHERE name = ? AND id IS NOT ?').pluck();
  const insertTerm = db.prepare<[name: string, start: string, end: string]>('INSERT INTO terms (name, start_date, end_date) VALUES (?, ?, ?)');
  const updateTerm = db.prepare<[name: string, start: string, end: string, id: number]>(
    'UPDATE terms SET name = ?, start_date = ?, end_date = ? WHERE id = ?',
  );
  const deleteTerm = db.prepare<[id: number]>('DELETE FROM terms WHERE id = ?');

  return {
    /** The setting's value: its default when it was never written or no longer reads. */
    read<T>(setting: Setting<T>): T {
      const raw = getOne.get(setting.key);
      return raw === undefined ? setting.fallback : (setting.parse(raw) ?? setting.fallback);
    },
    write<T>(setting: Setting<T>, value: T): void {
      put.run(setting.key, setting.format(value));
    },
    terms: () => terms.all(),
    term: (id: number) => term.get(id),
    /** The term `day` falls in, if any (terms never overlap). */
    termOn: (day: string) => termOn.get(day, day),
    overlappingTerm: (start: string, end: string, exceptId: number | null) => overlapping.get(exceptId, end, start),
    termNamed: (name: string, exceptId: number | null) => sameName.get(name, exceptId),
    insertTerm: (name: string, start: string, end: string) => Number(insertTerm.run(name, start, end).lastInsertRowid),
    updateTerm: (id: number, name: string, start: string, end: string) => updateTerm.run(name, start, end, id).changes,
    deleteTerm: (id: number) => deleteTerm.run(id).changes,
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createSettingsRepo = oncePerDb(buildSettingsRepo);
export type SettingsRepo = ReturnType<typeof buildSettingsRepo>;
