import fs from 'node:fs';
import type { Db } from '../db/open.js';

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * One attempt to copy the whole WAL into the database file and truncate it to nothing, without waiting:
 * true only when SQLite says every frame was copied and the -wal file is empty afterwards. A reader that
 * holds an older snapshot (another window's read, the command line) makes it answer busy.
 */
export function truncateWal(db: Db): boolean {
  if (!db.open || db.readonly) return false;
  if (db.memory) return true;
  const timeout = db.pragma('busy_timeout', { simple: true });
  let row: CheckpointRow | undefined;
  try {
    // Not the usual busy timeout: the caller retries with its own short waits, never blocking the process.
    db.pragma('busy_timeout = 0');
    row = (db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointRow[])[0];
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${Number(timeout)}`);
  }
  if (!row || row.busy !== 0 || row.log !== row.checkpointed) return false;
  const wal = `${db.name}-wal`;
  return !fs.existsSync(wal) || fs.statSync(wal).size === 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The waits before each attempt after a delete, in ms: about three quarters of a second in all. */
const QUICK = [0, 50, 100, 200, 400];
/** Then, when a reader still held the WAL, the app keeps trying in the background. */
const LATER_MS = [2000, 10_000, 60_000];

/**
 * Empties the WAL after a child was deleted, so the deleted rows' old pages leave the disk. It answers
 * honestly: false means the delete is committed but the data may remain in the -wal file for now; the
 * cleaner keeps retrying (and SQLite checkpoints on close; the next start retries too).
 */
export function createWalCleaner(db: Db) {
  let pending = false;
  let timer: NodeJS.Timeout | undefined;

  function retryLater(step: number): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!pending || !db.open) return;
      if (truncateWal(db)) pending = false;
      else retryLater(Math.min(step + 1, LATER_MS.length - 1));
    }, LATER_MS[step]);
    // Never keeps the process alive on its own.
    timer.unref();
  }

  return {
    /** After the delete's commit: a few quick attempts; false when the data may still be in the -wal file. */
    async afterDelete(): Promise<boolean> {
      pending = true;
      for (const wait of QUICK) {
        if (wait > 0) await sleep(wait);
        if (truncateWal(db)) {
          pending = false;
          return true;
        }
      }
      retryLater(0);
      return false;
    },
    /** A deleted child's data may still be in the -wal file. */
    pending: () => pending,
    /** Tries once now (at start, after a run that ended with the WAL held). */
    tryNow(): boolean {
      if (truncateWal(db)) pending = false;
      return !pending;
    },
  };
}
