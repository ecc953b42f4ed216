import { parseArgs } from 'node:util';
import { runCrash } from './harness.js';

/**
 * `npm run crash -- --cycles 500 [--max-life 400] [--seed N]`: the crash harness for longer runs than
 * `npm test` makes. Prints cycles, confirmed writes and lost writes (must be 0); exits 1 if any was lost.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '200' },
      'max-life': { type: 'string', default: '400' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const cycles = Number(values.cycles);
  const maxLifeMs = Number(values['max-life']);
  if (!Number.isInteger(cycles) || cycles < 1) throw new Error('--cycles: a whole number, 1 or more');
  if (!Number.isInteger(maxLifeMs) || maxLifeMs < 0) throw new Error('--max-life: milliseconds');
  const seed = values.seed === undefined ? Date.now() : Number(values.seed);
  console.log(`crash harness: ${cycles} cycles, kills up to ${maxLifeMs} ms after start-up, seed ${seed}`);
  const r = await runCrash({ cycles, maxLifeMs, seed, log: values.quiet ? undefined : (l) => console.log(l) });
  console.log(`cycles:            ${r.cycles}`);
  console.log(`confirmed writes:  ${r.confirmed}`);
  console.log(`lost:              ${r.lost.length}`);
  console.log(`integrity failed:  ${r.damaged}`);
  console.log(`killed at start:   ${r.killedEarly}`);
  console.log(`errors answered:   ${r.errors.length}${r.errors.length ? ` (${[...new Set(r.errors)].join(', ')})` : ''}`);
  console.log(`time:              ${(r.ms / 1000).toFixed(1)} s`);
  for (const l of r.lost.slice(0, 20)) console.log(`  lost ${l}`);
  return r.lost.length === 0 && r.damaged === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  },
);
