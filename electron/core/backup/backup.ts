import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { checkFile, rowCounts, userVersion } from './backup.repo.js';
import { checkInWorker } from './check.js';
import { commitFile, commitFileAsync, freeName, PARTIAL, removeWithCompanions, SIDECAR, writeFileAtomic, type Reason } from './files.js';

/** What is known of a backup without opening it: kept beside it (plain) or in its header (encrypted). */
export interface BackupMeta {
  at: number;
  reason: Reason;
  userVersion: number;
  /** Rows of every table when it was taken. */
  tables: Record<string, number>;
}

export interface TakenBackup {
  file: string;
  size: number;
  meta: BackupMeta;
}

/** How many times a copy is taken again when its rows differ from the source's (another process wrote meanwhile). */
const ATTEMPTS = 3;

/**
 * Checks a copy that nobody else has open: makes it a single self-contained file (rollback journal, so it
 * can be copied or opened anywhere), runs the full `integrity_check` and reads its rows.
 */
export function checkCopy(file: string, nativeBinding?: string): { tables: Record<string, number>; userVersion: number } {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('journal_mode = DELETE');
    const verdict = checkFile(db, 'integrity_check');
    if (verdict !== 'ok') throw new AppError('backup.damaged', { detail: verdict.slice(0, 200) });
    return { tables: rowCounts(db), userVersion: userVersion(db) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('backup.damaged', { sqlite: String((err as { code?: unknown }).code ?? 'unknown') });
  } finally {
    db.close();
  }
}

/** The same check in a worker thread, so a long `integrity_check` never holds up the desk. */
export async function checkCopyAsync(file: string, nativeBinding?: string): Promise<{ tables: Record<string, number>; userVersion: number }> {
  let r;
  try {
    r = await checkInWorker(file, { kind: 'integrity_check', counts: true, rollback: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new AppError('backup.damaged', { sqlite: String((err as { code?: unknown }).code ?? 'unknown') });
  }
  if (r.verdict !== 'ok' || r.tables === null) throw new AppError('backup.damaged', { detail: r.verdict.slice(0, 200) });
  return { tables: r.tables, userVersion: r.userVersion };
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function counted(tmp: string, source: Record<string, number>, copy: { tables: Record<string, number> }): boolean {
  if (sameCounts(copy.tables, source)) return true;
  removeWithCompanions(tmp);
  return false;
}

/**
 * After a backup file was changed in place (a deleted child taken out of it), its sidecar's row counts are
 * counted again from the file, so the restore list never shows the old figures. A backup without a sidecar
 * (encrypted, or an older copy) is left as it is.
 */
export function recountSidecar(file: string, db: Db): void {
  const sidecar = file + SIDECAR;
  if (!fs.existsSync(sidecar)) return;
  const meta = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as BackupMeta;
  writeFileAtomic(sidecar, JSON.stringify({ ...meta, tables: rowCounts(db) }));
}

/** Names the checked copy and writes its sidecar. */
function named(dir: string, file: string, at: number, reason: Reason, copy: { tables: Record<string, number>; userVersion: number }): TakenBackup {
  const meta: BackupMeta = { at, reason, userVersion: copy.userVersion, tables: copy.tables };
  writeFileAtomic(file + SIDECAR, JSON.stringify(meta));
  return { file, size: fs.statSync(file).size, meta };
}

function tmpFor(dir: string, at: number, reason: Reason): string {
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, freeName(dir, at, reason) + PARTIAL);
  removeWithCompanions(tmp);
  return tmp;
}

function failed(tmp: string, err: unknown): never {
  removeWithCompanions(tmp);
  if (err instanceof AppError) throw err;
  console.error('[backup] failed:', err);
  throw new AppError('backup.failed', { sqlite: String((err as { code?: unknown }).code ?? 'unknown') });
}

/**
 * A backup of the open database with SQLite's online backup (pages copied a few at a time between the
 * app's own calls, so the desk keeps working; writes made meanwhile through this connection are carried
 * into the copy). The copy is written as `<name>.partial`, checked (integrity_check, every table's rows
 * equal to the source's at the moment it finished), flushed, then renamed to its name.
 */
export async function takeBackup(db: Db, dir: string, reason: Reason, now: () => number): Promise<TakenBackup> {
  for (let attempt = 1; ; attempt++) {
    const at = now();
    const tmp = tmpFor(dir, at, reason);
    try {
      await db.backup(tmp);
      // The continuation runs right after the last page was copied: no call of this app comes between.
      const source = rowCounts(db);
      const copy = await checkCopyAsync(tmp);
      if (counted(tmp, source, copy)) {
        const file = path.join(dir, freeName(dir, at, reason));
        await commitFileAsync(tmp, file);
        return named(dir, file, at, reason, copy);
      }
    } catch (err) {
      failed(tmp, err);
    }
    if (attempt >= ATTEMPTS) throw new AppError('backup.failed', { reason: 'changedMeanwhile' });
  }
}

/**
 * The same, synchronously, for the backup before a migration (the app is opening, nothing is served yet):
 * `VACUUM INTO` from a read-only connection of its own, so it neither needs nor takes the write lock.
 */
export function takeBackupSync(file: string, dir: string, reason: Reason, now: () => number): TakenBackup {
  for (let attempt = 1; ; attempt++) {
    const at = now();
    const tmp = tmpFor(dir, at, reason);
    const src = new Database(file, { readonly: true, fileMustExist: true });
    try {
      src.prepare('VACUUM INTO ?').run(tmp);
      const source = rowCounts(src);
      src.close();
      const copy = checkCopy(tmp);
      if (counted(tmp, source, copy)) {
        const file = path.join(dir, freeName(dir, at, reason));
        commitFile(tmp, file);
        return named(dir, file, at, reason, copy);
      }
    } catch (err) {
      if (src.open) src.close();
      failed(tmp, err);
    }
    if (attempt >= ATTEMPTS) throw new AppError('backup.failed', { reason: 'changedMeanwhile' });
  }
}
