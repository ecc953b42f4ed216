import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../tests/helpers/core.js';
import { backupName, parseBackupName } from './files.js';
import { DEFAULT_KEEP, keptBackups, prune } from './retention.js';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const touch = (at: number, reason: string) => {
  const name = backupName(at, reason);
  fs.writeFileSync(path.join(dir, name), 'x');
  fs.writeFileSync(path.join(dir, name + '.json'), '{}');
  return name;
};
const kept = () => fs.readdirSync(dir).map(parseBackupName).filter((b) => b !== null).sort((a, b) => a.at - b.at);

describe('the retention rule', () => {
  it('over a year of days keeps the last 7 days, 4 weeks and 12 months, and nothing else', () => {
    dir = tempDataDir('home-desk-keep-');
    const start = dayjs('2025-11-01T08:00:00');
    let last = start;
    for (let d = 0; d < 400; d++) {
      const day = start.add(d, 'day');
      touch(day.valueOf(), 'daily');
      touch(day.hour(17).valueOf(), 'close');
      prune(dir, DEFAULT_KEEP, day.hour(17).valueOf());
      last = day;
    }
    const left = kept();
    const days = new Set(left.map((b) => dayjs(b.at).format('YYYY-MM-DD')));
    // The newest backup of each of the last 7 days …
    for (let i = 0; i < 7; i++) {
      const day = last.subtract(i, 'day');
      expect(left.find((b) => b.at === day.hour(17).valueOf())?.reason).toBe('close');
    }
    // … one in each of the last 4 weeks and 12 months, and no more than the rule allows.
    const months = new Set(left.map((b) => dayjs(b.at).format('YYYY-MM')));
    expect(months.size).toBe(12);
    expect(left.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(left.length).toBe(days.size);
    expect(left[0]!.at).toBeGreaterThanOrEqual(last.subtract(12, 'month').valueOf());
    // Sidecars go with their backups.
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(left.length);
  });

  it('a clock set back never deletes the newest backups, and other files in the folder are left alone', () => {
    dir = tempDataDir('home-desk-keep-back-');
    const now = dayjs('2026-11-28T09:00:00');
    const names = Array.from({ length: 10 }, (_, i) => touch(now.subtract(i, 'day').valueOf(), 'daily'));
    fs.writeFileSync(path.join(dir, '老师自己的文件.sqlite'), 'mine');
    // The battery died: the PC thinks it is a year ago, and takes a backup then.
    const back = touch(now.subtract(1, 'year').valueOf(), 'daily');
    prune(dir, DEFAULT_KEEP, now.subtract(1, 'year').valueOf());
    const left = fs.readdirSync(dir);
    for (const n of names.slice(0, 7)) expect(left).toContain(n);
    expect(left).toContain('老师自己的文件.sqlite');
    // The set-back one is the oldest by its name: its month is one of the 12 kept.
    expect(left).toContain(back);
  });

  it('the same rule keeps the newest of a day, whatever the reason', () => {
    const at = dayjs('2026-11-28T09:00:00').valueOf();
    const list = [
      { name: backupName(at, 'before-migration-v100-from-v90'), at },
      { name: backupName(at + 1000, 'daily'), at: at + 1000 },
    ];
    expect([...keptBackups(list, { days: 1, weeks: 0, months: 0 })]).toEqual([list[1]!.name]);
  });
});
