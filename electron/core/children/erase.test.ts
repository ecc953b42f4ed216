import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import { removeChildFromBackups } from './scrub.js';

let t: TestCore;
afterEach(() => t.cleanup());

const NAME = '欧阳独一无二';
const bytes = Buffer.from(NAME, 'utf8');
const inFile = (file: string) => fs.existsSync(file) && fs.readFileSync(file).includes(bytes);
const live = () => path.join(t.dataDir, 'home.sqlite');
const traces = () => inFile(live()) || inFile(`${live()}-wal`);

/** A child with a visit, a call and a returned loan: rows in every table keyed to a child. */
async function childWithHistory() {
  const c = await t.call('children.create', { ...ZHANG, name: NAME });
  await t.call('attendance.signIn', { childId: c.id });
  await t.call('calls.log', { childId: c.id, contactId: c.contacts[0]!.id, kind: 'voice', direction: 'out', note: `${NAME}想爸爸` });
  await t.call('library.createBook', { book: { title: '草房子' }, copies: { count: 1 } });
  await t.call('library.lend', { childId: c.id, barcode: '000001' });
  await t.call('library.return', { barcode: '000001' });
  return c;
}

describe('deleting a child really deletes', () => {
  it('a reader holding the WAL: the answer says the file is not clear yet, and the retried checkpoint clears it', async () => {
    t = await makeSetUpCore();
    const c = await childWithHistory();
    expect(traces()).toBe(true);
    const reader = new Database(live());
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM children').get();
      const r = await t.call('children.remove', { id: c.id, confirmName: NAME });
      // Committed (the child is gone), but never "fully deleted" while the old pages may be in the -wal file.
      expect(r).toMatchObject({ ok: true, fileCleared: false });
      expect(t.core.db.prepare('SELECT count(*) FROM children').pluck().get()).toBe(0);
      expect(traces()).toBe(true);
      reader.exec('COMMIT');
      // The app keeps trying in the background; once the reader let go, no byte of the name is left.
      await vi.waitFor(() => expect(traces()).toBe(false), { timeout: 20_000, interval: 250 });
      expect(fs.statSync(`${live()}-wal`).size).toBe(0);
    } finally {
      reader.close();
    }
  });

  it('with no reader, the answer says the file is clear and it is', async () => {
    t = await makeSetUpCore();
    const c = await childWithHistory();
    const r = await t.call('children.remove', { id: c.id, confirmName: NAME });
    expect(r).toEqual({ ok: true, fileCleared: true, backups: { cleaned: [], unreachable: [] } });
    expect(traces()).toBe(false);
    for (const table of ['visits', 'calls', 'loans', 'contacts']) {
      expect(t.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
  });

  it('saved term summaries keep their counts and lose the name', async () => {
    t = await makeSetUpCore();
    const c = await childWithHistory();
    const other = await t.call('children.create', { ...ZHANG, name: '李雷' });
    const saved = await t.call('summary.save', {
      from: '2026-11-01',
      to: '2026-11-28',
      title: '2026年11月',
      language: 'zh-CN',
      paragraph: `本月${NAME}读书最多，李雷也来了。`,
    });
    expect(saved.figures.library.topReaders.map((x) => x.name)).toContain(NAME);
    await t.call('children.remove', { id: c.id, confirmName: NAME });
    const after = await t.call('summary.snapshot', { id: saved.id });
    expect(after.paragraph).toBe('本月（已删除）读书最多，李雷也来了。');
    expect(after.figures.library.topReaders).toEqual(saved.figures.library.topReaders.map((x) => (x.childId === c.id ? { ...x, name: '（已删除）' } : x)));
    expect(after.figures.contact.missed.map((x) => x.name)).not.toContain(NAME);
    expect(after.figures.contact.missed.map((x) => x.childId === other.id && x.name).filter(Boolean)).toEqual(
      saved.figures.contact.missed.filter((x) => x.childId === other.id).map((x) => x.name),
    );
    // Counts are as saved.
    expect({ ...after.figures, library: null, contact: { ...after.figures.contact, missed: after.figures.contact.missed.length } }).toEqual({
      ...saved.figures,
      library: null,
      contact: { ...saved.figures.contact, missed: saved.figures.contact.missed.length },
    });
    expect(JSON.stringify(after)).not.toContain(NAME);
    expect(traces()).toBe(false);
  });

  it('the backups the app can reach lose the child too; the others are named with the reason', async () => {
    t = await makeSetUpCore();
    const dir = path.join(t.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const db = t.core.db;
    await db.backup(path.join(dir, 'home-20261101-090000-daily.sqlite'));
    const c = await childWithHistory();
    await t.call('children.create', { ...ZHANG, name: '李雷' });
    const withChild = path.join(dir, 'home-20261102-090000-daily.sqlite');
    await db.backup(withChild);
    // Its sidecar, as the backup module writes it: the restore list's counts.
    fs.writeFileSync(`${withChild}.json`, JSON.stringify({ at: 0, reason: 'daily', userVersion: 0, tables: { children: 2 } }));
    // The same id and name in another school's file (another card code): not this child, kept.
    const namesake = path.join(dir, 'home-20261103-090000-manual.sqlite');
    await db.backup(namesake);
    const other = new Database(namesake);
    other.prepare("UPDATE children SET card_code = 'CANOTHERSCHOOL' WHERE id = ?").run(c.id);
    other.close();
    const online = path.join(dir, 'home-20261104-090000-close.sqlite');
    await db.backup(online);
    fs.writeFileSync(path.join(dir, 'home-20261105-090000-daily.sqlite.enc'), Buffer.concat([Buffer.from('HDBACKUP'), Buffer.alloc(64, 7)]));
    fs.writeFileSync(path.join(dir, 'home-20261106-090000-daily.sqlite'), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 0xab)]));
    for (const f of [withChild, online]) expect(inFile(f)).toBe(true);

    const r = await t.call('children.remove', { id: c.id, confirmName: NAME });
    // The backup module's own names (files.ts), as listed by the vault: newest first.
    expect(r.backups.cleaned.map((f) => path.basename(f)).sort()).toEqual([
      'home-20261101-090000-daily.sqlite',
      'home-20261102-090000-daily.sqlite',
      'home-20261103-090000-manual.sqlite',
      'home-20261104-090000-close.sqlite',
    ]);
    expect(r.backups.unreachable.map((u) => [path.basename(u.file), u.reason])).toEqual([
      ['home-20261106-090000-daily.sqlite', 'damaged'],
      ['home-20261105-090000-daily.sqlite.enc', 'encrypted'],
    ]);
    for (const f of [withChild, online]) {
      expect(inFile(f)).toBe(false);
      expect(inFile(`${f}-wal`)).toBe(false);
      const b = new Database(f, { readonly: true });
      expect(b.prepare('SELECT name FROM children').pluck().all()).toEqual(['李雷']);
      expect(b.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(0);
      expect(b.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(0);
      expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
      b.close();
    }
    expect(inFile(namesake)).toBe(true);
    // The restore list counts what the cleaned backup holds now.
    expect(JSON.parse(fs.readFileSync(`${withChild}.json`, 'utf8')).tables.children).toBe(1);
    const audit = (await t.call('audit.list', { limit: 5 })).find((a) => a.action === 'children.removeBackups');
    expect(JSON.parse(audit!.detail!)).toEqual({ cleaned: 4, unreachable: ['damaged', 'encrypted'] });
    // A backup listed by the backup module but gone (a USB stick taken out) is named as missing.
    expect(removeChildFromBackups([path.join(dir, 'gone.sqlite')], { id: c.id, cardCode: c.cardCode })).toEqual({
      cleaned: [],
      unreachable: [{ file: path.join(dir, 'gone.sqlite'), reason: 'missing' }],
    });
  });
});
