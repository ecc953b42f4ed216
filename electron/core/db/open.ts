import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';

export type Db = Database.Database;

const SYNCHRONOUS_FULL = 2;

/**
 * Opens the one database file with the pragmas DESIGN.md asks for. `synchronous` is read back:
 * better-sqlite3's SQLite is built to drop WAL databases to NORMAL, which can lose rows the UI
 * has already confirmed if the power goes; we refuse to run like that.
 */
export function openDatabase(file: string, options: { nativeBinding?: string } = {}): Db {
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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
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
