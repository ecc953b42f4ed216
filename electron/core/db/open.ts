import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import { checkFile } from '../backup/backup.repo.js';

export type Db = Database.Database;

const SYNCHRONOUS_FULL = 2;

/**
 * Opens the one database file with the pragmas DESIGN.md asks for. `synchronous` is read back:
 * better-sqlite3's SQLite is built to drop WAL databases to NORMAL, which can lose rows the UI
 * has already confirmed if the power goes; we refuse to run like that.
 */
export interface OpenDbOptions {
  nativeBinding?: string;
  maxVersion?: number;
  /** Run `PRAGMA quick_check` before anything is written; a damaged file throws `db.corrupt`, untouched. */
  quickCheck?: boolean;
  /**
   * Open for reading only: what SQLite itself falls back to when the folder or file cannot be written (a
   * write-protected USB stick, a folder whose rights were taken away). The fault suite opens it so because
   * it runs as root, for whom chmod does not stop a write.
   */
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenDbOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), ...(options.readonly ? { readonly: true, fileMustExist: true } : {}) });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/NODE_MODULE_VERSION|invalid ELF|Could not locate the bindings|was compiled against/i.test(text)) {
      throw new AppError('db.nativeModule', { detail: text.split('\n')[0] ?? text });
    }
    throw err;
  }
  // A file from a newer app is refused before anything, even the journal mode, is changed in it.
  let version: number;
  try {
    version = Number(db.pragma('user_version', { simple: true }));
    // Pages damaged mid-file are found here, before the journal mode or anything else is written to it.
    const verdict = options.quickCheck ? checkFile(db, 'quick_check') : 'ok';
    if (verdict !== 'ok') throw new AppError('db.corrupt', { detail: verdict.slice(0, 200) });
  } catch (err) {
    db.close();
    throw err;
  }
  if (options.maxVersion !== undefined && version > options.maxVersion) {
    db.close();
    throw new AppError('db.tooNew', { found: version, supported: options.maxVersion });
  }
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal' && !(file === ':memory:' && mode === 'memory')) {
    db.close();
    throw new AppError('db.notDurable', { value: `journal_mode=${String(mode)}` });
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A deleted child's personal data is overwritten in the file, not just unlinked.
  db.pragma('secure_delete = ON');
  const sync = db.pragma('synchronous', { simple: true });
  if (sync !== SYNCHRONOUS_FULL) {
    db.close();
    throw new AppError('db.notDurable', { value: String(sync) });
  }
  if (db.pragma('foreign_keys', { simple: true }) !== 1) {
    db.close();
    throw new AppError('db.notDurable', { value: 'foreign_keys' });
  }
  return db;
}

/** What SQLite's or the check's failure says of a file's damage, or null when the failure is something else. */
export function damageOf(err: unknown): string | null {
  if (err instanceof AppError) return err.code === 'db.corrupt' ? String(err.params?.detail ?? 'corrupt') : null;
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code) ? code : null;
}

export interface Opened {
  db: Db;
  /** What `quick_check` found; the file is then open read-only and nothing is ever written to it. */
  damaged: string | null;
}

/** Opens the app's file after `quick_check`: a damaged file is opened read-only, so a restore can still read what it can. */
export function openChecked(file: string, options: Omit<OpenDbOptions, 'quickCheck'> = {}): Opened {
  try {
    return { db: openDatabase(file, { ...options, quickCheck: true }), damaged: null };
  } catch (err) {
    const damaged = damageOf(err);
    if (damaged === null) throw err;
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    return { db, damaged };
  }
}
