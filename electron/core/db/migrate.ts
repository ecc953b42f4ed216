import { AppError } from '../../../shared/errors.js';
import type { Db } from './open.js';
import { write } from './write.js';
import { takeBackupSync } from '../backup/backup.js';
import { prune, type KeepRule } from '../backup/retention.js';

export interface Migration {
  /** The `user_version` after this migration: 10, 20, 30 … as in the file name `0010-…`. */
  version: number;
  name: string;
  up(db: Db): void;
}

export interface MigrationResult {
  from: number;
  to: number;
  /** The copy kept before migrating an existing database. */
  backup: string | null;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

export function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const prev = i === 0 ? 0 : migrations[i - 1]!.version;
    if (!(Number.isInteger(m.version) && m.version > prev)) {
      throw new Error(`migration ${m.name}: version ${m.version} must be an integer above ${prev}`);
    }
  });
}

/**
 * Runs every pending migration and sets `user_version` in one transaction, so a crash leaves the
 * database as it was. A database written by a newer version of the app is refused, never touched.
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[],
  options: { backupDir?: string; now?: () => number; keep?: KeepRule } = {},
): MigrationResult {
  checkOrder(migrations);
  const from = Number(db.pragma('user_version', { simple: true }));
  const to = latestVersion(migrations);
  if (from > to) throw new AppError('db.tooNew', { found: from, supported: to });
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backup: null };

  let backup: string | null = null;
  const now = options.now ?? Date.now;
  if (from > 0 && options.backupDir) {
    // The same safe path as every backup: a partial copy never carries a backup's name.
    backup = takeBackupSync(db.name, options.backupDir, `before-migration-v${to}-from-v${from}`, now).file;
  }

  // IMMEDIATE takes the write lock first; the version is read again under it, so two processes
  // migrating the same file at once (the app and the command line) migrate it once.
  let ran = from;
  write(db, () => {
    ran = Number(db.pragma('user_version', { simple: true }));
    if (ran > to) throw new AppError('db.tooNew', { found: ran, supported: to });
    for (const m of migrations.filter((x) => x.version > ran)) m.up(db);
    db.pragma(`user_version = ${to}`);
  });
  if (backup && options.backupDir && options.keep) prune(options.backupDir, options.keep, now());
  return { from: ran, to, backup };
}
