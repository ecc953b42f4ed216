/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { openCore } from '../../electron/core/app.js';
import { settableClock } from '../../electron/core/clock.js';
import { startWebHost } from '../../electron/web/server.js';
import { tempDataDir } from '../helpers/core.js';
import { SEED_ADMIN } from '../fixtures/setup.js';
import { kib, readBundle, RENDERER_OUT, START_BUDGET, type Bundle } from '../helpers/bundle.js';
import { quantiles, type Row } from './rows.js';

const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
/** A school afternoon, as the other benches and the e2e tests use. */
const NOW = '2026-11-27T16:00:00+08:00';

export interface StartOptions {
  /** A built renderer to measure (out/renderer after a fresh build by default). */
  rendererDir?: string;
  /** Cold starts per CPU rate; the median is reported. */
  runs: number;
}

/**
 * Runs in the page before its own scripts: as soon as a teacher's tile is on screen it is picked (as a
 * teacher would), and the moment the PIN field is visible and enabled is taken after the next frame, so
 * it counts the paint. Nothing polls the page: the result comes back through one binding.
 */
const WATCH = `(() => {
  if (window.top !== window) return;
  const marks = {};
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const afterPaint = (fn) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(0); });
  const check = () => {
    if (marks.lock === undefined) {
      const tile = document.querySelector('[role="option"]');
      if (!tile || !shown(tile)) return;
      marks.lock = performance.now();
      tile.click();
    }
    const pin = document.querySelector('input[type="password"]');
    if (!pin || pin.disabled || !shown(pin)) return;
    seen.disconnect();
    afterPaint(() => { marks.pin = performance.now(); window.__benchStart(marks); });
  };
  const seen = new MutationObserver(check);
  seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'style', 'class'] });
})();`;

interface Marks {
  lock: number;
  pin: number;
}

interface Sample extends Marks {
  /** CPU time of the page's main thread and of its whole renderer process up to the PIN field (ms). */
  threadCpu: number;
  processCpu: number;
  today: number;
}

/** One cold start in a fresh context (no HTTP cache, no code cache); returns its marks and login → Today. */
async function coldStart(browser: Browser, url: string, rate: number): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    let done: (m: Marks) => void = () => undefined;
    const marks = new Promise<Marks>((resolve) => (done = resolve));
    await context.exposeFunction('__benchStart', (m: Marks) => done(m));
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'commit' });
    const m = await marks;
    // CPU time, unlike the clock, hardly moves when other programs share the machine.
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
    await page.getByLabel(/PIN/).fill(SEED_ADMIN.pin);
    // From the click on 解锁 to the Today page drawn with its figures (measured in the page).
    const today = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = globalThis.performance.now();
          const seen = new MutationObserver(() => {
            if (!document.querySelector('[data-testid="today-room"]')) return;
            seen.disconnect();
            requestAnimationFrame(() => {
              const c = new MessageChannel();
              c.port1.onmessage = () => resolve(globalThis.performance.now() - start);
              c.port2.postMessage(0);
            });
          });
          seen.observe(document.body, { childList: true, subtree: true });
          document.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        }),
    );
    return { ...m, threadCpu: metric('ThreadTime'), processCpu: metric('ProcessTime'), today };
  } finally {
    await context.close();
  }
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
export async function startBench(rows: Row[], options: StartOptions): Promise<Bundle> {
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
  const host = await startWebHost({ core, rendererDir });
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    for (const rate of [1, 4]) {
      // One start first, not counted: it warms the OS's file cache and Chromium's own processes.
      await coldStart(browser, host.url, rate);
      const samples: Sample[] = [];
      for (let i = 0; i < options.runs; i++) samples.push(await coldStart(browser, host.url, rate));
      const row = (what: string, xs: number[]): Row => ({ what: `${what}, CPU ${rate}×`, n: xs.length, unit: 'ms', ...quantiles(xs) });
      rows.push(row('cold start: navigation → lock screen with the teachers (Chromium, demo school)', samples.map((s) => s.lock)));
      rows.push(row('cold start: navigation → PIN field visible and enabled', samples.map((s) => s.pin)));
      rows.push(row('  main-thread CPU time until the PIN field', samples.map((s) => s.threadCpu)));
      rows.push(row('  renderer process CPU time until the PIN field (all its threads)', samples.map((s) => s.processCpu)));
      rows.push(row('login: 解锁 → Today drawn with its figures', samples.map((s) => s.today)));
    }
  } finally {
    await browser.close();
    await host.close();
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
