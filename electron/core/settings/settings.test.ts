import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';
import { write } from '../db/write.js';

let t: TestCore;
afterEach(() => t.cleanup());

const base = { schoolName: SETUP.schoolName, roomName: SETUP.roomName, language: 'zh-CN' as const, idleLockMinutes: 10 };

describe('settings', () => {
  it('updates the school and writes an audit row with what changed', async () => {
    t = await makeSetUpCore();
    await t.call('settings.update', { ...base, schoolName: '青山镇第二小学', idleLockMinutes: 15 });
    expect(await t.call('settings.get')).toEqual({ ...base, schoolName: '青山镇第二小学', idleLockMinutes: 15 });
    const [row] = await t.call('audit.list', { limit: 1 });
    expect(row?.action).toBe('settings.update');
    expect(JSON.parse(row!.detail!)).toEqual({
      schoolName: { from: SETUP.schoolName, to: '青山镇第二小学' },
      idleLockMinutes: { from: 10, to: 15 },
    });
  });

  it('refuses an empty or overlong school name and keeps the old one', async () => {
    t = await makeSetUpCore();
    expect(await codeOf(t.call('settings.update', { ...base, schoolName: ' \u3000 ' }))).toBe('input.invalid');
    expect(await codeOf(t.call('settings.update', { ...base, schoolName: '校'.repeat(51) }))).toBe('input.invalid');
    expect(await codeOf(t.call('settings.update', { ...base, idleLockMinutes: 0 }))).toBe('input.invalid');
    expect((await t.call('settings.get')).schoolName).toBe(SETUP.schoolName);
  });

  it('remembers the language, also from the lock screen', async () => {
    t = await makeSetUpCore();
    await t.call('auth.lock');
    await t.call('app.setLanguage', { language: 'en' });
    expect((await t.call('app.info')).language).toBe('en');
    expect(await codeOf(t.callRaw('app.setLanguage', { language: 'fr' }))).toBe('input.invalid');
  });
});

describe('terms', () => {
  it('adds, edits and removes terms, newest first', async () => {
    t = await makeSetUpCore();
    const spring = await t.call('terms.add', { name: '2027年春季学期', start: '2027-02-20', end: '2027-07-05' });
    await t.call('terms.update', { id: spring.id, name: '2027年春季学期', start: '2027-02-22', end: '2027-07-05' });
    expect((await t.call('terms.list')).map((x) => [x.name, x.start])).toEqual([
      ['2027年春季学期', '2027-02-22'],
      ['2026年秋季学期', '2026-09-01'],
    ]);
    await t.call('terms.remove', { id: spring.id });
    expect(await t.call('terms.list')).toHaveLength(1);
    const actions = (await t.call('audit.list', { limit: 3 })).map((a) => a.action);
    expect(actions).toEqual(['terms.remove', 'terms.update', 'terms.add']);
  });

  it('refuses overlapping terms, end before start, impossible dates and duplicate names', async () => {
    t = await makeSetUpCore();
    const overlap = await t.core.call(t.desk, 'terms.add', { name: '冬令营', start: '2027-01-10', end: '2027-02-10' });
    expect(overlap).toEqual({
      ok: false,
      error: { code: 'terms.overlap', params: { name: '2026年秋季学期', start: '2026-09-01', end: '2027-01-20' } },
    });
    expect(await codeOf(t.call('terms.add', { name: '春季', start: '2027-07-01', end: '2027-02-01' }))).toBe('input.invalid');
    expect(await codeOf(t.call('terms.add', { name: '春季', start: '2027-02-30', end: '2027-07-01' }))).toBe('input.invalid');
    expect(await codeOf(t.call('terms.add', { name: '2026年秋季学期', start: '2027-02-01', end: '2027-07-01' }))).toBe(
      'input.invalid',
    );
    expect(await t.call('terms.list')).toHaveLength(1);
  });

  it('the database itself refuses an overlap that slips past the service', async () => {
    t = await makeSetUpCore();
    expect(() =>
      write(t.core.db, () => t.core.db.prepare("INSERT INTO terms (name, start_date, end_date) VALUES ('x', '2026-10-01', '2026-10-02')").run()),
    ).toThrow('terms.overlap');
  });
});
