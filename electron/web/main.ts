import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/app.js';
import { settableClock } from '../core/clock.js';
import { defaultDataDir } from '../core/paths.js';
import { AppError } from '../../shared/errors.js';
import { startWebHost } from './server.js';

/**
 * `npm run web -- [--data DIR] [--port N] [--now ISO]`: the app for a browser on this PC.
 * Prints `listening on <url>` once it can take calls.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      renderer: { type: 'string' },
      now: { type: 'string' },
      'test-clock': { type: 'boolean', default: false },
    },
  });
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const clock = settableClock(values.now ? Date.parse(values.now) : Date.now());
  if (values.now && Number.isNaN(Date.parse(values.now))) throw new Error(`--now: not a date: ${values.now}`);
  const core = openCore({ dataDir, clock, backups: 'auto' });
  const rendererDir = path.resolve(values.renderer ?? path.join(__dirname, '../../out/renderer'));
  const host = await startWebHost({ core, rendererDir, port: Number(values.port), ...(values['test-clock'] ? { testClock: clock } : {}) });
  if (values['test-clock']) console.log('Test clock enabled: POST /__test/clock moves the time.');
  console.log(`Children's Home Desk (web) data: ${dataDir}`);
  console.log(`Children's Home Desk (web) listening on ${host.url}`);
  let stopping = false;
  const stop = () => {
    // The closing backup first; a second Ctrl+C while it runs does not start another.
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => core.shutdown())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof AppError) console.error(`error: ${err.code} ${JSON.stringify(err.params ?? {})}`);
  else console.error(err);
  process.exit(1);
});
