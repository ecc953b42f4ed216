/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { openCore } from '../../electron/core/app.js';
import { settableClock } from '../../electron/core/clock.js';
import { startWebHost } from '../../electron/web/server.js';
import { tempDataDir } from '../helpers/core.js';
import { SEED_ADMIN } from '../fixtures/setup.js';
import { kib, readBundle, RENDERER_OUT, START_BUDGET, type Bundle } from '../helpers/bundle.js';
import { quantiles, type Row } from './rows.js';
import { launchCdp, openBenchPage, type Cdp } from './cdp.js';
import { deskBench, type MemoryRow } from './desk.js';

const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
/** Between two keys of the PIN: a teacher types it, the bench does not paste it. */
const TYPING_MS = 150;
/** A school afternoon, as the other benches and the e2e tests use. */
const NOW = '2026-11-27T16:00:00+08:00';

export interface StartOptions {
  /** A built renderer to measure (out/renderer after a fresh build by default). */
  rendererDir?: string;
  /** Cold starts per CPU rate; the median is reported. */
  runs: number;
  /** After the starts, the desk's section switches, searches and memory (false: the starts alone). */
  desk: boolean;
  /** Scripted afternoons for the memory readings (2 by default). */
  afternoons?: number;
}

/**
 * Runs in the page before its own scripts (the only script the bench adds): as soon as a teacher's tile is
 * on screen it is picked (as a teacher would), and the moment the PIN field is visible and enabled is taken
 * after the next frame, so it counts the paint. Then, from the Enter that submits the PIN to Today drawn
 * with its figures. Results leave through `console.timeStamp`, which the Performance domain reports
 * (Performance.metrics with its title), so the page never needs the Runtime domain.
 */
const WATCH = `(() => {
  if (window.top !== window) return;
  const marks = {};
  const report = (m) => console.timeStamp('bench:' + JSON.stringify(m));
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const afterPaint = (fn) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(0); });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
    if (document.documentElement.dataset.floor !== undefined && marks.fcp !== undefined) report({ fcp: marks.fcp });
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    if (marks.lock === undefined) {
      const tile = document.querySelector('[role="option"]');
      if (!tile || !shown(tile)) return;
      marks.lock = performance.now();
      tile.click();
    }
    if (marks.pin === undefined) {
      const pin = document.querySelector('input[type="password"]');
      if (!pin || pin.disabled || !shown(pin)) return;
      marks.pin = -1;
      pin.focus();
      afterPaint(() => { marks.pin = performance.now(); report({ lock: marks.lock, pin: marks.pin }); });
      return;
    }
    if (marks.enter !== undefined && marks.today === undefined && document.querySelector('[data-testid="today-room"]')) {
      marks.today = -1;
      seen.disconnect();
      afterPaint(() => report({ today: performance.now() - marks.enter }));
    }
  };
  addEventListener('keydown', (e) => { if (e.key === 'Enter' && marks.enter === undefined) marks.enter = performance.now(); }, true);
  const seen = new MutationObserver(check);
  seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'style', 'class'] });
})();`;

interface Sample {
  lock: number;
  pin: number;
  /** CPU time of the page's main thread and of its whole renderer process up to the PIN field (ms). */
  threadCpu: number;
  processCpu: number;
  today: number;
}

/** One cold start: its marks, the CPU used until the PIN field, and login → Today. */
async function coldStart(cdp: Cdp, url: string, rate: number): Promise<Sample> {
  const page = await openBenchPage(cdp, WATCH, rate);
  try {
    await cdp.send('Page.navigate', { url }, page.session);
    const m = await page.next();
    // CPU time, unlike the clock, hardly moves when other programs share the machine.
    const { metrics } = await cdp.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics', {}, page.session);
    const metric = (name: string) => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
    // Typed as a person types a PIN (a digit every 150 ms), while the desk's code loads in the background.
    for (const digit of SEED_ADMIN.pin) {
      await new Promise((resolve) => setTimeout(resolve, TYPING_MS));
      await cdp.send('Input.insertText', { text: digit }, page.session);
    }
    await new Promise((resolve) => setTimeout(resolve, TYPING_MS));
    for (const type of ['keyDown', 'keyUp']) {
      await cdp.send('Input.dispatchKeyEvent', { type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, ...(type === 'keyDown' ? { text: '\r' } : {}) }, page.session);
    }
    const t = await page.next();
    return { lock: m.lock!, pin: m.pin!, threadCpu: metric('ThreadTime'), processCpu: metric('ProcessTime'), today: t.today! };
  } finally {
    await page.close();
  }
}

/** The floor: the same index.html and CSS without any of the app's script, navigation → first contentful paint. */
async function floorStart(cdp: Cdp, url: string, rate: number): Promise<number> {
  const page = await openBenchPage(cdp, WATCH, rate);
  try {
    await cdp.send('Page.navigate', { url }, page.session);
    return (await page.next()).fcp!;
  } finally {
    await page.close();
  }
}

