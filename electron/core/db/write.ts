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
 * What the helper keeps per connection: whether the write guard is on (see `guardWrites`), how deep the
 * current write() calls are nested, and how to lift and restore the guard.
 */
interface WriteState {
  guarded: boolean;
  depth: number;
  lift?: () => void;
  restore?: () => void;
}

const states = new WeakMap<Db, WriteState>();

function stateOf(db: Db): WriteState {
  let s = states.get(db);
  if (!s) {
    s = { guarded: false, depth: 0 };
    states.set(db, s);
  }
  return s;
}

/**
 * Makes the connection refuse every write that does not go through `write()`: with `query_only` on, a
 * stray `INSERT` fails at once with SQLITE_READONLY instead of committing on its own, outside any
 * transaction, where a full disk could lose it after the caller answered "saved". Run after the
 * migrations (they write with their own transaction), before the core serves its first call.
 */
export function guardWrites(db: Db): void {
  // exec, not a statement prepared once: SQLite applies a flag pragma while compiling it, so a prepared
  // `query_only = OFF` would switch the guard off the moment it is prepared.
  const s = stateOf(db);
  s.lift = () => db.exec('PRAGMA query_only = OFF');
  s.restore = () => db.exec('PRAGMA query_only = ON');
  s.restore();
  s.guarded = true;
}

/**
 * A SQLITE_READONLY that reached the core from outside `write()` on a guarded connection is a statement
 * that wrote on its own: a bug to fix, not a read-only folder to tell the teacher about. (A folder that
 * really is read-only fails inside `write()`, which answers db.readOnly before the error gets here.)
 */
export function isStrayWrite(db: Db, err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  const s = states.get(db);
  return code === 'SQLITE_READONLY' && s !== undefined && s.guarded && s.depth === 0;
}

/**
 * The one way to write: `fn` runs in an IMMEDIATE transaction (the write lock is taken first, so the
 * busy timeout can wait for another writer instead of failing half-way with SQLITE_BUSY_SNAPSHOT), and
 * returns only after COMMIT returned. A statement that hands back a row before its commit (`INSERT …
 * RETURNING` read with `.get()`) is safe inside it: a failed commit throws here, so no caller answers "saved".
 *
 * Calls nest: a write() inside another runs as a savepoint of the outer transaction (better-sqlite3 nests
 * that way), so a service can call another's write. `fn` must be synchronous: better-sqlite3 refuses a
 * promise, and an `await` inside would hold the write lock across the event loop. On a guarded connection
 * the outermost call lifts `query_only` for its transaction and restores it afterwards, whatever happened.
 */
export function write<T>(db: Db, fn: () => T): T {
  const s = stateOf(db);
  const outermost = s.depth === 0;
  if (outermost && s.guarded) s.lift!();
  s.depth += 1;
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    throw dbErrorOf(err) ?? err;
  } finally {
    s.depth -= 1;
    if (outermost && s.guarded && db.open) s.restore!();
  }
}
