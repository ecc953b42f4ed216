import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SEED_ADMIN } from '../fixtures/setup.js';
import { launchCdp, openBenchPage, type BenchPage, type Cdp } from './cdp.js';
import { quantiles, type Row } from './rows.js';

/**
 * The desk after the start, in Chromium through the web host, once the teacher has read Today for a while:
 * each section switch (first visit and again), a keystroke in the children and catalogue searches, opening a child's page;
 * then a scripted afternoon (every section, 200 kiosk sign-ins, 50 loans, 20 calls) twice, with the
 * renderer's JS heap and the renderer's and core's private memory after each: right after its last page,
 * and settled, when the desk has sat on Today for 10 s.
 *
 * The page is driven by a script of its own (below), started by a key press, so the page never has the
 * Runtime domain on, as in the cold start. Each figure is from the action to the paint after the last
 * change it caused (the page is quiet for 150 ms after), so a list that fills in late is counted.
 */
/**
 * How long the teacher looks at Today after signing in before the first click. The desk fetches the sections'
 * code in its idle time from 1.5 s after it opened (`preloadWhenIdle`); a teacher reads Today for longer.
 */
const READ_TODAY_MS = 5_000;
/** How long the desk sits on Today after an afternoon before its settled memory is read. */
const SETTLE_MS = 10_000;

const TOUR = `(() => {
  if (window.top !== window) return;
  const report = (m) => console.timeStamp('bench:' + JSON.stringify(m));
  const frame = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); }));
  const main = () => document.querySelector('main') ?? document.body;
  const busy = () => !!main().querySelector('[data-page-loading], [aria-busy="true"], .mantine-Loader-root');
  /**
   * Runs act(), then waits until it has changed the page (the main area's text, for a navigation; any
   * change, for a keystroke), nothing is loading, and nothing changed for 150 ms; answers the time of the
   * paint after the last change. A section whose code is still loading shows the page loader for a
   * while (the old page is gone, the new one not there yet): quiet alone is not "done".
   */
  const timed = async (act, { navigation = false } = {}) => {
    let last = performance.now();
    let pending = 0;
    let changes = 0;
    const before = main().innerText;
    const seen = new MutationObserver(() => { changes++; pending++; frame().then((t) => { last = t; pending--; }); });
    seen.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const t0 = performance.now();
    last = t0;
    act();
    await frame();
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const waited = performance.now() - t0;
      const changed = navigation ? main().innerText !== before : changes > 0;
      if ((changed || waited > 5000) && !busy() && pending === 0 && performance.now() - last > 150) break;
      if (waited > 30000) { seen.disconnect(); throw new Error('the page never settled'); }
    }
    seen.disconnect();
    return last - t0;
  };
  const go = (hash) => timed(() => { location.hash = hash; }, { navigation: location.hash !== hash });
  const click = (h) => timed(() => document.querySelector('nav a[href="' + h + '"]').click(), { navigation: location.hash !== h });
  const typeInto = (input, text) => timed(() => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    set.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const search = async (hash, words) => {
    await go(hash);
    const input = main().querySelector('input[placeholder]');
    if (!input) throw new Error('no search field on ' + hash + ' at ' + location.hash + ': ' + main().innerText.slice(0, 200));
    const out = [];
    for (const w of words) for (let i = 1; i <= w.length; i++) out.push(await typeInto(input, w.slice(0, i)));
    await typeInto(input, '');
    return out;
  };
  const tour = async (what) => {
    const links = [...document.querySelectorAll('nav a[href^="#/"]')].map((a) => a.getAttribute('href'));
    if (what === 'sections') {
      const first = {}, again = {};
      // The section the desk is on has no first visit to time (Today, after the sign-in).
      const on = location.hash || '#/';
      for (const h of links) if (h !== on) first[h] = await click(h);
      for (const h of links) again[h] = await click(h);
      return { first, again };
    }
    if (what === 'search') {
      const children = await search('#/children', ['zh', 'li', 'wang']);
      const catalogue = await search('#/library/books', ['xi', 'shu']);
      await go('#/children');
      // The first drawn row: a windowed list starts with a spacer row.
      const row = main().querySelector('tbody tr[data-index]') ?? main().querySelector('tbody tr');
      const child = row ? await timed(() => row.click(), { navigation: true }) : null;
      return { children, catalogue, child };
    }
    if (what === 'visit') {
      for (const h of links) await click(h);
      await go('#/');
      return {};
    }
    throw new Error('unknown tour ' + what);
  };
  addEventListener('keydown', (e) => {
    if (!e.key.startsWith('F') || !e.ctrlKey) return;
    const what = { F9: 'sections', F10: 'search', F11: 'visit' }[e.key];
    if (!what) return;
    e.preventDefault();
    tour(what).then((r) => report({ tour: what, ...r }), (err) => report({ tour: what, error: String(err) }));
  }, true);
  // Log in as the first teacher tile (the seeded admin) when the lock screen shows.
  const login = new MutationObserver(() => {
    const tile = document.querySelector('[role="option"]');
    const pin = document.querySelector('input[type="password"]');
    if (pin && !pin.disabled) { login.disconnect(); pin.focus(); report({ pinField: performance.now() }); return; }
    if (tile && !document.querySelector('[role="option"][aria-selected="true"]')) tile.click();
  });
  login.observe(document, { childList: true, subtree: true, attributes: true });
  const today = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="today-room"]')) return;
    today.disconnect();
    frame().then(() => report({ desk: performance.now() }));
  });
  today.observe(document, { childList: true, subtree: true });
})();`;

