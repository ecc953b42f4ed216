/**
 * The core and the web host in a process of their own, as Electron's main process holds them, so the
 * bench reads the core's private memory without its own (Chromium's driver, the figures) in it.
 *
 *   node --expose-gc --import tsx tests/bench/host.ts <dataDir> <rendererDir> <now ISO>
 *
 * Prints one JSON line `{ url }` when it serves; then answers each line on stdin:
 * `afternoon` runs one scripted afternoon (kiosk, lending, calls) through the core, `gc` collects
 * garbage; each answers `{ done }` (or `{ error }`).
 */
import readline from 'node:readline';
import { openCore } from '../../electron/core/app.js';
import { settableClock } from '../../electron/core/clock.js';
import { startWebHost } from '../../electron/web/server.js';
import { scriptedAfternoon } from './afternoon.js';

async function main(): Promise<void> {
  const [dataDir, rendererDir, now] = process.argv.slice(2);
  if (!dataDir || !rendererDir || !now) throw new Error('usage: host.ts <dataDir> <rendererDir> <now>');
  const clock = settableClock(Date.parse(now));
  const core = openCore({ dataDir, clock });
  const host = await startWebHost({ core, rendererDir });
  const say = (m: object) => process.stdout.write(`${JSON.stringify(m)}\n`);
  say({ url: host.url });

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    try {
      if (line === 'afternoon') await scriptedAfternoon(core, clock);
      else if (line === 'gc') (globalThis as { gc?: () => void }).gc?.();
      else throw new Error(`unknown command ${line}`);
      say({ done: line });
    } catch (err) {
      say({ error: String(err) });
    }
  }
  await host.close();
  core.close();
}

void main();
