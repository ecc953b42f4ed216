import { systemClock, type Clock } from './clock.js';
import { createCore, type Core } from './api.js';
import { createVault, DB_FILE } from './backup/vault.js';

export { DB_FILE };

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
  /**
   * `auto` (the app's hosts): the day's backup at the first start of each local day, looked for again every
   * hour while the app stays open. `manual` (the command line, tests): only when asked.
   */
  backups?: 'auto' | 'manual';
  /** Tests: the file opened for reading only, as SQLite opens it in a folder it may not write to. */
  readOnly?: boolean;
}

const HOUR = 60 * 60 * 1000;

/**
 * Opens (or creates) the data folder's database — `quick_check` first, a damaged file read-only — migrates it
 * after a checked backup, and builds the core.
 */
export function openCore({
  dataDir,
  clock = systemClock,
  nativeBinding,
  checkOutputs = process.env.NODE_ENV !== 'production',
  backups = 'manual',
  readOnly = false,
}: OpenOptions): Core {
  const vault = createVault({ dataDir, clock, readOnly, ...(nativeBinding ? { nativeBinding } : {}) });
  const core = createCore({ vault, clock, checkOutputs });
  if (backups === 'manual') return core;
  // Not awaited: the online backup copies a few pages at a time between the desk's calls.
  const daily = () => void vault.dailyIfDue();
  setImmediate(daily);
  const timer = setInterval(daily, HOUR);
  timer.unref();
  const { close, shutdown } = core;
  return Object.assign(core, {
    close: () => {
      clearInterval(timer);
      close();
    },
    shutdown: () => {
      clearInterval(timer);
      return shutdown();
    },
  });
}
