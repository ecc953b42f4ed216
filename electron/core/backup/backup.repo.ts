import type { Db } from '../db/open.js';

/**
 * The SQL of backups: what a copy holds and whether it is whole. Row counts run over every table the file
 * has, so their statements are made per file (one per table) rather than prepared once.
 */
export function tableNames(db: Db): string[] {
  return db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all();
}

/** Rows of every table, in one statement so the counts belong to one moment (one read snapshot). */
export function rowCounts(db: Db): Record<string, number> {
  const names = tableNames(db);
  if (names.length === 0) return {};
  const sql = names.map((t) => `SELECT ${quote(t, "'")} AS t, count(*) AS n FROM ${quote(t, '"')}`).join(' UNION ALL ');
  const out: Record<string, number> = {};
  for (const r of db.prepare<[], { t: string; n: number }>(sql).all()) out[r.t] = r.n;
  return out;
}

const quote = (name: string, q: string) => q + name.split(q).join(q + q) + q;

/** `integrity_check` (full) or `quick_check` (no index-to-table cross-check): 'ok' or SQLite's first findings. */
export function checkFile(db: Db, kind: 'integrity_check' | 'quick_check'): string {
  const rows = db.prepare<[], string>(`PRAGMA ${kind}(20)`).pluck().all();
  return rows.length === 1 && rows[0] === 'ok' ? 'ok' : rows.join('; ');
}

export function userVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}
