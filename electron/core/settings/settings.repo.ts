import type { Db } from '../db/open.js';
import type { Term } from '../../../shared/domain/types.js';

export function createSettingsRepo(db: Db) {
  const getOne = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const terms = db.prepare('SELECT id, name, start_date AS start, end_date AS end FROM terms ORDER BY start_date DESC');
  const term = db.prepare('SELECT id, name, start_date AS start, end_date AS end FROM terms WHERE id = ?');
  const overlapping = db
    .prepare('SELECT id FROM terms WHERE id IS NOT ? AND start_date <= ? AND end_date >= ? LIMIT 1')
    .pluck();
  const sameName = db.prepare('SELECT id FROM terms WHERE name = ? AND id IS NOT ?').pluck();
  const insertTerm = db.prepare('INSERT INTO terms (name, start_date, end_date) VALUES (?, ?, ?)');
  const updateTerm = db.prepare('UPDATE terms SET name = ?, start_date = ?, end_date = ? WHERE id = ?');
  const deleteTerm = db.prepare('DELETE FROM terms WHERE id = ?');

  return {
    get(key: string): string | undefined {
      return getOne.get(key) as string | undefined;
    },
    set(key: string, value: string): void {
      put.run(key, value);
    },
    terms: () => terms.all() as Term[],
    term: (id: number) => term.get(id) as Term | undefined,
    overlappingTerm: (start: string, end: string, exceptId: number | null) =>
      overlapping.get(exceptId, end, start) as number | undefined,
    termNamed: (name: string, exceptId: number | null) => sameName.get(name, exceptId) as number | undefined,
    insertTerm: (name: string, start: string, end: string) => Number(insertTerm.run(name, start, end).lastInsertRowid),
    updateTerm: (id: number, name: string, start: string, end: string) => updateTerm.run(name, start, end, id).changes,
    deleteTerm: (id: number) => deleteTerm.run(id).changes,
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
