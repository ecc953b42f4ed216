import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, tempDataDir, type TestCore } from '../../../tests/helpers/core.js';
import { openCore } from '../app.js';
import { seedDemo } from '../demo/demo.js';
import { seedVisits } from '../demo/visits.js';
import { seedCalls } from '../demo/calls.js';
import { createChildrenService } from '../children/children.service.js';
import { DEFAULT_HOURS } from '../../../shared/domain/hours.js';
import { openDatabase } from '../db/open.js';
import { write } from '../db/write.js';
import { rowCounts } from './backup.repo.js';
import { takeBackup } from './backup.js';
import { parseBackupName } from './files.js';
import { SECOND_SUBFOLDER } from './list.js';
import { UPLOAD_PIECE } from '../../../shared/api/backups.js';

const open: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function school(children = 40): Promise<TestCore> {
  const t = await makeSetUpCore();
  open.push(t);
  const db = t.core.db;
  await seedDemo(db, createChildrenService(db), { children, seed: 7, today: '2026-11-28', now: t.clock.now() });
  seedVisits(db, { years: 1, today: '2026-11-27', hours: DEFAULT_HOURS, seed: 7 });
  seedCalls(db, { years: 1, today: '2026-11-27', seed: 7 });
  return t;
}

const counts = (t: TestCore) => {
  const c = rowCounts(t.core.db);
  return { children: c.children, visits: c.visits, calls: c.calls };
};