/** Private memory of a process in MB (Private_Clean + Private_Dirty of /proc/<pid>/smaps_rollup), or NaN off Linux. */
export function privateMb(pid: number): number {
  try {
    const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return (kb('Private_Clean') + kb('Private_Dirty')) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * What a renderer's private memory is made of, in MB: Chromium's own memory dump (the `memory-infra` trace
 * category, as chrome://tracing shows it) for the JS heap (V8), Blink's heap (Oilpan: the DOM and
 * layout objects), malloc (PartitionAlloc) and the raster tiles (headless Chromium here draws them in
 * software, in the renderer; an Electron window on a GPU keeps them in the GPU process); and from
 * /proc/<pid>/smaps the pages of mapped files that count as private (Chromium's binary, the CJK font
 * files: clean pages the kernel can drop and read again) and the shared-memory regions.
 */
async function rendererParts(cdp: Cdp, pid: number): Promise<Record<string, number>> {
  const events: { ph: string; pid: number; args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } } }[] = [];
  const offData = cdp.on('Tracing.dataCollected', (p) => events.push(...(p.value as typeof events)));
  const complete = new Promise<void>((resolve) => {
    const off = cdp.on('Tracing.tracingComplete', () => {
      off();
      resolve();
    });
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' });
  await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end');
  await complete;
  offData();
  const size = (name: string) => {
    for (const e of events) {
      const a = e.ph === 'v' && e.pid === pid ? e.args?.dumps?.allocators?.[name] : undefined;
      if (a?.attrs?.size) return parseInt(a.attrs.size.value, 16) / 1024 / 1024;
    }
    return NaN;
  };
  const parts: Record<string, number> = { v8: size('v8'), blink: size('blink_gc'), malloc: size('malloc'), tiles: size('cc/tile_memory'), files: 0, shared: 0 };
  try {
    let mapping = '';
    for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        mapping = head[1] ?? '';
        continue;
      }
      const kb = /^Private_(?:Clean|Dirty):\s+(\d+) kB/.exec(line);
      if (!kb) continue;
      // Chromium's shared memory is a memfd, a file in /dev/shm, or (with --disable-dev-shm-usage, as here) a
      // deleted file of its own in /tmp: 0.25 MB each, the software raster's tile buffers and IPC.
      if (mapping.startsWith('/memfd:') || mapping.startsWith('/dev/shm') || mapping.includes('/.org.chromium.Chromium.')) parts.shared! += Number(kb[1]) / 1024;
      else if (mapping.startsWith('/')) parts.files! += Number(kb[1]) / 1024;
    }
  } catch {
    parts.files = parts.shared = NaN;
  }
  return parts;
}

async function press(cdp: Cdp, session: string, key: string, modifiers = 0): Promise<void> {
  const code = key.startsWith('F') ? 111 + Number(key.slice(1)) : key === 'Enter' ? 13 : 0;
  for (const type of ['keyDown', 'keyUp']) {
    await cdp.send('Input.dispatchKeyEvent', { type, key, code: key, windowsVirtualKeyCode: code, modifiers, ...(type === 'keyDown' && key === 'Enter' ? { text: '\r' } : {}) }, session);
  }
}

