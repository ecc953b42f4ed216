import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { migrations } from '../../electron/core/db/migrations/index.js';

/** A row as SQLite gives it back: column name → value. */
export type Row = Record<string, string | number | bigint | Buffer | null>;

/**
 * Helpers for one test per data migration, as Signal-Desktop's `ts/test-node/sql/helpers.node.ts`:
 * take a database to the version before, insert rows as they were then, migrate, read.
 *
 *   const db = migrateWithData(m0110.version, { children: [CHILD] });
 *   expect(getTableData(db, 'children')).toEqual([...]);
 */

/** A fresh in-memory database, at version 0, with the app's pragmas. */
export function createDb(): Db {
  return openDatabase(':memory:');
}

/** The migration version just before `version` (0 before the first). */
export function versionBefore(version: number): number {
  const i = migrations.findIndex((m) => m.version === version);
  if (i < 0) throw new Error(`no migration ${version}`);
  return i === 0 ? 0 : migrations[i - 1]!.version;
}

/** Runs the migrations up to and including `version` (0: none), the way the app runs them. */
export function updateToVersion(db: Db, version: number): void {
  if (version !== 0 && !migrations.some((m) => m.version === version)) throw new Error(`no migration ${version}`);
  migrate(db, migrations.filter((m) => m.version <= version));
  const now = Number(db.pragma('user_version', { simple: true }));
  if (now !== version) throw new Error(`database at version ${now}, not ${version}`);
}

/** Table and column names come from the test itself; checked so a typo fails loudly instead of quoting oddly. */
function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return name;
}

/** Inserts rows (column → value) into a table, in order; each row may name other columns. */
export function insertData(db: Db, table: string, rows: readonly Row[]): void {
  for (const row of rows) {
    const columns = Object.keys(row).map(identifier);
    db.prepare<Row>(
      `INSERT INTO ${identifier(table)} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
  }
}

/** Every row of a table, in the order they were written (rowid). */
export function getTableData(db: Db, table: string): Row[] {
  return db.prepare<[], Row>(`SELECT * FROM ${identifier(table)} ORDER BY rowid`).all();
}

/**
 * A data migration's test in one line: a fresh database at the version before `version`, `data`
 * inserted (table → rows, tables in the order given), then migrated to `version`. Close it after reading.
 */
export function migrateWithData(version: number, data: Record<string, readonly Row[]>): Db {
  const db = createDb();
  updateToVersion(db, versionBefore(version));
  for (const [table, rows] of Object.entries(data)) insertData(db, table, rows);
  updateToVersion(db, version);
  return db;
}
