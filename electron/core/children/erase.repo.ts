import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';

/**
 * What erasing a child needs, on any database of ours: the live one, or a backup written by an older
 * version (every statement here works on every schema since the children table was created).
 */
function buildEraseRepo(db: Db) {
  const find = db.prepare<[id: number, cardCode: string], string>('SELECT name FROM children WHERE id = ? AND card_code = ?').pluck();
  // Visits, contacts, calls, loans, sign-ups and attendance go with it: their foreign keys cascade.
  const remove = db.prepare<[id: number]>('DELETE FROM children WHERE id = ?');
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck();
  const orphans = db.prepare<[], number>("SELECT count(*) FROM pragma_foreign_key_check WHERE parent = 'children'").pluck();
  const holding = db.prepare<{ text: string }, number>(`
    SELECT (SELECT count(*) FROM children WHERE instr(name, @text) > 0 OR instr(notes, @text) > 0)
         + (SELECT count(*) FROM contacts WHERE instr(name, @text) > 0)
         + (SELECT count(*) FROM teachers WHERE instr(name, @text) > 0)`).pluck();

  return {
    /** The child's name in this database, when it holds this child (same id and the same card: never a namesake). */
    nameOf: (id: number, cardCode: string): string | undefined => find.get(id, cardCode),
    remove: (id: number) => remove.run(id).changes,
    hasTable: (name: string) => tables.all().includes(name),
    /** Rows that point at a child who is no longer there; 0 when the cascade did its work. */
    orphans: () => Number(orphans.get()),
    /** Rows of other people whose text contains `text` (another child of the same name, say). */
    othersHolding: (text: string) => Number(holding.get({ text })),
  };
}

export const createEraseRepo = oncePerDb(buildEraseRepo);