/** A copy of the built renderer with `floor.html`: index.html without its scripts, showing the title. */
function withFloor(rendererDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'home-desk-bench-renderer-'));
  fs.cpSync(rendererDir, dir, { recursive: true });
  const html = fs
    .readFileSync(path.join(dir, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*><\/script>\s*/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace('<html ', '<html data-floor ')
    .replace('<div id="root"></div>', '<div id="root"><h1>留守儿童之家管理台</h1></div>');
  fs.writeFileSync(path.join(dir, 'floor.html'), html);
  return dir;
}

/** Builds the renderer as it is now (the sizes and timings must be of this source, not an old `out/`). */
function build(): void {
  console.error('(building the renderer: electron-vite build)');
  const r = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

/** The demo school (`npm run seed`: 150 children, a year of history) in a fresh data folder. */
function seedDemoSchool(dir: string): void {
  const r = spawnSync(bin('tsx'), ['electron/cli/seed.ts', '--data', dir, '--now', NOW], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  if (r.status !== 0) throw new Error(`seed failed: ${r.stderr}`);
}

/**
 * The cold start of the desk in Chromium through the web host, on the demo school: navigation → the
 * lock screen's teacher tiles, → the PIN field visible and enabled, and login → Today drawn, each at 1×
 * and with 4× CPU throttling (standing for an old PC), medians over fresh contexts.
 */
export async function startBench(rows: Row[], memory: MemoryRow[], options: StartOptions): Promise<Bundle> {
  const { findChromium, CHROMIUM_ARGS } = await import('../helpers/chromium.js');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('cold start needs Chromium: install it or set CHROMIUM_PATH');
  let rendererDir = options.rendererDir;
  if (!rendererDir) {
    build();
    rendererDir = RENDERER_OUT;
  }
  const bundle = readBundle(rendererDir);
  const dataDir = tempDataDir('home-desk-bench-start-');
  seedDemoSchool(dataDir);
  const core = openCore({ dataDir, clock: settableClock(Date.parse(NOW)) });
  const served = withFloor(rendererDir);
  const host = await startWebHost({ core, rendererDir: served });
  const cdp = await launchCdp(executablePath, CHROMIUM_ARGS);
  try {
    for (const rate of [1, 4]) {
      // One start first, not counted: it warms the OS's file cache and Chromium's own processes.
      await coldStart(cdp, host.url, rate);
      const samples: Sample[] = [];
      const floor: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        samples.push(await coldStart(cdp, host.url, rate));
        floor.push(await floorStart(cdp, new URL('floor.html', host.url).href, rate));
      }
      const row = (what: string, xs: number[]): Row => ({ what: `${what}, CPU ${rate}×`, n: xs.length, unit: 'ms', ...quantiles(xs) });
      const floorP50 = quantiles(floor).p50;
      const pinP50 = quantiles(samples.map((s) => s.pin)).p50;
      rows.push(row('floor: index.html and CSS without the app\'s script, navigation → first contentful paint', floor));
      rows.push(row('cold start: navigation → lock screen with the teachers (Chromium, demo school)', samples.map((s) => s.lock)));
      rows.push(row(`cold start: navigation → PIN field visible and enabled (${(pinP50 / floorP50).toFixed(1)}× the floor)`, samples.map((s) => s.pin)));
      rows.push(row('  main-thread CPU time until the PIN field', samples.map((s) => s.threadCpu)));
      rows.push(row('  renderer process CPU time until the PIN field (all its threads)', samples.map((s) => s.processCpu)));
      rows.push(row(`login: Enter on the PIN (typed a digit per ${TYPING_MS} ms) → Today drawn with its figures`, samples.map((s) => s.today)));
    }
  } finally {
    await cdp.close();
    await host.close();
    core.close();
  }
  try {
    if (options.desk) await deskBench(rows, memory, { dataDir, label: 'demo school', rendererDir: served, executablePath, chromiumArgs: CHROMIUM_ARGS, now: NOW, afternoons: options.afternoons });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(served, { recursive: true, force: true });
  }
  return bundle;
}

export function printBundle(bundle: Bundle): void {
  console.log('\n| renderer bundle | size |');
  console.log('|---|---:|');
  console.log(`| start chunk JS (entry + preloads: ${bundle.start.files.filter((f) => f.endsWith('.js')).length} files; budget ${kib(START_BUDGET.js)}) | ${kib(bundle.start.js)} |`);
  console.log(`| start CSS (budget ${kib(START_BUDGET.css)}) | ${kib(bundle.start.css)} |`);
  console.log(`| all JS (${bundle.chunks.length} chunks) | ${kib(bundle.total.js)} |`);
  console.log(`| all CSS | ${kib(bundle.total.css)} |`);
  for (const c of bundle.chunks.slice(0, 8)) console.log(`| largest: ${c.file} | ${kib(c.bytes)} |`);
}