/** Pages in the middle of the file zeroed, as a failing disk would leave them. */
function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const size = fs.fstatSync(fd).size;
  fs.writeSync(fd, Buffer.alloc(4096 * 8), 0, 4096 * 8, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A core on the same data folder, as the app would open it again. */
function reopen(t: TestCore): TestCore {
  const core = openCore({ dataDir: t.dataDir, clock: t.clock });
  const again: TestCore = {
    ...t,
    core,
    desk: core.openSession('desk'),
    callRaw: async (name, input = {}, session) => {
      const r = await core.call(session ?? again.desk, name, input);
      if (!r.ok) throw Object.assign(new Error(r.error.code), { payload: r.error });
      return r.value;
    },
    call: ((name: string, input?: unknown, session?: string) => again.callRaw(name, input, session)) as TestCore['call'],
    cleanup: () => {
      core.close();
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    },
  };
  return again;
}

describe('backups', () => {
  it('the restore drill: write, back up, damage the file, restore the latest good backup, same counts', { timeout: 60_000 }, async () => {
    const t = await school();
    const before = counts(t);
    expect(before.children).toBeGreaterThan(0);
    expect(before.visits).toBeGreaterThan(0);
    const taken = await t.call('backups.take');
    expect(taken).toMatchObject({ place: 'local', reason: 'manual', encrypted: false, ...before });
    // More work after the backup, then the disk fails.
    await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    open.splice(open.indexOf(t), 1);
    const file = path.join(t.dataDir, 'home.sqlite');
    damage(file);
    const hash = sha(file);

    const broken = reopen(t);
    open.push(broken);
    // The check runs in a worker: the lock screen's reads answer meanwhile, everything else waits for it.
    const login = broken.call('auth.login', { teacherId: 1, pin: '2468' });
    await broken.core.vault.ready;
    expect(await codeOf(login)).toBe('db.corrupt');
    const health = await broken.call('backups.health');
    expect(health.checking).toBe(false);
    expect(health.database).toBe('damaged');
    expect(health.latestGood).toMatchObject({ name: taken.name, children: before.children });
    // Nothing else answers, nothing is written: the file is as it was.
    expect(await codeOf(broken.call('auth.lockList'))).toBe('db.corrupt');
    expect(await codeOf(broken.call('setup.run', { schoolName: 'x', roomName: 'y', language: 'zh-CN', term: { name: 't', start: '2026-09-01', end: '2027-01-20' }, admin: { name: '赵', pin: '1234' } }))).toBe('db.corrupt');
    expect(sha(file)).toBe(hash);

    await broken.call('backups.restoreLatest');
    expect((await broken.call('backups.health')).database).toBe('ok');
    expect(counts(broken)).toEqual(before);
    expect(broken.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The damaged file was kept aside, under a name no restore list or pruning takes for a backup.
    const aside = fs.readdirSync(path.join(t.dataDir, 'backups')).filter((n) => n.startsWith('damaged-'));
    expect(aside).toHaveLength(1);
    expect(parseBackupName(aside[0]!)).toBeNull();
    // The restored school works: its admin signs in and writes.
    const [admin] = await broken.call('auth.lockList');
    await broken.call('auth.login', { teacherId: admin!.id, pin: '2468' });
    await broken.call('teachers.add', { name: '赵老师', role: 'teacher', pin: '2580' });
  });

  it('a restore from the desk saves the current file first, then reopens on the chosen backup and signs everyone out', { timeout: 60_000 }, async () => {
    const t = await school(20);
    const first = await t.call('backups.take');
    const before = counts(t);
    await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const teachersAfter = rowCounts(t.core.db).teachers;
    await t.call('backups.restore', { source: { place: 'local', name: first.name }, password: null });
    expect(counts(t)).toEqual(before);
    expect(rowCounts(t.core.db).teachers).toBe(teachersAfter! - 1);
    expect(t.core.sessionView(t.desk)?.teacher).toBeNull();
    const list = await codeOf(t.call('backups.list'));
    expect(list).toBe('auth.locked');
    // The file as it was before the restore is a backup too, and can be restored back.
    const saved = fs.readdirSync(path.join(t.dataDir, 'backups')).map(parseBackupName).find((b) => b?.reason === 'before-restore');
    expect(saved).toBeTruthy();
    const [admin] = await t.call('auth.lockList');
    await t.call('auth.login', { teacherId: admin!.id, pin: '2468' });
    await t.call('backups.restore', { source: { place: 'local', name: saved!.name }, password: null });
    expect(rowCounts(t.core.db).teachers).toBe(teachersAfter);
  });

  it('a backup taken while writes go on is whole and consistent', { timeout: 60_000 }, async () => {
    const dir = tempDataDir('home-desk-backup-live-');
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'live.sqlite'));
    db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER)');
    const addPair = db.prepare<[string]>('INSERT INTO a (body) VALUES (?)');
    const addB = db.prepare<[number]>('INSERT INTO b (a_id) VALUES (?)');
    const pairOf = (i: number) => addB.run(Number(addPair.run(`行 ${i} `.repeat(40)).lastInsertRowid));
    const pair = (i: number) => write(db, () => pairOf(i));
    write(db, () => {
      for (let i = 0; i < 6000; i++) pairOf(i);
    });
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        pair(written++);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const taken = await takeBackup(db, path.join(dir, 'backups'), 'manual', Date.now);
    stop = true;
    await writer;
    expect(written).toBeGreaterThan(0);
    const copy = new Database(taken.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const a = copy.prepare('SELECT count(*) FROM a').pluck().get() as number;
    // Each pair is one transaction: the copy holds whole pairs only, and at least what was there before.
    expect(copy.prepare('SELECT count(*) FROM b').pluck().get()).toBe(a);
    expect(a).toBeGreaterThanOrEqual(6000);
    expect(taken.meta.tables).toEqual({ a, b: a });
    copy.close();
    db.close();
  });

  it('an interrupted backup never carries a backup name', { timeout: 60_000 }, async () => {
    const dir = tempDataDir('home-desk-backup-cut-');
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'live.sqlite'));
    db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY, body TEXT)');
    const add = db.prepare<[string]>('INSERT INTO a (body) VALUES (?)');
    write(db, () => {
      for (let i = 0; i < 8000; i++) add.run('x'.repeat(400));
    });
    const folder = path.join(dir, 'backups');
    const running = takeBackup(db, folder, 'daily', Date.now);
    // The app is killed half-way: here, its connection goes once the copy has begun.
    const partial = () => (fs.existsSync(folder) ? fs.readdirSync(folder) : []).find((n) => n.endsWith('.partial'));
    while (!partial()) await new Promise((r) => setImmediate(r));
    db.close();
    expect(await running.then(() => 'finished', (e: { code?: string }) => e.code)).toBe('backup.failed');
    const names = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    expect(names.filter((n) => parseBackupName(n) !== null)).toEqual([]);
  });

  it('encrypts backups in the second folder: the right password restores, a wrong one is told, a changed file is damaged', { timeout: 90_000 }, async () => {
    const t = await school(20);
    const stick = tempDataDir('home-desk-stick-');
    dirs.push(stick);
    await t.call('backups.setSettings', { keep: { days: 7, weeks: 4, months: 12 }, secondFolder: stick, offsiteWarnDays: 7 });
    await t.call('backups.setPassword', { password: '山里的星星2026' });
    expect(JSON.stringify(rowCounts(t.core.db))).not.toContain('山里的星星');
    const stored = t.core.db.prepare("SELECT value FROM settings WHERE key = 'backup.key'").pluck().get() as string;
    expect(stored).not.toContain('山里的星星');
    const before = counts(t);
    expect((await t.call('backups.status')).offsiteOverdue).toBe(true);
    await t.call('backups.take');
    const status = await t.call('backups.status');
    expect(status).toMatchObject({ offsiteOverdue: false, secondFolderPresent: true, lastError: null });
    const onStick = fs.readdirSync(path.join(stick, SECOND_SUBFOLDER)).filter((n) => n.endsWith('.sqlite.enc'));
    expect(onStick).toHaveLength(1);
    const encrypted = path.join(stick, SECOND_SUBFOLDER, onStick[0]!);
    expect(fs.readFileSync(encrypted).includes(Buffer.from('SQLite format 3'))).toBe(false);
    const listed = (await t.call('backups.list')).find((b) => b.place === 'second');
    expect(listed).toMatchObject({ encrypted: true, ...before });

    // A new PC: nothing set up, the file uploaded from the stick.
    const fresh = reopen({ ...t, dataDir: tempDataDir('home-desk-newpc-') } as TestCore);
    open.push(fresh);
    const upload = async (file: string) => {
      const bytes = fs.readFileSync(file);
      let id: string | null = null;
      for (let offset = 0; offset < bytes.length; offset += UPLOAD_PIECE) {
        const r: { id: string } = await fresh.call('backups.upload', { id, offset, data: bytes.subarray(offset, offset + UPLOAD_PIECE).toString('base64') });
        id = r.id;
      }
      return id!;
    };
    const id = await upload(encrypted);
    expect(await codeOf(fresh.call('backups.restore', { source: { upload: id }, password: null }))).toBe('backup.needsPassword');
    expect(await codeOf(fresh.call('backups.restore', { source: { upload: id }, password: '山里的月亮2026' }))).toBe('backup.wrongPassword');
    expect((await fresh.call('app.info')).setupDone).toBe(false);
    await fresh.call('backups.restore', { source: { upload: id }, password: '山里的星星2026' });
    expect((await fresh.call('app.info')).setupDone).toBe(true);
    expect(counts(fresh)).toEqual(before);

    // One byte changed on the stick: the password is right, the file is not.
    const bytes = fs.readFileSync(encrypted);
    bytes[bytes.length - 100]! ^= 0xff;
    const changed = path.join(stick, 'changed.sqlite.enc');
    fs.writeFileSync(changed, bytes);
    const other = reopen({ ...t, dataDir: tempDataDir('home-desk-newpc2-') } as TestCore);
    open.push(other);
    const r = await other.core.call(other.desk, 'backups.upload', { id: null, offset: 0, data: bytes.toString('base64') });
    if (!r.ok) throw new Error(r.error.code);
    const { id: id2 } = r.value as { id: string };
    expect(await codeOf(other.call('backups.restore', { source: { upload: id2 }, password: '山里的星星2026' }))).toBe('backup.damaged');
  });

  it('Settings: a blank second folder is none, a relative one is refused, the password can be removed', async () => {
    const t = await school(3);
    const keep = { days: 7, weeks: 4, months: 12 };
    expect(await codeOf(t.call('backups.setSettings', { keep, secondFolder: 'backups/usb', offsiteWarnDays: 7 }))).toBe('input.invalid');
    const stick = tempDataDir('home-desk-stick2-');
    dirs.push(stick);
    expect((await t.call('backups.setSettings', { keep: { days: 3, weeks: 2, months: 6 }, secondFolder: stick, offsiteWarnDays: 14 })).secondFolder).toBe(stick);
    const cleared = await t.call('backups.setSettings', { keep, secondFolder: '  ', offsiteWarnDays: 7 });
    expect(cleared).toEqual({ keep, secondFolder: null, offsiteWarnDays: 7, encrypted: false });
    expect((await t.call('backups.status')).secondFolder).toBeNull();
    expect((await t.call('backups.setPassword', { password: '12345678' })).encrypted).toBe(true);
    expect((await t.call('backups.setPassword', { password: null })).encrypted).toBe(false);
    expect(await codeOf(t.call('backups.setPassword', { password: 'short' }))).toBe('input.invalid');
  });

  it('once set up, only an admin may upload or restore; restoreLatest only mends a damaged file', async () => {
    const t = await school(5);
    await t.call('auth.lock');
    expect(await codeOf(t.call('backups.upload', { id: null, offset: 0, data: 'AAAA' }))).toBe('api.forbidden');
    expect(await codeOf(t.call('backups.restore', { source: { place: 'local', name: 'home-20261128-090000-daily.sqlite' }, password: null }))).toBe('api.forbidden');
    expect(await codeOf(t.call('backups.restoreLatest'))).toBe('api.forbidden');
  });

  it('the day\'s backup is taken at the first start of each local day, by the core\'s clock', { timeout: 60_000 }, async () => {
    const t = await school(5);
    const local = () => fs.readdirSync(path.join(t.dataDir, 'backups')).filter((n) => parseBackupName(n)?.reason === 'daily');
    expect(await t.core.vault.dailyIfDue()).not.toBeNull();
    expect(await t.core.vault.dailyIfDue()).toBeNull();
    t.clock.set(t.clock.now() + 24 * 3600_000);
    expect(await t.core.vault.dailyIfDue()).not.toBeNull();
    expect(local()).toHaveLength(2);
  });
});
