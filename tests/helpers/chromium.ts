import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** A Chromium already on this machine: $CHROMIUM_PATH, or a usual place. Playwright never downloads one. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Finds Chromium, or installs Debian's (with a CJK font, so Chinese is not drawn as boxes) when
 * this is a Debian/Ubuntu machine and we may use apt-get. Returns the path or explains what to do.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && fs.existsSync('/usr/bin/apt-get')) {
    const sudo = root ? [] : ['sudo', '-n'];
    const run = (args: string[]) => {
      const [cmd, ...rest] = [...sudo, ...args];
      execFileSync(cmd!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    };
    console.log('Chromium not found: installing Debian packages chromium and fonts-noto-cjk …');
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.',
  );
}

/** Flags for a Chromium in a closed network: no background calls to Google that would fail and slow it. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
