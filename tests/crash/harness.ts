import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { DB_FILE, openCore } from '../../electron/core/app.js';
import { ZHANG } from '../fixtures/children.js';
import { SETUP, tempDataDir } from '../helpers/core.js';

/**
 * The crash harness: a child process (writer.ts) writes through the real core and prints each confirmed
 * write; it is killed with SIGKILL at a random moment; the file is then opened again as the app would
 * after a power cut, and every write ever confirmed must be in it, with `integrity_check` ok.
 * Run by `npm test` (tests/crash/crash.test.ts) and, for longer runs, `npm run crash -- --cycles 500`.
 */

const root = path.resolve(__dirname, '../..');
const WRITER = path.join(root, 'tests/crash/writer.ts');

export interface Confirmed {
  key: string;
  sql: string;
  args: unknown[];
  min: number;
}

export interface CrashReport {
  cycles: number;
  /** Writes the child reported as answered ok, over all cycles. */
  confirmed: number;
  /** Confirmed writes not in the file after a kill (must be none). */
  lost: string[];
  /** Cycles whose file failed `integrity_check`. */
  damaged: number;
  /** Error codes the child saw (none expected). */
  errors: string[];
  /** Cycles killed before the child had opened the core. */
  killedEarly: number;
  ms: number;
}

export interface CrashOptions {
  cycles: number;
  /** The longest a child lives after it said it is ready, in ms (each kill is at a random moment up to it). */
  maxLifeMs?: number;
  seed?: number;
  children?: number;
  /** Data folders written and killed side by side. */
  lanes?: number;
  log?: (line: string) => void;
}

/** A data folder with the setup done and some children, as the app leaves it. */
export async function prepare(dataDir: string, children: number): Promise<void> {
  const core = openCore({ dataDir });
  try {
    const s = core.openSession('system');
    const setup = await core.call(s, 'setup.run', SETUP);
    if (!setup.ok) throw new Error(setup.error.code);
    for (let i = 0; i < children; i++) {
      const r = await core.call(s, 'children.create', { ...ZHANG, name: `孩子${i + 1}`, birthDate: `2016-0${1 + (i % 9)}-1${i % 10}` });
      if (!r.ok) throw new Error(r.error.code);
    }
  } finally {
    core.close();
  }
}

/**
 * The writer and the whole core in one CommonJS file (better-sqlite3 stays outside: a native addon), built
 * once per run with esbuild, which tsx itself runs on. Under tsx's loader every start transforms and resolves
 * some hundred files again; from one file a start takes about half the time, so the cycles go to kills.
 */
export async function bundleWriter(dir: string): Promise<string> {
  const outfile = path.join(dir, 'writer.cjs');
  await build({ entryPoints: [WRITER], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, external: ['better-sqlite3'], logLevel: 'error' });
  return outfile;
}

/**
 * One life of the writer: spawned, then killed by `plan` (once it is ready, or while it starts); answers
 * the complete lines it printed.
 */
