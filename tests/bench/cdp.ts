import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * A bare DevTools-protocol connection to Chromium over `--remote-debugging-pipe` (messages separated by
 * NUL on fds 3 and 4). The start-up bench drives the page with it instead of Playwright, because
 * Playwright enables the Runtime domain, and with it V8 parses the bundle again for the debugger (about
 * 250 ms a start here): the cold start must be timed the way a user's window runs, with only the
 * Page, Performance, Emulation and Input domains in the page.
 */
export interface Cdp {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Every event of that name (of any session) until the returned function is called. */
  on(method: string, fn: (params: Record<string, unknown>, sessionId?: string) => void): () => void;
  close(): Promise<void>;
  readonly pid: number;
}

/**
 * Headless Chromium (156 here) otherwise starts the omnibox popup's WebUI renderers beside the page: on
 * this 2-core machine they used about 5 s of CPU during one start-up trace, taking it from the page and
 * from the web host. The app's window has no omnibox (Electron), so the bench measures without them, as
 * Puppeteer's defaults do (puppeteer/puppeteer#15278).
 */
const QUIET_BROWSER = ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'];

export function launchCdp(executablePath: string, args: readonly string[]): Promise<Cdp> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'home-desk-cdp-'));
  const child: ChildProcess = spawn(
    executablePath,
    [...args, ...QUIET_BROWSER, '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void; method: string }>();
  const listeners = new Map<string, Set<(p: Record<string, unknown>, s?: string) => void>>();
  let buffer = Buffer.alloc(0);
  output.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    let end: number;
    while ((end = buffer.indexOf(0)) >= 0) {
      const message = JSON.parse(buffer.subarray(0, end).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: Record<string, unknown>;
        result?: never;
        error?: { message: string };
        sessionId?: string;
      };
      buffer = buffer.subarray(end + 1);
      if (message.id !== undefined) {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) p?.reject(new Error(`${p.method}: ${message.error.message}`));
        else p?.resolve(message.result as never);
      } else if (message.method) {
        for (const fn of listeners.get(message.method) ?? []) fn(message.params ?? {}, message.sessionId);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cdp: Cdp = {
    pid: child.pid ?? -1,
    send(method, params = {}, sessionId) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: never) => void, reject, method });
        input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
      });
    },
    on(method, fn) {
      const set = listeners.get(method) ?? new Set();
      set.add(fn);
      listeners.set(method, set);
      return () => set.delete(fn);
    },
    async close() {
      try {
        await Promise.race([cdp.send('Browser.close'), exited]);
      } catch {
        child.kill('SIGKILL');
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    // The browser answers once its pipe is up.
    cdp.send('Browser.getVersion').then(() => resolve(cdp), reject);
  });
}

/** A page of its own browser context, with what its in-page script reports (`console.timeStamp('bench:{json}')`). */
export interface BenchPage {
  session: string;
  /** The next report of the page, in order. */
  next<T = Record<string, number>>(): Promise<T>;
  close(): Promise<void>;
}

/**
 * A fresh page (its own browser context: no HTTP cache, no code cache) at 1366×768, with `script` run
 * before the page's own scripts in every document, and the CPU slowed `rate` times. The page reports
 * through `console.timeStamp`, which the Performance domain hands over (Performance.metrics with its
 * title), so the page never needs the Runtime domain.
 */
export async function openBenchPage(cdp: Cdp, script: string, rate = 1, timeoutMs = 60_000): Promise<BenchPage> {
  const { browserContextId } = await cdp.send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId: session } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const queue: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  const off = cdp.on('Performance.metrics', (p, from) => {
    const title = typeof p.title === 'string' ? p.title : '';
    if (from !== session || !title.startsWith('bench:')) return;
    const m: unknown = JSON.parse(title.slice('bench:'.length));
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  });
  await cdp.send('Page.enable', {}, session);
  await cdp.send('Performance.enable', {}, session);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1366, height: 768, deviceScaleFactor: 1, mobile: false }, session);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate }, session);
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: script }, session);
  return {
    session,
    next<T>(): Promise<T> {
      if (queue.length > 0) return Promise.resolve(queue.shift() as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the page did not report within ${timeoutMs / 1000} s`)), timeoutMs);
        waiting.push((x) => {
          clearTimeout(timer);
          resolve(x as T);
        });
      });
    },
    async close() {
      off();
      await cdp.send('Target.disposeBrowserContext', { browserContextId });
    },
  };
}
