import path from 'node:path';
import dayjs from 'dayjs';
import { parseArgs } from 'node:util';
import { openCore } from '../core/app.js';
import { settableClock, systemClock } from '../core/clock.js';
import { defaultDataDir } from '../core/paths.js';
import { seedDemo } from '../core/demo/demo.js';
import { seedDemoRota } from '../core/demo/rota.js';
import { seedVisits } from '../core/demo/visits.js';
import { seedCatalogue, seedLoans } from '../core/demo/library.js';
import { seedBirthdays, seedCalls } from '../core/demo/calls.js';
import { seedEvents } from '../core/demo/events.js';
import { seedCare } from '../core/demo/care.js';
import { DEFAULT_HOURS } from '../../shared/domain/hours.js';
import { createChildrenService } from '../core/children/children.service.js';
import { dayOf } from '../../shared/domain/dates.js';

const USAGE = `usage: npm run seed -- [--data DIR] [--children 150] [--copies 800] [--years 1] [--seed 1] [--now ISO]
Fills a data folder with a made-up school for demos, tests and benchmarks. On an empty folder it first
runs the setup: school 青山镇中心小学, administrator 李校长 with PIN 123456. It adds a reading room of
about --copies copies (a few hundred real children's book titles), and --years years of visits and
loans, family calls, group birthdays and events before today (0 for none).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      children: { type: 'string', default: '150' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string', default: '1' },
      copies: { type: 'string', default: '800' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // Every option is checked before anything is written.
  const count = Number(values.children);
  if (!Number.isInteger(count) || count < 0 || count > 100_000) throw new Error('--children: a whole number up to 100000');
  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 0 || years > 20) throw new Error('--years: a whole number from 0 to 20');
  const copies = Number(values.copies);
  if (!Number.isInteger(copies) || copies < 0 || copies > 100_000) throw new Error('--copies: a whole number up to 100000');
  const clock = values.now ? settableClock(Date.parse(values.now)) : systemClock;
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const core = openCore({ dataDir, clock });
  try {
    const session = core.openSession('system');
    const info = await core.call(session, 'app.info', {});
    if (info.ok && !(info.value as { setupDone: boolean }).setupDone) {
      const today = dayOf(clock.now());
      const year = Number(today.slice(0, 4));
      const autumn = today.slice(5) >= '08-01';
      const setup = await core.call(session, 'setup.run', {
        schoolName: '青山镇中心小学',
        roomName: '留守儿童之家',
        language: 'zh-CN',
        term: autumn
          ? { name: `${year}年秋季学期`, start: `${year}-09-01`, end: `${year + 1}-01-31` }
          : { name: `${year}年春季学期`, start: `${year}-02-15`, end: `${year}-07-10` },
        admin: { name: '李校长', pin: '123456' },
      });
      if (!setup.ok) throw new Error(`setup failed: ${JSON.stringify(setup.error)}`);
      console.log('Set up 青山镇中心小学; administrator 李校长, PIN 123456.');
    }
    const now = clock.now();
    // With years of history, the children's records date from its start (they were in school all along).
    const since = years > 0 ? dayjs(dayOf(now)).subtract(years, 'year').valueOf() : now;
    const made = await seedDemo(core.db, createChildrenService(core.db), { children: count, seed: Number(values.seed), today: dayOf(now), now: since });
    seedDemoRota(core.db);
    console.log(`Added ${made.children} children and ${made.teachers} mentor teachers to ${dataDir}.`);
    if (copies > 0) {
      const books = seedCatalogue(core.db, { copies, seed: Number(values.seed), today: dayOf(now), now });
      console.log(`Added ${books.titles} titles and ${books.copies} copies.`);
    }
    if (years > 0) {
      const visits = seedVisits(core.db, { years, today: dayOf(now), hours: DEFAULT_HOURS, seed: Number(values.seed) });
      console.log(`Added ${visits} visits over ${years} year(s).`);
      const loans = seedLoans(core.db, { years, today: dayOf(now), seed: Number(values.seed), perDay: Math.max(1, count / 40) });
      console.log(`Added ${loans} loans over ${years} year(s).`);
      const calls = seedCalls(core.db, { years, today: dayOf(now), seed: Number(values.seed) });
      const b = seedBirthdays(core.db, { years, today: dayOf(now), seed: Number(values.seed), now });
      console.log(`Added ${calls} family calls, ${b.lunar} lunar birthdays and ${b.parties} group birthdays over ${years} year(s).`);
      const ev = seedEvents(core.db, { years, today: dayOf(now), seed: Number(values.seed), now });
      console.log(`Added ${ev.events} events with ${ev.signups} sign-ups over ${years} year(s).`);
      const care = seedCare(core.db, { years, today: dayOf(now), seed: Number(values.seed), now });
      console.log(`Added ${care.pairings} pairings, ${care.talks} talks, ${care.visits} home visits and ${care.guardians} guardian contacts over ${years} year(s).`);
    }
  } finally {
    core.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
