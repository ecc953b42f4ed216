import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './open.js';
import { write } from './write.js';
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
    return (err as { code?: string }).code ?? String(err);
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
