import { performance } from 'node:perf_hooks';

/** One line of the bench's table. */
export interface Row {
  what: string;
  n: number;
  p50: number;
  p95: number;
  unit: 'µs' | 'ms' | '×';
}

export function quantiles(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.floor(s.length * 0.95)]! };
}

/** Runs `fn` a few times to warm up, then `n` times, timing each run. */
export async function measure(what: string, n: number, unit: Row['unit'], fn: (i: number) => unknown): Promise<Row> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push((performance.now() - t0) * (unit === 'µs' ? 1000 : 1));
  }
  return { what, n, unit, ...quantiles(samples) };
}

export function printRows(rows: Row[]): void {
  console.log('| what | n | p50 | p95 |');
  console.log('|---|---:|---:|---:|');
  // A ratio is read against an aim like 1.5×: two decimals, so 1.46 is not printed as the aim itself.
  const digits = (u: Row['unit']) => (u === 'µs' ? 1 : 2);
  for (const r of rows) console.log(`| ${r.what} | ${r.n} | ${r.p50.toFixed(digits(r.unit))} ${r.unit} | ${r.p95.toFixed(digits(r.unit))} ${r.unit} |`);
}
