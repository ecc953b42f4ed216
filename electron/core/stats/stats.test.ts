import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../tests/helpers/core.js';
import { mondayOf } from '../../../shared/domain/dates.js';
import { DEFAULT_HOURS } from '../../../shared/domain/hours.js';
import { createChildrenService } from '../children/children.service.js';
import { seedDemo } from '../demo/demo.js';
import { seedVisits } from '../demo/visits.js';
import { seedCatalogue, seedLoans } from '../demo/library.js';
import { seedBirthdays, seedCalls } from '../demo/calls.js';
import { seedEvents } from '../demo/events.js';

let t: TestCore;
afterEach(() => t.cleanup());

const TODAY = '2026-11-28';

/** A small demo school with a year of everything, as `npm run seed` makes it (records from a year ago). */
async function demoSchool(): Promise<void> {
  t = await makeSetUpCore();
  const db = t.core.db;
  const now = t.clock.now();
  const since = dayjs(TODAY).subtract(1, 'year').valueOf();
  await seedDemo(db, createChildrenService(db), { children: 80, seed: 5, today: TODAY, now: since });
  seedCatalogue(db, { copies: 300, seed: 5, today: TODAY, now });
  seedVisits(db, { years: 1, today: TODAY, hours: DEFAULT_HOURS, seed: 5 });
  seedLoans(db, { years: 1, today: TODAY, seed: 5, perDay: 3 });
  seedCalls(db, { years: 1, today: TODAY, seed: 5 });
  seedBirthdays(db, { years: 1, today: TODAY, seed: 5, now });
  seedEvents(db, { years: 1, today: TODAY, seed: 5, now });
}

/** Children who attended a session of an autumn event leave before the term ends: they still took part. */
async function someLeave(): Promise<number> {
  const past = await t.call('events.list', { when: 'past' });
  const held = past.filter((e) => e.status === 'held' && dayjs(e.startsAt).isAfter('2026-09-01'));
  const attended = new Set<number>();
  for (const e of held) {
    const d = await t.call('events.get', { id: e.id });
    for (const ids of Object.values(d.attendance)) ids.forEach((id) => attended.add(id));
  }
  const leaving = [...attended].slice(0, 3);
  for (const id of leaving) await t.call('children.archive', { id, leftDate: '2026-11-20', reason: '转学' });
  return leaving.length;
}

describe('one definition per figure', () => {
  it('the library’s, the events’ and the room’s figures agree with the term summary on the demo school', async () => {
    await demoSchool();
    expect(await someLeave()).toBe(3);
    const ranges: [string, string][] = [
      ['2026-02-15', '2026-07-10'],
      ['2026-09-01', '2027-01-20'],
      ['2025-11-28', TODAY],
    ];
    for (const [from, to] of ranges) {
      const f = await t.call('summary.compute', { from, to });

      const lib = await t.call('library.stats', { from, to });
      expect(lib.loans, `${from} loans`).toBeGreaterThan(0);
      expect({ loans: lib.loans, readers: lib.readers, topReaders: lib.topReaders, topTitles: lib.topTitles.map(({ author: _, ...x }) => x) }).toEqual({
        loans: f.library.loans,
        readers: f.library.readers,
        topReaders: f.library.topReaders,
        topTitles: f.library.topTitles,
      });

      const ev = await t.call('events.stats', { from, to });
      expect(ev.attendances, `${from} attendances`).toBeGreaterThan(0);
      const { sessions: _s, list: _l, ...counted } = f.events;
      expect({ held: ev.held.map(({ categoryId: _, ...h }) => h), signups: ev.signups, attendances: ev.attendances, takingPart: ev.takingPart }).toEqual(counted);
      // The share of children taking part has the summary's denominator.
      expect(ev.activeChildren).toBe(f.children.active);

      const days = await t.call('attendance.stats', { from, to });
      expect(days.length, `${from} days open`).toBeGreaterThan(0);
      expect(days.length).toBe(f.room.daysOpen);
      expect(days.reduce((n, d) => n + d.visits, 0)).toBe(f.room.visits);
      const weeks = new Map<string, number>();
      const weekdays = new Map<number, number>();
      for (const d of days) {
        weeks.set(mondayOf(d.day), (weeks.get(mondayOf(d.day)) ?? 0) + d.visits);
        weekdays.set(dayjs(d.day).day(), (weekdays.get(dayjs(d.day).day()) ?? 0) + d.visits);
      }
      expect(f.room.byWeek).toEqual([...weeks].map(([week, visits]) => ({ week, visits })));
      expect(f.room.busiestWeekday?.visits).toBe(Math.max(...weekdays.values()));
      expect(weekdays.get(f.room.busiestWeekday!.weekday)).toBe(f.room.busiestWeekday!.visits);
      expect(Math.max(...days.map((d) => d.children))).toBeLessThanOrEqual(f.room.distinctChildren);
    }
  });
});
