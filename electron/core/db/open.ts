import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';

export type Db = Database.Database;

const SYNCHRONOUS_FULL = 2;

/**
 * Opens the one database file with the pragmas DESIGN.md asks for. `synchronous` is read back:
 * better-sqlite3's SQLite is built to drop WAL databases to NORMAL, which can lose rows the UI
 * has already confirmed if the power goes; we refuse to run like that.
 */
export function openDatabase(file: string, options: { nativeBinding?: string; maxVersion?: number } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/NODE_MODULE_VERSION|invalid ELF|Could not locate the bindings|was compiled against/i.test(text)) {
      throw new AppError('db.nativeModule', { detail: text.split('\n')[0] ?? text });
    }
    throw err;
  }
  // A file from a newer app is refused before anything, even the journal mode, is changed in it.
  const version = Number(db.pragma('user_version', { simple: true }));
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
