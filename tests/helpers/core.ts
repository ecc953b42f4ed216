import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core/app.js';
import { settableClock } from '../../electron/core/clock.js';
import type { Core } from '../../electron/core/api.js';
import type { Contracts, InputOf, OutputOf, ProcedureName } from '../../shared/api/index.js';
import { SETUP } from '../fixtures/setup.js';

export { SETUP };

/** A real data folder in the temp directory, removed by `cleanup`. */
export function tempDataDir(prefix = 'home-desk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const T0 = Date.parse('2026-11-28T09:00:00+08:00');

export interface TestCore {
  core: Core;
  clock: ReturnType<typeof settableClock>;
  dataDir: string;
  /** A desk session. */
  desk: string;
  /** The wizard's admin, once `makeSetUpCore` has run it; 0 before. */
  adminId: number;
  /** Calls a procedure as its contract types it; the answer's type is the contract's output. */
  call<N extends ProcedureName>(name: N, input?: InputOf<Contracts[N]>, session?: string): Promise<OutputOf<Contracts[N]>>;
  /** For tests that send what no contract allows on purpose: an unknown name, an invalid input. */
  callRaw(name: string, input?: unknown, session?: string): Promise<unknown>;
  cleanup(): void;
}

/** Opens a core on a temp data folder with a settable clock at T0; `call` throws the error payload. */
export function makeCore(): TestCore {
  const dataDir = tempDataDir();
  // Frozen: time moves only when a test sets it.
  const clock = settableClock(T0, () => 0);
  const core = openCore({ dataDir, clock });
  const desk = core.openSession('desk');
  async function callRaw(name: string, input: unknown = {}, session = desk): Promise<unknown> {
    const r = await core.call(session, name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.code), { payload: r.error });
    return r.value;
  }
  return {
    core,
    clock,
    dataDir,
    desk,
    adminId: 0,
    // The core checked the answer against the contract's output schema (checkOutputs is on in tests).
    call: <N extends ProcedureName>(name: N, input?: InputOf<Contracts[N]>, session?: string) =>
      callRaw(name, input, session) as Promise<OutputOf<Contracts[N]>>,
    callRaw,
    cleanup() {
      core.close();
      // A start-up check's worker may still be closing its own connection to the file (after a restore,
      // say): retry while it removes its -wal and -shm files.
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

/** A core after the wizard, with the admin signed in on the desk session. */
export async function makeSetUpCore(): Promise<TestCore> {
  const t = makeCore();
  await t.call('setup.run', SETUP);
  const [admin] = await t.call('auth.lockList');
  await t.call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });
  return { ...t, adminId: admin!.id };
}

/** The error code of a rejected call. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as { payload?: { code: string } }).payload?.code ?? `thrown: ${String(err)}`;
  }
  return 'no error';
}
