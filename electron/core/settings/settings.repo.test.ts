import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open.js';
import { latestVersion, migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { DEFAULT_HOURS } from '../../../shared/domain/hours.js';
import { DEFAULT_CALL_RULES } from '../../../shared/domain/calls.js';
import { createSettingsRepo, SETTING } from './settings.repo.js';

let db: Db;
afterEach(() => db.close());

function open(): Db {
  db = openDatabase(':memory:', { maxVersion: latestVersion(migrations) });
  migrate(db, migrations);
  return db;
}
const raw = (key: string) => db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(key);
const put = (key: string, value: string) => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, value);

describe('settings repo', () => {
  it('reads each setting as its default until it is written', () => {
    const repo = createSettingsRepo(open());
    expect(repo.read(SETTING.schoolName)).toBe('');
    expect(repo.read(SETTING.language)).toBe('zh-CN');
    expect(repo.read(SETTING.idleLockMinutes)).toBe(10);
    expect(repo.read(SETTING.setupDoneAt)).toBeNull();
    expect(repo.read(SETTING.openingHours)).toEqual(DEFAULT_HOURS);
    expect(repo.read(SETTING.callRules)).toEqual(DEFAULT_CALL_RULES);
  });

  it('keeps the stored text as before: plain values as text, the others as JSON', () => {
    const repo = createSettingsRepo(open());
    repo.write(SETTING.idleLockMinutes, 15);
    repo.write(SETTING.language, 'en');
    repo.write(SETTING.callRules, { noContactDays: 21 });
    const hours = DEFAULT_HOURS.map((h, day) => (day === 0 ? { open: '09:00', close: '12:00' } : h));
    repo.write(SETTING.openingHours, hours);
    expect(raw('idleLockMinutes')).toBe('15');
    expect(raw('language')).toBe('en');
    expect(raw('callRules')).toBe('{"noContactDays":21}');
    expect(raw('openingHours')).toBe(JSON.stringify(hours));
    expect(repo.read(SETTING.idleLockMinutes)).toBe(15);
    expect(repo.read(SETTING.callRules)).toEqual({ noContactDays: 21 });
    expect(repo.read(SETTING.openingHours)).toEqual(hours);
  });

  it('reads a value that no longer fits its schema, or is not JSON, as the default', () => {
    const repo = createSettingsRepo(open());
    put('language', 'fr');
    put('idleLockMinutes', '0');
    put('callRules', '{"noContactDays":0}');
    put('openingHours', '[not json');
    expect(repo.read(SETTING.language)).toBe('zh-CN');
    expect(repo.read(SETTING.idleLockMinutes)).toBe(10);
    expect(repo.read(SETTING.callRules)).toEqual(DEFAULT_CALL_RULES);
    expect(repo.read(SETTING.openingHours)).toEqual(DEFAULT_HOURS);
  });

  it('knows the term a day falls in', () => {
    const repo = createSettingsRepo(open());
    const id = repo.insertTerm('2026年秋季学期', '2026-09-01', '2027-01-20');
    expect(repo.termOn('2026-09-01')?.id).toBe(id);
    expect(repo.termOn('2027-01-20')?.id).toBe(id);
    expect(repo.termOn('2027-01-21')).toBeUndefined();
  });
});
