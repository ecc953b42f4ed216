import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Core } from '../../electron/core/api.js';
import { checkFile } from '../../electron/core/backup/backup.repo.js';
import { quantiles, type Row } from './rows.js';

/** `n` runs of `fn`, each timed (ms). */
async function timed(what: string, n: number, fn: () => unknown): Promise<Row> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { what, n, unit: 'ms', ...quantiles(samples) };
}

/**
 * Backups (issue 13) on the 10-year database: the start-up `quick_check`, the daily backup's full
 * `integrity_check`, and a whole backup (online copy, check of the copy, flush, rename, pruning) with the
 * longest pause it caused the app's event loop (the desk answers between its steps).
 */
export async function backupBench(core: Core, rows: Row[]): Promise<void> {
  const file = core.db.name;
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(0);
  const reader = new Database(file, { readonly: true });
  // Few runs, no warm-up runs of their own (each takes seconds): the first quick_check warms the file cache.
  rows.push(await timed(`PRAGMA quick_check at start (10-year database, ${mb} MB)`, 3, () => checkFile(reader, 'quick_check')));
  rows.push(await timed(`PRAGMA integrity_check (the daily backup's check of its copy, ${mb} MB)`, 2, () => checkFile(reader, 'integrity_check')));
  reader.close();
  const pauses: number[] = [];
  rows.push(
    await timed(`a backup: online copy + integrity_check + row counts + fsync + rename (${mb} MB)`, 3, async () => {
      let longest = 0;
      let last = performance.now();
      const tick = setInterval(() => {
        const t = performance.now();
        longest = Math.max(longest, t - last);
        last = t;
      }, 1);
      await core.vault.backup('manual');
      clearInterval(tick);
      pauses.push(longest);
    }),
  );
  rows.push({ what: 'longest event-loop pause during a backup (the desk waits at most this)', n: pauses.length, unit: 'ms', ...quantiles(pauses) });
}
