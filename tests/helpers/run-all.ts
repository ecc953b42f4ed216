import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureChromium } from './chromium.js';

/**
 * `npm test`: typecheck, unit and core tests (vitest), build, the start chunk's size budget, then every
 * user flow in Chromium (Playwright through electron/web). Stops at the first step that fails.
 */
const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function step(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** better-sqlite3 built for Electron (by `npm start` or electron-builder) cannot load in Node: rebuild it. */
function ensureNodeSqlite(): void {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  if (probe.status === 0) return;
  console.log('better-sqlite3 does not load under Node (built for Electron?): rebuilding it for Node …');
  step('npm rebuild better-sqlite3', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3']);
}

ensureNodeSqlite();
const chromium = ensureChromium();
step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('typecheck renderer', bin('tsc'), ['--noEmit', '-p', 'renderer/tsconfig.json']);
step('unit and core tests (vitest)', bin('vitest'), ['run']);
step('build (electron-vite)', bin('electron-vite'), ['build']);
step('start chunk within its size budget', bin('tsx'), ['tests/bench/budget.ts']);
step('user flows in Chromium (playwright)', bin('playwright'), ['test', ...process.argv.slice(2)], { CHROMIUM_PATH: chromium });
console.log('\nAll tests passed.');
