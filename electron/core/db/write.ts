import { AppError } from '../../../shared/errors.js';
import type { Db } from './open.js';

/**
 * SQLite's answers that mean a write did not happen (or a read could not be trusted), each with its own
 * code, so the teacher is told "the disk is full" rather than "something went wrong" — and never "saved".
 * Extended codes (SQLITE_READONLY_DBMOVED, SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE …) fall under their family.
 */
export function dbErrorOf(err: unknown): AppError | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const family = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  switch (family) {
    case 'SQLITE_FULL':
      return new AppError('db.diskFull');
    case 'SQLITE_READONLY':
      return new AppError('db.readOnly', { sqlite: code });
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppError('db.busy', { sqlite: code });
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new AppError('db.corrupt', { sqlite: code });
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN':
      return new AppError('db.io', { sqlite: code });
    default:
      return null;
  }
}

/**
 * The one way to write: `fn` runs in an IMMEDIATE transaction (the write lock is taken first, so the
 * busy timeout can wait for another writer instead of failing half-way with SQLITE_BUSY_SNAPSHOT), and
 * returns only after COMMIT returned. A statement that hands back a row before its commit (`INSERT …
 * RETURNING` read with `.get()`) is safe inside it: a failed commit throws here, so no caller answers "saved".
 */
export function write<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    throw dbErrorOf(err) ?? err;
  }
}
