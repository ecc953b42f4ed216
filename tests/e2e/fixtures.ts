import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { SETUP as SETUP_ADMIN_OF } from '../fixtures/setup';
import { ensureDir, PDF_DIR } from '../helpers/pdf';

const SETUP_ADMIN = SETUP_ADMIN_OF.admin;

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const env = { ...process.env, TZ: 'Asia/Shanghai' };
export const SHOTS = path.join(root, 'test-results/screenshots');

export interface AppHost {
  url: string;
  dataDir: string;
  /** Moves the core's clock (the web host runs with --test-clock in tests). */
  setNow(iso: string): Promise<void>;
  /** Fills the data folder with a made-up school (`npm run seed`). */
  seed(children: number): void;
  /** Runs a procedure through the command line against this test's data folder. */
  cli<T = unknown>(name: string, input?: unknown): T;
}

/** Starts the web host on a data folder (with --test-clock) and answers once it listens. */
export async function startHost(dataDir: string, now: string): Promise<{ child: ChildProcess; url: string }> {
  const child: ChildProcess = spawn(tsx, ['electron/web/main.ts', '--data', dataDir, '--port', '0', '--now', now, '--test-clock'], {
    cwd: root,
    env,
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    // tsx compiles the core on start: on a busy machine that alone can take half a minute.
    const timer = setTimeout(() => {
      // Not left running behind a failed test.
      child.kill('SIGTERM');
      reject(new Error(`web host did not start:\n${log}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited ${code}:\n${log}`)));
  });
  return { child, url };
}

/** One web host with its own empty data folder per test (like Actual's e2e fixtures). */
export const test = base.extend<{ app: AppHost; now: string }>({
  /** The core's clock for the test: a fixed school day unless a test says otherwise. */
  now: ['2026-11-28T09:00:00+08:00', { option: true }],
  app: async ({ now }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'home-desk-e2e-'));
    const { child, url } = await startHost(dataDir, now);
    const cli = <T,>(name: string, input: unknown = {}): T => {
      const args = ['electron/cli/main.ts', name, JSON.stringify(input), '--data', dataDir, '--now', now];
      const r = spawnSync(tsx, args, { cwd: root, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cli ${name} failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    };
    const setNow = async (iso: string) => {
      const html = await (await fetch(url)).text();
      const meta = /name="home-desk-api" content="([^"]+)"/.exec(html)![1]!;
      const { token } = JSON.parse(Buffer.from(meta, 'base64').toString('utf8')) as { token: string };
      const res = await fetch(`${url}__test/clock`, { method: 'POST', headers: { 'X-Api-Token': token }, body: JSON.stringify({ now: Date.parse(iso) }) });
      if (!res.ok) throw new Error(`clock: ${res.status}`);
    };
    const seed = (children: number) => {
      const r = spawnSync(tsx, ['electron/cli/seed.ts', '--data', dataDir, '--children', String(children), '--now', now], { cwd: root, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`seed failed: ${r.stderr}`);
    };
    await use({ url, dataDir, cli, setNow, seed });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
export { SETUP, SEED_ADMIN } from '../fixtures/setup';

/**
 * Saves a full-page screenshot under test-results/screenshots to look at after the run. `viewport`: only what
 * the window shows; a full-page capture resizes the page for a moment, and the browser then looks again at
 * what is under the mouse (a row held while the pointer is over it can be let go).
 */
export async function shot(page: Page, name: string, { viewport = false }: { viewport?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: !viewport });
}


/**
 * Unlocks the desk as a teacher from the lock screen (the wizard's admin by default; `SEED_ADMIN` after
 * `app.seed`) and waits for the desk. `unlock` names the button when a test checks the screen's language.
 */
export async function login(
  page: Page,
  name: string = SETUP_ADMIN.name,
  pin: string = SETUP_ADMIN.pin,
  unlock: string | RegExp = /^(解锁|Unlock)$/,
): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByLabel(/PIN/).fill(pin);
  await page.getByRole('button', { name: unlock }).click();
  await expect(page.getByTestId('current-teacher')).toBeVisible();
}

/** Prints the print page on screen to a PDF the way Chromium's print does, and returns its path. */
export async function printToPdf(page: Page, name: string): Promise<string> {
  await expect(page.locator('[data-print-ready="yes"]')).toBeVisible();
  await page.evaluate('document.fonts.ready');
  const file = path.join(ensureDir(PDF_DIR), `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return file;
}
