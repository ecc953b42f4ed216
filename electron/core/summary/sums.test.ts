import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';
import type { SummaryFigures } from '../../../shared/domain/summary.js';
import { draftParagraph } from '../../../shared/domain/summaryText.js';
import { DEFAULT_HOURS } from '../../../shared/domain/hours.js';
import { dayOf } from '../../../shared/domain/dates.js';
import { openDatabase } from '../db/open.js';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { createChildrenService } from '../children/children.service.js';
import { createStats } from '../stats/stats.js';
import { createSummaryService } from './summary.service.js';
import { seedDemo } from '../demo/demo.js';
import { seedCatalogue, seedLoans } from '../demo/library.js';
import { seedVisits } from '../demo/visits.js';
import { seedBirthdays, seedCalls } from '../demo/calls.js';
import { seedEvents } from '../demo/events.js';

let t: TestCore | undefined;
afterEach(() => t?.cleanup());

/** Each breakdown of the summary with the headline it must add up to: [what, sum of the parts, headline]. */
function breakdowns(f: SummaryFigures): [string, number, number][] {
  const sum = (xs: readonly { children: number }[]) => xs.reduce((n, x) => n + x.children, 0);
  return [
    ['children by grade', sum(f.children.byGrade), f.children.active],
    ['children by category', sum(f.children.byCategory!), f.children.active],
    ['children by who is away', sum(f.children.byAway), f.children.active],
    ['children by whom they live with', sum(f.children.livesWith!), f.children.active],
    ['visits by week', f.room.byWeek.reduce((n, w) => n + w.visits, 0), f.room.visits],
    ['events by kind', f.events.held.reduce((n, e) => n + e.events, 0), f.events.list!.length],
    ['contacts by month', f.contact.byMonth.reduce((n, m) => n + m.voice + m.video + m.letters, 0), f.contact.voice + f.contact.video + f.contact.letters],
  ];
}

function expectSums(f: SummaryFigures): void {
  for (const [what, parts, total] of breakdowns(f)) expect(parts, what).toBe(total);
  // The busiest day is a day of the range and no bigger than the busiest weekday summed over the term.
  if (f.room.busiestDay && f.room.busiestWeekday) {
    expect(f.room.busiestDay.visits).toBeLessThanOrEqual(f.room.busiestWeekday.visits);
    expect(dayjs(f.room.busiestDay.day).day()).toBeGreaterThanOrEqual(0);
  }
  // Participants of each event are children who took part in the range.
  for (const e of f.events.list!) expect(e.participants).toBeLessThanOrEqual(f.events.takingPart);
  // The paragraph's headline is the same population as its breakdowns.
  const zh = draftParagraph(f, 'zh-CN', '青山镇中心小学', (_k, n) => n ?? '其他');
  expect(zh).toContain(`共服务儿童${f.children.active}名`);
}

describe('every breakdown of the summary sums to its headline', () => {
  it('on the demo school', async () => {
    t = makeCore();
    await t.call('setup.run', { ...SETUP, demo: true });
    const [admin] = await t.call('auth.lockList');
    await t.call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });
    const today = dayOf(t.clock.now());
    // The demo's term, as the seed command fills it: visits, loans, calls, birthdays and events.
    const db = t.core.db;
    seedVisits(db, { years: 1, today, hours: DEFAULT_HOURS, seed: 3 });
    seedLoans(db, { years: 1, today, seed: 3, perDay: 3 });
    seedCalls(db, { years: 1, today, seed: 3 });
    seedBirthdays(db, { years: 1, today, seed: 3, now: t.clock.now() });
    seedEvents(db, { years: 1, today, seed: 3, now: t.clock.now() });
    const f = await t.call('summary.compute', { from: dayjs(today).subtract(3, 'month').format('YYYY-MM-DD'), to: today });
    expect(f.children.active).toBeGreaterThan(100);
    expect(f.children.byCategory!.find((c) => c.category === 'leftBehind')!.children).toBeGreaterThan(0);
    expectSums(f);
  }, 60_000);

  it('on a generated school with a year of visits, loans, calls, birthdays and events', async () => {
    const db = openDatabase(':memory:');
    migrate(db, migrations);
    const now = Date.parse('2026-11-28T09:00:00+08:00');
    const today = '2026-11-28';
    const since = dayjs(today).subtract(1, 'year').valueOf();
    await seedDemo(db, createChildrenService(db), { children: 90, seed: 7, today, now: since });
    seedCatalogue(db, { copies: 200, seed: 7, today, now });
    seedVisits(db, { years: 1, today, hours: DEFAULT_HOURS, seed: 7 });
    seedLoans(db, { years: 1, today, seed: 7, perDay: 2 });
    seedCalls(db, { years: 1, today, seed: 7 });
    seedBirthdays(db, { years: 1, today, seed: 7, now });
    seedEvents(db, { years: 1, today, seed: 7, now });
    const f = createSummaryService(createStats(db)).compute('2026-09-01', today);
    expect(f.room.visits).toBeGreaterThan(0);
    expect(f.events.list!.length).toBeGreaterThan(0);
    expectSums(f);
    db.close();
  }, 120_000);
});
