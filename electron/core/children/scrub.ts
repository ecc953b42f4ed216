import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import { isEncrypted } from '../backup/crypto.js';
import { checkFile } from '../backup/backup.repo.js';
import { recountSidecar } from '../backup/backup.js';
import { createEraseRepo } from './erase.repo.js';
import { eraseChild, type ErasedChild } from './erase.js';

/** Why a backup still holds a deleted child: the UI names the file and the reason. */
export type BackupUnreachable = 'missing' | 'encrypted' | 'readOnly' | 'damaged' | 'notCleaned';

export interface BackupScrub {
  /** Backups checked that no longer hold the child (cleaned now, or never held them). */
  cleaned: string[];
  unreachable: { file: string; reason: BackupUnreachable }[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function headerOf(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    // SQLite writes a journal next to the file.
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const quickCheckOk = (db: Db) => checkFile(db, 'quick_check') === 'ok';

/**
 * Takes a deleted child out of one unencrypted backup file with the same code as the live delete, then
 * VACUUMs it so no page keeps the old rows, and checks the result: the child gone, nothing pointing at
 * them, the file sound, and (when no one else's text contains it) the name's bytes nowhere in the file.
 */
export function removeChildFromBackupFile(file: string, who: ErasedChild): { ok: true } | { ok: false; reason: BackupUnreachable } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { ok: false, reason: 'missing' };
  const head = headerOf(file);
  // A password-protected backup cannot be opened without its password; anything else not SQLite is damaged.
  if (isEncrypted(file)) return { ok: false, reason: 'encrypted' };
  if (!head.equals(SQLITE_HEADER)) return { ok: false, reason: 'damaged' };
  if (!writable(file)) return { ok: false, reason: 'readOnly' };

  let name: string | undefined;
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    if (!quickCheckOk(db)) return { ok: false, reason: 'damaged' };
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    const conn = db;
    name = createEraseRepo(conn).nameOf(who.id, who.cardCode);
    if (name !== undefined) {
      write(conn, () => eraseChild(conn, who));
      // VACUUM rebuilds the file from the live rows only; in WAL mode the copy then goes back into the file.
      conn.exec('VACUUM');
      if (conn.pragma('journal_mode', { simple: true }) === 'wal') conn.pragma('wal_checkpoint(TRUNCATE)');
      // The restore list shows each backup's children, visits and calls: from the file as it is now.
      recountSidecar(file, conn);
    }
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return { ok: false, reason: 'readOnly' };
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return { ok: false, reason: 'damaged' };
    // db.* codes from the write helper (a full disk, a lock held by another program …): not cleaned.
    return { ok: false, reason: 'notCleaned' };
  } finally {
    db?.close();
  }
  try {
    return verify(file, who, name) ? { ok: true } : { ok: false, reason: 'notCleaned' };
  } catch {
    return { ok: false, reason: 'notCleaned' };
  }
}

function verify(file: string, who: ErasedChild, name: string | undefined): boolean {
  // Read-write only so a WAL-mode backup opens without its -shm file; nothing is written.
  const db = new Database(file, { fileMustExist: true });
  let othersHoldName = false;
  try {
    const repo = createEraseRepo(db);
    if (repo.nameOf(who.id, who.cardCode) !== undefined || repo.orphans() > 0 || !quickCheckOk(db)) return false;
    if (name !== undefined) othersHoldName = repo.othersHolding(name) > 0;
  } finally {
    db.close();
  }
  if (name === undefined || othersHoldName) return true;
  const bytes = Buffer.from(name, 'utf8');
  const wal = `${file}-wal`;
  return !fs.readFileSync(file).includes(bytes) && !(fs.existsSync(wal) && fs.readFileSync(wal).includes(bytes));
}

/** Every listed backup, each cleaned or named with why it could not be. */
export function removeChildFromBackups(files: readonly string[], who: ErasedChild): BackupScrub {
  const result: BackupScrub = { cleaned: [], unreachable: [] };
  for (const file of files) {
    const r = removeChildFromBackupFile(file, who);
    if (r.ok) result.cleaned.push(file);
    else result.unreachable.push({ file, reason: r.reason });
  }
  return result;
}