/** The renderer processes of the browser, by SystemInfo (the page's and Chromium's spare ones). */
async function rendererPids(cdp: Cdp): Promise<number[]> {
  const { processInfo } = await cdp.send<{ processInfo: { type: string; id: number }[] }>('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

async function tour(cdp: Cdp, page: BenchPage, key: 'F9' | 'F10' | 'F11'): Promise<Record<string, unknown>> {
  await press(cdp, page.session, key, 2 /* Ctrl */);
  const r = await page.next<Record<string, unknown>>();
  if (typeof r.error === 'string') throw new Error(`tour ${String(r.tour)}: ${r.error}`);
  return r;
}

export interface DeskBenchOptions {
  /** A data folder with a school in it (a copy is used). */
  dataDir: string;
  label: string;
  rendererDir: string;
  executablePath: string;
  chromiumArgs: readonly string[];
  now: string;
  /** Scripted afternoons before each memory reading (at least 2; more shows whether any growth levels off). */
  afternoons?: number;
}

export interface MemoryRow {
  what: string;
  /** MB after each scripted afternoon (two unless `--afternoons` says more). */
  after: number[];
}

/**
 * One line per figure: MB after each afternoon, the growth over the second, and with more afternoons the
 * growth per afternoon after the second (whether it levels off).
 */
export function printMemory(memory: readonly MemoryRow[]): void {
  if (memory.length === 0) return;
  const n = Math.max(...memory.map((m) => m.after.length));
  const nth = (i: number) => ['1st', '2nd', '3rd'][i] ?? `${i + 1}th`;
  const more = n > 2 ? ` then per afternoon (2nd → ${nth(n - 1)}) |` : '';
  console.log(`\n| memory after a scripted afternoon (CPU 4×) | ${Array.from({ length: n }, (_, i) => nth(i)).join(' | ')} | growth over the 2nd |${more}`);
  console.log(`|---|${'---:|'.repeat(n + 1 + (n > 2 ? 1 : 0))}`);
  for (const m of memory) {
    const a = m.after;
    const per = n > 2 ? ` ${((a[a.length - 1]! - a[1]!) / (a.length - 2)).toFixed(1)} MB |` : '';
    console.log(`| ${m.what} | ${a.map((v) => `${v.toFixed(1)} MB`).join(' | ')} | ${(a[1]! - a[0]!).toFixed(1)} MB |${per}`);
  }
}

interface BenchHost {
  url: string;
  pid: number;
  /** Runs a command in the host (tests/bench/host.ts) and waits for its answer. */
  run(command: 'afternoon' | 'gc'): Promise<void>;
  close(): Promise<void>;
}

/**
 * The core and the web host in their own Node process (tests/bench/host.ts), as Electron's main holds
 * them: bundled into one file first, as electron-vite bundles the main process, so tsx's compiler and
 * its caches are not counted as the core's memory. Like electron-vite (out/main/index.js requires zod,
 * pinyin-pro, exceljs… from node_modules), the bundle holds the app's own code and leaves the packages
 * outside: a package is read when it is first required, as in the app. Bundling them all in made one
 * 5 MB script whose source V8 keeps as a 10 MB string, with exceljs's code in it that the app never
 * loads for an afternoon: about 18 MB the app does not have.
 */
async function spawnHost(o: DeskBenchOptions): Promise<BenchHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-host-'));
  const script = path.join(dir, 'host.cjs');
  await build({
    entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'host.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    packages: 'external',
    logLevel: 'error',
  });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const child = spawn(process.execPath, ['--expose-gc', script, o.dataDir, o.rendererDir, o.now], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // NODE_PATH finds the packages (not bundled) from the temp folder.
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), NODE_ENV: 'production' },
  });
  child.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    let m: Record<string, unknown>;
    try {
      m = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // something the core logged
    }
    waiting.shift()?.(m);
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bench host exited (${code})`))));
  exited.catch(() => undefined);
  const answer = () => Promise.race([new Promise<Record<string, unknown>>((r) => waiting.push(r)), exited]);
  const first = await answer();
  if (typeof first.url !== 'string') throw new Error(`bench host: ${JSON.stringify(first)}`);
  return {
    url: first.url,
    pid: child.pid!,
    async run(command) {
      child.stdin!.write(`${command}\n`);
      const m = await answer();
      if (m.error) throw new Error(`bench host ${command}: ${String(m.error)}`);
    },
    async close() {
      child.stdin!.end();
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

export async function deskBench(rows: Row[], memory: MemoryRow[], o: DeskBenchOptions): Promise<void> {
  const host = await spawnHost(o);
  const cdp = await launchCdp(o.executablePath, o.chromiumArgs);
  try {
    for (const rate of [1, 4]) {
      const page = await openBenchPage(cdp, TOUR, 1, 300_000);
      await cdp.send('Page.navigate', { url: host.url }, page.session);
      await page.next(); // the PIN field
      await cdp.send('Input.insertText', { text: SEED_ADMIN.pin }, page.session);
      await press(cdp, page.session, 'Enter');
      await page.next(); // Today
      await cdp.send('Emulation.setCPUThrottlingRate', { rate }, page.session);
      await new Promise((r) => setTimeout(r, READ_TODAY_MS));
      const ms = (what: string, xs: number[]): Row => ({ what: `${what} (${o.label}), CPU ${rate}×`, n: xs.length, unit: 'ms', ...quantiles(xs) });
      // Every section twice, then twice more: a section's "again" is the median of its five later visits (four
      // for the one a tour starts on), so one slow moment of this shared machine does not decide it.
      type Sections = { first: Record<string, number>; again: Record<string, number> };
      const s = (await tour(cdp, page, 'F9')) as Sections;
      const later = [s.again];
      for (const more of [await tour(cdp, page, 'F9'), await tour(cdp, page, 'F9')] as Sections[]) later.push(more.first, more.again);
      // A later tour has no first visit of the section it started on: that section has four later visits.
      const visits = (h: string) => later.map((l) => l[h]).filter((v): v is number => v !== undefined);
      const again = Object.fromEntries(Object.keys(s.again).map((h) => [h, quantiles(visits(h)).p50]));
      rows.push(ms(`section switch, first visit (after ${READ_TODAY_MS / 1000} s on Today, in which the desk fetched the sections' code)`, Object.values(s.first)));
      rows.push(ms("section switch, again (each section's median of 5 visits)", Object.values(again)));
      const each = (o: Record<string, number>) => Object.entries(o).map(([h, v]) => `${h} ${Math.round(v)}`).join(', ');
      const spread = Object.keys(again).map((h) => `${h} ${visits(h).map(Math.round).sort((a, b) => a - b).join('/')}`).join(', ');
      console.error(`(${o.label}, CPU ${rate}×: each section, first visit: ${each(s.first)}; again (median of 5): ${each(again)}; the 5 visits: ${spread})`);
      const slowest = Object.entries(again).sort((a, b) => b[1] - a[1])[0];
      if (slowest) rows.push({ what: `  slowest again: ${slowest[0]} (${o.label}), CPU ${rate}×`, n: 1, unit: 'ms', p50: slowest[1], p95: slowest[1] });
      const q = (await tour(cdp, page, 'F10')) as { children: number[]; catalogue: number[]; child: number | null };
      rows.push(ms('children search: a keystroke → the list drawn', q.children));
      rows.push(ms('catalogue search: a keystroke → the list drawn', q.catalogue));
      if (q.child !== null) rows.push(ms("open a child's page from the list", [q.child]));
      if (rate === 4) {
        // The afternoons are run at 4× too: what matters is what is left in memory afterwards. Each is read
        // twice: right after its last page, and when the desk has sat on Today for SETTLE_MS. In the seconds
        // after a page is drawn Chromium still holds that page's raster tiles and allocator caches (here
        // 5–10 MB of the renderer), and frees them by itself; the settled reading is what the desk keeps.
        const heap: number[] = [];
        const rendererNow: number[] = [];
        const coreNow: number[] = [];
        const renderer: number[] = [];
        const coreMb: number[] = [];
        const parts: Record<string, number>[] = [];
        for (let round = 0; round < Math.max(2, o.afternoons ?? 2); round++) {
          await host.run('afternoon');
          await tour(cdp, page, 'F11');
          await host.run('gc');
          await cdp.send('HeapProfiler.collectGarbage', {}, page.session).catch(() => undefined);
          const { metrics } = await cdp.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics', {}, page.session);
          heap.push((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024);
          // The page's renderer is the largest; the others are Chromium's spare and helper renderers.
          const [pid, mb] = (await rendererPids(cdp)).map((p) => [p, privateMb(p)] as const).sort((a, b) => b[1] - a[1])[0]!;
          rendererNow.push(mb);
          coreNow.push(privateMb(host.pid));
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          renderer.push(privateMb(pid));
          coreMb.push(privateMb(host.pid));
          parts.push(await rendererParts(cdp, pid));
        }
        memory.push(
          { what: `renderer's JS heap, used (${o.label})`, after: heap },
          { what: `renderer + core, right after the afternoon's last page (${o.label})`, after: rendererNow.map((r, i) => r + coreNow[i]!) },
          { what: `renderer's private memory, ${SETTLE_MS / 1000} s later, the desk on Today (${o.label})`, after: renderer },
          ...(
            [
              ['v8', 'its JS heap (V8), as Chromium counts it'],
              ['blink', "Blink's heap (Oilpan: DOM and layout objects)"],
              ['malloc', 'malloc (PartitionAlloc)'],
              ['tiles', 'raster tiles (software here; on a GPU, in the GPU process)'],
              ['shared', 'shared-memory regions (tiles, IPC), resident'],
              ['files', "Chromium's binary and the CJK fonts (mapped files' private pages)"],
            ] as const
          ).map(([key, label]) => ({ what: `  of which ${label}`, after: parts.map((p) => p[key] ?? NaN) })),
          { what: `core's private memory: the core and the web host in their own Node process, ${SETTLE_MS / 1000} s later (${o.label})`, after: coreMb },
          { what: `renderer + core, ${SETTLE_MS / 1000} s later (${o.label})`, after: renderer.map((r, i) => r + coreMb[i]!) },
        );
      }
      await page.close();
    }
  } finally {
    await cdp.close();
    await host.close();
  }
}
