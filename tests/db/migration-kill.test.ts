import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { parseBackupName } from '../../electron/core/backup/files.js';
import { tempDataDir } from '../helpers/core.js';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A file at the first version with enough rows that copying it takes a while. */
function template(): { file: string; rows: number } {
  const dir = tempDataDir('home-desk-kill-template-');
  dirs.push(dir);
  const file = path.join(dir, 'home.sqlite');
  const db = openDatabase(file);
  migrate(db, migrations.slice(0, 1));
  const add = db.prepare("INSERT INTO teachers (name, role, pin_hash, created_at) VALUES (?, 'teacher', ?, 1)");
  const rows = 40_000;
  db.transaction(() => {
    for (let i = 0; i < rows; i++) add.run(`老师${i}`, 'h'.repeat(300));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, rows };
}

/** Runs the migration in a child process and kills it (SIGKILL) `afterMs` after it began, unless it finished. */
function runAndKill(dir: string, afterMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['tests/db/migrate-child.ts', dir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready') && !out.includes('armed')) {
        out += 'armed';
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(out.includes('done') ? 'finished' : 'killed'));
  });
}

describe('an interrupted migration', () => {
  it('never leaves a partial copy under a backup name (killed at random moments)', { timeout: 240_000 }, async () => {
    const { file, rows } = template();
    const outcomes: string[] = [];
    for (const afterMs of [0, 40, 120, 300, 5000]) {
      const dir = tempDataDir('home-desk-kill-');
      dirs.push(dir);
      fs.copyFileSync(file, path.join(dir, 'home.sqlite'));
      outcomes.push(await runAndKill(dir, afterMs));
      const folder = path.join(dir, 'backups');
      const named = (fs.existsSync(folder) ? fs.readdirSync(folder) : []).filter((n) => parseBackupName(n) !== null);
      for (const n of named) {
        // Whatever carries a backup's name is whole: checked, with every row of the file it copied.
        const copy = new Database(path.join(folder, n), { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.prepare('SELECT count(*) FROM teachers').pluck().get()).toBe(rows);
        expect(copy.pragma('user_version', { simple: true })).toBe(migrations[0]!.version);
        copy.close();
      }
      // The data file itself is either migrated or as it was, and whole.
      const db = new Database(path.join(dir, 'home.sqlite'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect([migrations[0]!.version, migrations[migrations.length - 1]!.version]).toContain(db.pragma('user_version', { simple: true }));
      db.close();
    }
    // The last run had time to finish: its backup is there.
    expect(outcomes.at(-1)).toBe('finished');
  });
});
