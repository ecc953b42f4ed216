import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium, CHROMIUM_ARGS } from '../../tests/helpers/chromium.js';

/**
 * `npm start`: build, then run the Electron app. Where Electron's binary cannot be had (no
 * internet on first run, as on our build machines), serve the same app on 127.0.0.1, open it in
 * Chromium if there is one, and print the address.
 */
const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const shell = process.platform === 'win32';

function run(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell }).status === 0;
}

/** Electron's binary path, fetching it on first use; null where it cannot be fetched. */
function electronBinary(): string | null {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' });
  const p = r.stdout.trim();
  return r.status === 0 && p && fs.existsSync(p) ? p : null;
}

function nodeLoadsSqlite(): boolean {
  return spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root }).status === 0;
}

function startElectron(binary: string): void {
  // The native module must match Electron's ABI, not Node's; electron-builder rebuilds it in place.
  console.log('Preparing better-sqlite3 for Electron …');
  if (!run(bin('electron-builder'), ['install-app-deps'])) {
    console.error('Could not rebuild better-sqlite3 for Electron; serving the web app instead.');
    startWeb();
    return;
  }
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startWeb(): void {
  if (!nodeLoadsSqlite()) run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3']);
  const port = process.env.PORT ?? '5217';
  const child = spawn(bin('tsx'), ['electron/web/main.ts', '--port', port, ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
    shell,
  });
  let opened = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
    if (!m || opened) return;
    opened = true;
    console.log(`\n留守儿童之家管理台 is running in the browser at ${m[1]}  (Ctrl+C to stop)\n`);
    const chromium = findChromium();
    if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux')) {
      const dir = fs.mkdtempSync(path.join(root, 'node_modules', '.chromium-profile-'));
      spawn(chromium, [...CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox' || process.getuid?.() === 0), `--user-data-dir=${dir}`, `--app=${m[1]}`], {
        stdio: 'ignore',
        detached: true,
      }).unref();
    } else {
      console.log('(No Chromium window could be opened here: open the address above in a browser on this PC.)');
    }
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

console.log('Building the app …');
if (!run(bin('electron-vite'), ['build'])) process.exit(1);
const binary = process.env.HOME_DESK_WEB === '1' ? null : electronBinary();
if (binary) startElectron(binary);
else {
  console.log('Electron cannot start on this machine (its binary could not be downloaded): serving the same app to the browser.');
  startWeb();
}
