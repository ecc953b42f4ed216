import fs from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from './clock.js';
import { openDatabase } from './db/open.js';
import { latestVersion, migrate } from './db/migrate.js';
import { migrations } from './db/migrations/index.js';
import { createCore, type Core } from './api.js';
import { guardWrites } from './db/write.js';

export const DB_FILE = 'home.sqlite';

export interface OpenOptions {
  /** The data folder: Electron's userData, or `--data` for the web host and the command line. */
  dataDir: string;
  clock?: Clock;
  nativeBinding?: string;
  /**
   * Check every answer against its output schema. On unless NODE_ENV is `production` (the packaged app
   * and the benchmarks); tests and the development hosts always check.
   */
  checkOutputs?: boolean;
}

/** Opens (or creates) the data folder's database, migrates it with a backup first, and builds the core. */
export function openCore({
  dataDir,
  clock = systemClock,
  nativeBinding,
  checkOutputs = process.env.NODE_ENV !== 'production',
}: OpenOptions): Core {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DB_FILE), {
    maxVersion: latestVersion(migrations),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    migrate(db, migrations, { backupDir: path.join(dataDir, 'backups'), now: clock.now });
  } catch (err) {
    db.close();
    throw err;
  }
  guardWrites(db);
  return createCore({ db, clock, checkOutputs });
}