export function life(
  writer: string,
  dataDir: string,
  firstSeq: number,
  seed: number,
  plan: { onReady(kill: () => void): void; killWhileStartingMs?: number },
): Promise<{ lines: string[]; ready: boolean }> {
  return new Promise((resolve, reject) => {
    // node itself (no wrapper process that would outlive the kill); NODE_PATH finds better-sqlite3 from the temp folder.
    const child = spawn(process.execPath, [writer, dataDir, String(firstSeq), String(seed)], {
      cwd: root,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let ready = false;
    const kill = () => child.kill('SIGKILL');
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!ready && out.includes('"ready"')) {
        ready = true;
        plan.onReady(kill);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const early = plan.killWhileStartingMs === undefined ? undefined : setTimeout(kill, plan.killWhileStartingMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(early);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer ended by itself (code ${code}): ${err.slice(0, 2000)}`));
        return;
      }
      // A line cut by the kill was never confirmed.
      const lines = out.split('\n');
      lines.pop();
      resolve({ lines, ready });
    });
  });
}

/** The confirmed writes among a life's lines (later ones of a key replace earlier ones); error codes to `errors`. */
export function confirmedOf(lines: readonly string[], into: Map<string, Confirmed>, errors: string[]): number {
  let n = 0;
  for (const line of lines) {
    const c = JSON.parse(line) as Partial<Confirmed> & { error?: string; ready?: number };
    if (c.error) errors.push(c.error);
    if (c.key === undefined) continue;
    n++;
    into.set(c.key, c as Confirmed);
  }
  return n;
}

/** Every confirmed write is in the file; answers the missing ones and whether integrity_check passed. */
export function check(file: string, confirmed: ReadonlyMap<string, Confirmed>): { lost: string[]; ok: boolean } {
  // Read-write, as the app reopens it: the first connection recovers the WAL the killed process left.
  const db = new Database(file);
  try {
    const ok = db.pragma('integrity_check', { simple: true }) === 'ok';
    const lost: string[] = [];
    for (const c of confirmed.values()) {
      const found = db.prepare(c.sql).pluck().get(...c.args);
      if (typeof found !== 'number' || found < c.min) lost.push(`${c.key}: ${c.sql} ${JSON.stringify(c.args)} → ${String(found)}`);
    }
    return { lost, ok };
  } finally {
    db.close();
  }
}

export async function runCrash(o: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const work = tempDataDir('home-desk-crash-');
  let seed = (o.seed ?? Date.now()) >>> 0 || 1;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4_294_967_296;
  };
  const maxLife = o.maxLifeMs ?? 400;
  // Each missing write once, with the cycle after which it was first missed.
  const lost = new Map<string, number>();
  const report: CrashReport = { cycles: 0, confirmed: 0, lost: [], damaged: 0, errors: [], killedEarly: 0, ms: 0 };
  let next = 0;

  /** One data folder, its writer killed and restarted until the cycles are used up. */
  async function lane(n: number, writer: string): Promise<void> {
    const dataDir = path.join(work, `data-${n}`);
    const file = path.join(dataDir, DB_FILE);
    const confirmed = new Map<string, Confirmed>();
    await prepare(dataDir, o.children ?? 30);
    for (let cycle = next++; cycle < o.cycles; cycle = next++) {
      const killAfter = Math.floor(random() * maxLife);
      // Now and then the kill comes while the writer is still starting (opening the file, checking it).
      const early = random() < 0.1;
      const { lines, ready } = await life(writer, dataDir, (cycle + 1) * 1_000_000, Math.floor(random() * 2 ** 31) + 1, {
        onReady: (kill) => setTimeout(kill, killAfter),
        ...(early ? { killWhileStartingMs: killAfter } : {}),
      });
      if (!ready) report.killedEarly++;
      report.confirmed += confirmedOf(lines, confirmed, report.errors);
      const r = check(file, confirmed);
      report.cycles++;
      if (!r.ok) report.damaged++;
      for (const l of r.lost) if (!lost.has(`${n}: ${l}`)) lost.set(`${n}: ${l}`, cycle + 1);
      o.log?.(`cycle ${cycle + 1}/${o.cycles} (folder ${n}): ${lines.length} lines, ${report.confirmed} confirmed so far, ${lost.size} lost${ready ? '' : ' (killed while starting)'}`);
    }
  }

  try {
    const writer = await bundleWriter(work);
    // Two folders at once: while one writer starts up (most of a cycle), the other writes or is checked.
    await Promise.all(Array.from({ length: o.lanes ?? 2 }, (_, n) => lane(n, writer)));
  } finally {
    report.lost = [...lost].map(([l, cycle]) => `after cycle ${cycle}, folder ${l}`);
    fs.rmSync(work, { recursive: true, force: true });
    report.ms = Math.round(performance.now() - started);
  }
  return report;
}
