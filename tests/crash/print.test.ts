import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/core.js';

describe('the writer’s line printer', () => {
  it('loses no line and does not fail when the harness stops reading for a while (a full, non-blocking pipe)', { timeout: 60_000 }, async () => {
    const dir = tempDataDir('home-desk-print-');
    try {
      const entry = path.join(dir, 'many.ts');
      // Touching process.stdout makes Node put the pipe in non-blocking mode, as the core's bundle does.
      fs.writeFileSync(entry, `import { print } from ${JSON.stringify(path.join(__dirname, 'print.ts'))};\nvoid process.stdout;\nfor (let i = 0; i < 20000; i++) print({ key: 'line ' + i, pad: 'x'.repeat(40) });\n`);
      const outfile = path.join(dir, 'many.cjs');
      await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
      const child = spawn(process.execPath, [outfile], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      // Not read for a second: 20,000 lines are some 1.2 MB, far beyond a pipe's 64 KiB.
      child.stdout.pause();
      await new Promise((r) => setTimeout(r, 1000));
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (c: string) => (out += c));
      child.stdout.resume();
      // 'close': the process has ended and its output is all read.
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(err).toBe('');
      expect(code).toBe(0);
      const lines = out.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBe(20000);
      expect(lines.every((l, i) => (JSON.parse(l) as { key: string }).key === `line ${i}`)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
