import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './open.js';
import { guardWrites, isStrayWrite, write } from './write.js';
import { toErrorPayload } from '../api.js';
import { tempDataDir } from '../../../tests/helpers/core.js';

let dir: string;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function fresh(): { db: Db; file: string } {
  dir = tempDataDir('home-desk-write-');
  const file = path.join(dir, 'home.sqlite');
  const db = openDatabase(file);
  open.push(db);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { db, file };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code ?? 'no code';
  }
  return 'no error';
}

const count = (db: Db) => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM notes').get()!.n;
const insert = (db: Db, body: string) =>
  db.prepare<[string], { id: number }>('INSERT INTO notes (body) VALUES (?) RETURNING id').get(body)!.id;

describe('the one write helper', () => {
  it('commits and answers only after the commit', () => {
    const { db, file } = fresh();
    const id = write(db, () => insert(db, '张三丽的谈心记录'));
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT body FROM notes WHERE id = ?').pluck().get(id)).toBe('张三丽的谈心记录');
    other.close();
  });

  it('answers a full disk with db.diskFull, and keeps every write it answered', () => {
    const { db } = fresh();
    const saved: number[] = [];
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 3}`);
    let code = 'no error';
    for (let i = 0; i < 100 && code === 'no error'; i++) {
      code = codeOf(() => saved.push(write(db, () => insert(db, 'x'.repeat(3000)))));
    }
    expect(code).toBe('db.diskFull');
    expect(count(db)).toBe(saved.length);
  });

  it('answers a write lock held past the busy timeout with db.busy', () => {
    const { db, file } = fresh();
    db.pragma('busy_timeout = 50');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    expect(codeOf(() => write(db, () => insert(db, 'a')))).toBe('db.busy');
    other.exec('ROLLBACK');
    other.close();
    expect(write(db, () => insert(db, 'b'))).toBeGreaterThan(0);
    expect(count(db)).toBe(1);
  });

  it('answers a read-only file with db.readOnly', () => {
    const { db, file } = fresh();
    write(db, () => insert(db, 'a'));
    db.close();
    const ro = new Database(file, { readonly: true });
    open.push(ro);
    expect(codeOf(() => write(ro, () => insert(ro, 'b')))).toBe('db.readOnly');
  });

  it('answers a damaged file with db.corrupt', () => {
    const { db, file } = fresh();
    write(db, () => {
      for (let i = 0; i < 400; i++) insert(db, `记录 ${i} `.repeat(20));
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Zero pages in the middle of the file, as a failing disk would.
    const fd = fs.openSync(file, 'r+');
    const pageSize = 4096;
    fs.writeSync(fd, Buffer.alloc(pageSize * 4), 0, pageSize * 4, pageSize * 3);
    fs.closeSync(fd);
    const damaged = new Database(file);
    open.push(damaged);
    expect(codeOf(() => write(damaged, () => damaged.prepare('UPDATE notes SET body = body || ?').run('!')))).toBe('db.corrupt');
  });
});

describe('the write guard', () => {
  it('refuses a write outside write() and lets write() through, nested or not', () => {
    const { db } = fresh();
    const early = db.prepare('INSERT INTO notes (body) VALUES (?)');
    guardWrites(db);
    expect(codeOf(() => insert(db, 'stray'))).toBe('SQLITE_READONLY');
    const ids = write(db, () => [insert(db, 'outer'), write(db, () => insert(db, 'inner'))]);
    expect(ids).toHaveLength(2);
    expect(count(db)).toBe(2);
    // The guard is back on after the outermost call, for a statement prepared before the guard too, and for exec.
    expect(codeOf(() => insert(db, 'stray'))).toBe('SQLITE_READONLY');
    expect(codeOf(() => early.run('early'))).toBe('SQLITE_READONLY');
    expect(codeOf(() => db.exec("INSERT INTO notes (body) VALUES ('exec')"))).toBe('SQLITE_READONLY');
    expect(codeOf(() => db.exec("BEGIN; INSERT INTO notes (body) VALUES ('exec'); COMMIT"))).toBe('SQLITE_READONLY');
    expect(db.inTransaction).toBe(false);
    expect(count(db)).toBe(2);
    // Reads and a checkpoint still run outside write(); no flag pragma is switched (that would expire every statement).
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2);
    expect(() => db.pragma('wal_checkpoint(PASSIVE)')).not.toThrow();
    expect(db.pragma('query_only', { simple: true })).toBe(0);
  });

  it('a nested write() that throws takes back only its own rows; the guard is restored when fn throws', () => {
    const { db } = fresh();
    guardWrites(db);
    write(db, () => {
      insert(db, 'kept');
      try {
        write(db, () => {
          insert(db, 'taken back');
          throw new Error('inner');
        });
      } catch {
        // The outer write goes on without the inner one's row.
      }
    });
    expect(db.prepare('SELECT body FROM notes').pluck().all()).toEqual(['kept']);
    expect(codeOf(() => write(db, () => {
      insert(db, 'never');
      throw new Error('outer');
    }))).toBe('no code');
    expect(count(db)).toBe(1);
    expect(codeOf(() => insert(db, 'stray'))).toBe('SQLITE_READONLY');
    expect(db.inTransaction).toBe(false);
  });

  it('refuses an async fn: no await may hold the write lock', () => {
    const { db } = fresh();
    guardWrites(db);
    expect(() => write(db, async () => insert(db, 'x'))).toThrow(/promise/);
    expect(count(db)).toBe(0);
    expect(codeOf(() => insert(db, 'stray'))).toBe('SQLITE_READONLY');
  });

  it('tells a stray write (a bug) from a read-only file (the teacher’s folder)', () => {
    const { db, file } = fresh();
    guardWrites(db);
    let stray: unknown;
    try {
      insert(db, 'stray');
    } catch (err) {
      stray = err;
    }
    expect(isStrayWrite(db, stray)).toBe(true);
    expect(toErrorPayload(stray, db).code).toBe('internal');
    // A file that really is read-only, guarded like the core's: write() answers db.readOnly itself.
    const ro = new Database(file, { readonly: true });
    open.push(ro);
    guardWrites(ro);
    let real: unknown;
    try {
      write(ro, () => insert(ro, 'b'));
    } catch (err) {
      real = err;
    }
    expect(toErrorPayload(real, ro).code).toBe('db.readOnly');
    expect(isStrayWrite(ro, real)).toBe(false);
  });
});
