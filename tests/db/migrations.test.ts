import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { latestVersion, migrate, type Migration } from '../../electron/core/db/migrate.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { openCore } from '../../electron/core/app.js';
import { tempDataDir } from '../helpers/core.js';

const dirs: string[] = [];
function dir(): string {
  const d = tempDataDir('home-desk-migr-');
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const tables = (db: ReturnType<typeof openDatabase>) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

describe('migrations', () => {
  it('are listed in strictly rising order and named like their files', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const files = fs
      .readdirSync(path.join(__dirname, '../../electron/core/db/migrations'))
      .filter((f) => /^\d{4}-/.test(f) && !f.endsWith('.test.ts'));
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(versions);
  });

  it('take an empty file to the latest version in one go', () => {
    const db = openDatabase(path.join(dir(), 'a.sqlite'));
    const result = migrate(db, migrations);
    expect(result).toMatchObject({ from: 0, to: latestVersion(migrations), backup: null });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(tables(db)).toEqual(expect.arrayContaining(['audit', 'settings', 'teachers', 'terms']));
    // Running again changes nothing.
    expect(migrate(db, migrations)).toMatchObject({ from: latestVersion(migrations), backup: null });
    db.close();
  });

  it('each step applies on top of the previous ones', () => {
    for (let i = 1; i <= migrations.length; i++) {
      const db = openDatabase(':memory:');
      migrate(db, migrations.slice(0, i));
      expect(db.pragma('user_version', { simple: true })).toBe(migrations[i - 1]!.version);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    }
  });

  it('keep a copy of an existing database before migrating it', () => {
    const d = dir();
    const file = path.join(d, 'home.sqlite');
    const db = openDatabase(file);
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO teachers (name, role, pin_hash, created_at) VALUES ('王老师', 'admin', 'x', 1)").run();
    const result = migrate(db, migrations, { backupDir: path.join(d, 'backups') });
    db.close();
    expect(result.backup).not.toBeNull();
    const copy = openDatabase(result.backup!);
    expect(copy.pragma('user_version', { simple: true })).toBe(migrations[0]!.version);
    expect(copy.prepare('SELECT name FROM teachers').pluck().all()).toEqual(['王老师']);
    copy.close();
  });

  it('roll back every pending step when one fails', () => {
    const db = openDatabase(':memory:');
    const broken: Migration = {
      version: 9999,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuse a database written by a newer version, leaving it untouched', () => {
    const d = dir();
    const file = path.join(d, 'home.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${latestVersion(migrations) + 10}`);
    db.close();
    let caught: unknown;
    try {
      openCore({ dataDir: d });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'db.tooNew', params: { found: latestVersion(migrations) + 10 } });
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion(migrations) + 10);
    expect(tables(again)).toEqual([]);
    again.close();
  });
});
