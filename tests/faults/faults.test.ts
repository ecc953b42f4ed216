import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/api.js';
import { openCore } from '../../electron/core/app.js';
import { T0 } from '../helpers/core.js';
import { School, WRITERS, type Answer, type WriterName } from './school.js';

/**
 * Faults under the real core on real SQLite files: each write procedure answers its own db.* code
 * (never ok, never `internal`), and every write that did answer ok is in the file when it is opened again.
 */

let s: School | undefined;
afterEach(() => {
  s?.cleanup();
  s = undefined;
});

/** One write of every writer, in order. */
async function round(school: School, core?: Core, session?: string): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const w of WRITERS) out.push(await school.write(w, core, session));
  return out;
}

const codes = (answers: readonly Answer[]) => [...new Set(answers.map((a) => a.code))].sort();
const byWriter = (answers: readonly Answer[]) => Object.fromEntries(answers.map((a) => [a.writer, a.code]));
const allAre = (code: string) => Object.fromEntries(WRITERS.map((w) => [w, code]));

describe('faults', () => {
  it('disk full: each write answers ok or db.diskFull, every domain reaches db.diskFull, every ok is in the file', async () => {
    s = await School.open();
    const db = s.core.db;
    // SQLite refuses to grow the file past max_page_count with SQLITE_FULL, as it does on a full disk.
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages + 6}`);
    // The wrong-PIN counter is updated in place and needs no new page: it keeps counting, which is honest too.
    const mustFill = WRITERS.filter((w) => w !== 'auth.login (wrong PIN)');
    const answers: Answer[] = [];
    const full = new Set<WriterName>();
    // Each writer again and again until the file has no page left for it (the calls' long notes fill it first).
    for (const w of WRITERS) {
      for (let i = 0; i < (w === 'auth.login (wrong PIN)' ? 3 : 400) && !full.has(w); i++) {
        const a = await s.write(w);
        answers.push(a);
        if (a.code === 'db.diskFull') full.add(w);
      }
    }
    expect(codes(answers)).toEqual(['db.diskFull', 'ok']);
    expect(mustFill.filter((w) => !full.has(w))).toEqual([]);
    expect(answers.filter((a) => a.code === 'ok').length).toBeGreaterThan(WRITERS.length);
    // Room again (the teacher freed some space): every domain writes again.
    db.pragma('max_page_count = 1073741823');
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    expect(s.lost()).toEqual([]);
  });

  it('a read-only file: every write answers db.readOnly, what was written before is all there', async () => {
    s = await School.open(12);
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    s.core.close();
    // The folder made read-only: SQLite then opens the file read-only and refuses every write with
    // SQLITE_READONLY. chmod cannot show it here: the tests run as root, for whom a 0444 file in a 0555
    // folder is still writable. A read-only open is what SQLite falls back to for a user without write
    // permission, so the core below meets the same answers; it is guarded like openCore's connection.
    const core = openCore({ dataDir: path.dirname(s.file), clock: s.t.clock, checkOutputs: true, readOnly: true });
    core.db.pragma('busy_timeout = 200');
    // The command line's session acts as admin without signing in (signing in writes: it would answer db.readOnly too).
    const answers = await round(s, core, core.openSession('system'));
    expect(byWriter(answers)).toEqual(allAre('db.readOnly'));
    // Signing in records the login, so it is refused the same way, and the session stays locked.
    const desk = core.openSession('desk');
    const login = await core.call(desk, 'auth.login', { teacherId: s.t.adminId, pin: '2468' });
    expect(login).toEqual({ ok: false, error: { code: 'db.readOnly', params: { sqlite: 'SQLITE_READONLY' } } });
    expect(core.sessionView(desk)?.teacher).toBeNull();
    core.close();
    expect(s.lost()).toEqual([]);
  });

  it('another connection holding the write lock past the busy timeout: every write answers db.busy, then all go through', async () => {
    s = await School.open(12);
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    // Short, so the test is quick; the app waits 5 s (open.ts).
    s.core.db.pragma('busy_timeout = 60');
    // The command line (or a second app) in the middle of its own write.
    const other = new Database(s.file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO audit (at, action, entity) VALUES (?, 'other.process', 'test')").run(T0);
    const answers = await round(s);
    expect(byWriter(answers)).toEqual(allAre('db.busy'));
    other.exec('COMMIT');
    other.close();
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    expect(s.lost()).toEqual([]);
  });

  it('a file whose pages were zeroed under the running app: every write answers db.corrupt, none ok', async () => {
    s = await School.open(12);
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    const db = s.core.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    // The root page of every table the writers touch, zeroed as a failing disk would leave them.
    const roots = db
      .prepare<[], number>(
        "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name IN ('calls', 'children', 'contacts', 'visits', 'loans', 'copies', 'signups', 'settings', 'teachers', 'audit')",
      )
      .pluck()
      .all();
    expect(roots).toHaveLength(10);
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const fd = fs.openSync(s.file, 'r+');
    for (const page of roots) fs.writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (page - 1) * pageSize);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    // Drop the connection's cached pages, so it reads the damaged ones from the disk.
    db.pragma('shrink_memory');
    const answers = await round(s);
    expect(byWriter(answers)).toEqual(allAre('db.corrupt'));
    const check = new Database(s.file, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).not.toBe('ok');
    check.close();
  });

  it('the clock set back a day, then a month: writes still answer ok and are in the file', async () => {
    s = await School.open(40);
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    s.t.clock.set(T0 - 86_400_000);
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    s.t.clock.set(T0 - 30 * 86_400_000);
    expect(byWriter(await round(s))).toEqual(allAre('ok'));
    expect(s.lost()).toEqual([]);
  });
});
