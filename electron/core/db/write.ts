import { AppError } from '../../../shared/errors.js';
import type Database from 'better-sqlite3';
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
 * What the helper keeps per connection: whether the write guard is on (see `guardWrites`) and how deep the
 * current write() calls are nested.
 */
interface WriteState {
  guarded: boolean;
  depth: number;
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

/** Statements that write nothing themselves: a transaction's own steps, and moving the WAL into the file. */
const NOT_A_WRITE = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b|^\s*PRAGMA\s+wal_checkpoint\b/i;

/** Throws when a statement that writes runs on a guarded connection outside write(). */
function refuseStray(db: Db, source: string, { exec = false } = {}): void {
  const s = states.get(db);
  // exec's text may hold several statements, so only its first word is known: it is never let through.
  if (s === undefined || !s.guarded || s.depth > 0 || (!exec && NOT_A_WRITE.test(source))) return;
  throw Object.assign(new Error(`a statement wrote outside write(): ${source.trim().slice(0, 80)}`), { code: 'SQLITE_READONLY' });
}

type Run = (this: Database.Statement, ...args: unknown[]) => unknown;
let statementsGuarded = false;

/**
 * better-sqlite3's Statement class (the package does not export it, a statement leads to it) checks, before
 * each run, whether a statement that writes is inside write(). On the prototype, so statements prepared
 * before the guard was put on (the settings read at open) are checked too; one property read for a
 * statement that only reads.
 */
function guardStatements(db: Db): void {
  if (statementsGuarded) return;
  statementsGuarded = true;
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all' | 'iterate', Run>;
  for (const name of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[name];
    proto[name] = function guarded(this: Database.Statement, ...args: unknown[]) {
      if (!this.readonly) refuseStray(this.database, this.source);
      return original.apply(this, args);
    };
  }
}

/**
 * Makes the connection refuse every write that does not go through `write()`: a stray `INSERT` fails at once
 * with SQLITE_READONLY instead of committing on its own, outside any transaction, where a full disk could
 * lose it after the caller answered "saved". Run after the migrations (they write with their own
 * transaction), before the core serves its first call.
 *
 * It was `PRAGMA query_only`, switched off and on around each write; but SQLite expires every prepared
 * statement when a flag pragma changes, so each statement was compiled again after every write (a kiosk
 * tap's read took 125 µs instead of 38). The check now sits in front of each statement instead.
 */
export function guardWrites(db: Db): void {
  guardStatements(db);
  const exec = db.exec.bind(db);
  // exec runs SQL text whose effect is unknown beforehand: on a guarded connection only inside write().
  db.exec = (source: string) => {
    refuseStray(db, source, { exec: true });
    return exec(source);
  };
  stateOf(db).guarded = true;
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
 * only statements run inside it may write.
 */
export function write<T>(db: Db, fn: () => T): T {
  const s = stateOf(db);
  s.depth += 1;
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    throw dbErrorOf(err) ?? err;
  } finally {
    s.depth -= 1;
  }
}
