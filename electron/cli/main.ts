import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/app.js';
import { settableClock, systemClock } from '../core/clock.js';
import { defaultDataDir } from '../core/paths.js';
import { procedureTable } from '../../shared/api/index.js';
import { AppError } from '../../shared/errors.js';
import { toErrorPayload, type Core } from '../core/api.js';
import { rowCounts } from '../core/backup/backup.repo.js';

const USAGE = `usage: npm run cli -- <procedure> ['<json input>'] [--data DIR] [--now ISO]
       npm run cli -- --list
       npm run cli -- backup [--data DIR]                          a checked backup now (and to the second folder)
       npm run cli -- restore <file> [--password P] [--data DIR]   the current file is saved aside, then replaced
Runs one procedure of the app as admin against a data folder and prints the result as JSON.`;

// `npm run cli -- --list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      now: { type: 'string' },
      list: { type: 'boolean', default: false },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.list) {
    for (const c of Object.values(procedureTable)) {
      const topics = [c.changes?.length ? `changes ${c.changes.join(',')}` : '', c.reads?.length ? `reads ${c.reads.join(',')}` : '']
        .filter(Boolean)
        .join('  ');
      console.log(`${c.name.padEnd(28)} ${c.access.padEnd(8)} ${topics}`.trimEnd());
    }
    return 0;
  }
  const [name, json] = positionals;
  if (!name) {
    console.error(USAGE);
    return 2;
  }
  const command = name === 'backup' || name === 'restore' ? name : null;
  let input: unknown = {};
  if (json !== undefined && command === null) {
    try {
      input = JSON.parse(json);
    } catch {
      console.error(`error: the input is not JSON: ${json}`);
      return 2;
    }
  }
  if (values.now && Number.isNaN(Date.parse(values.now))) {
    console.error(`error: --now is not a date: ${values.now}`);
    return 2;
  }
  const clock = values.now ? settableClock(Date.parse(values.now)) : systemClock;
  const core = openCore({ dataDir: path.resolve(values.data ?? defaultDataDir()), clock });
  try {
    if (command) return await backupCommand(core, command, json, values.password ?? null);
    const result = await core.call(core.openSession('system'), name, input);
    if (result.ok) {
      console.log(JSON.stringify(result.value, null, 2));
      return 0;
    }
    console.error(JSON.stringify({ error: result.error }, null, 2));
    return 1;
  } finally {
    core.close();
  }
}

/** `backup` and `restore <file>`: not procedures, because a path on this computer is not something a window may send. */
async function backupCommand(core: Core, name: 'backup' | 'restore', file: string | undefined, password: string | null): Promise<number> {
  try {
    if (name === 'backup') {
      const taken = await core.vault.backup('manual');
      console.log(JSON.stringify({ file: taken.file, size: taken.size, rows: taken.meta.tables }, null, 2));
      return 0;
    }
    if (!file) {
      console.error(USAGE);
      return 2;
    }
    await core.vault.restore({ file }, password);
    console.log(JSON.stringify({ restored: path.resolve(file), rows: rowCounts(core.db) }, null, 2));
    return 0;
  } catch (err) {
    console.error(JSON.stringify({ error: toErrorPayload(err) }, null, 2));
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof AppError) console.error(JSON.stringify({ error: err.toPayload() }, null, 2));
    else console.error(err);
    process.exitCode = 1;
  },
);
