import type { Db } from '../db/open.js';

/**
 * Where one kind of category lives: its table, and the table whose rows point at it through
 * `category_id`. Table names are these constants, never input.
 */
export interface CategoryTables<K extends string> {
  table: 'book_categories' | 'event_categories';
  usedBy: 'books' | 'events';
  /** The built-in categories' keys, which the UI translates. */
  keys: readonly K[];
}

export interface CategoryRow<K extends string> {
  id: number;
  /** Set for a built-in category (translated in the UI); null for the room's own. */
  key: K | null;
  name: string;
  /** How many rows of `usedBy` are in it. */
  used: number;
}

interface RawCategory {
  id: number;
  key: string | null;
  name: string;
  used: number;
}

export function createCategoriesRepo<K extends string>(db: Db, t: CategoryTables<K>) {
  const USED = `(SELECT count(*) FROM ${t.usedBy} u WHERE u.category_id = k.id)`;
  const list = db.prepare<[], RawCategory>(`SELECT k.id, k.key, k.name, ${USED} AS used FROM ${t.table} k ORDER BY k.position, k.id`);
  const one = db.prepare<[number], RawCategory>(`SELECT k.id, k.key, k.name, ${USED} AS used FROM ${t.table} k WHERE k.id = ?`);
  const named = db.prepare<[string, number | null], number>(`SELECT id FROM ${t.table} WHERE name = ? AND id IS NOT ?`).pluck();
  const insert = db
    .prepare<[string], number>(`INSERT INTO ${t.table} (name, position) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM ${t.table})) RETURNING id`)
    .pluck();
  // A renamed built-in category is the room's own from then on: its key would translate the old name.
  const rename = db.prepare<[string, number]>(`UPDATE ${t.table} SET name = ?, key = NULL WHERE id = ?`);
  const remove = db.prepare<[number]>(`DELETE FROM ${t.table} WHERE id = ?`);

  // A key this code does not know (a newer version's) shows by its name.
  const isKey = (key: string | null): key is K => key !== null && (t.keys as readonly string[]).includes(key);
  const toRow = (r: RawCategory): CategoryRow<K> => ({ id: r.id, key: isKey(r.key) ? r.key : null, name: r.name, used: r.used });

  return {
    list: () => list.all().map(toRow),
    one: (id: number) => {
      const r = one.get(id);
      return r ? toRow(r) : undefined;
    },
    named: (name: string, exceptId: number | null) => named.get(name, exceptId),
    insert: (name: string) => insert.get(name)!,
    rename: (id: number, name: string) => rename.run(name, id).changes,
    remove: (id: number) => remove.run(id).changes,
  };
}

export type CategoriesRepo<K extends string> = ReturnType<typeof createCategoriesRepo<K>>;
