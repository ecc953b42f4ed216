import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openCore } from './electron/core/app.js';
import { tempDataDir, SETUP } from './tests/helpers/core.js';
import { seedDemo } from './electron/core/demo/demo.js';
import { seedVisits } from './electron/core/demo/visits.js';
import { seedCatalogue, seedLoans } from './electron/core/demo/library.js';
import { seedCalls, seedBirthdays } from './electron/core/demo/calls.js';
import { createChildrenService } from './electron/core/children/children.service.js';
import { DEFAULT_HOURS } from './shared/domain/hours.js';
import { settableClock } from './electron/core/clock.js';

const N = Number(process.env.N ?? 2000);
const dir = tempDataDir('zz-review-bench-');
const now = Date.parse('2026-11-27T16:00:00+08:00');
const core = openCore({ dataDir: dir, clock: settableClock(now) });
try {
const admin = core.openSession('system');
await core.call(admin, 'setup.run', { ...SETUP, admin: { name: '李校长', pin: '123456' } });
await seedDemo(core.db, createChildrenService(core.db), { children: N, seed: 3, today: '2026-11-27', now });
console.log('visits', seedVisits(core.db, { years: 10, today: '2026-11-27', hours: DEFAULT_HOURS, seed: 3 }));
seedCatalogue(core.db, { copies: 800, seed: 3, today: '2026-11-27', now });
console.log('loans', seedLoans(core.db, { years: 10, today: '2026-11-27', seed: 3, perDay: Math.max(1, N / 40) }));
console.log('calls', seedCalls(core.db, { years: 10, today: '2026-11-27', seed: 3 }));
console.log(seedBirthdays(core.db, { years: 10, today: '2026-11-27', seed: 3, now }));
const kiosk = core.openSession('kiosk');
const ids = core.db.prepare("SELECT id FROM children WHERE status = 'active' ORDER BY id").pluck().all() as number[];
for (const id of ids.slice(0, Math.min(1000, ids.length / 2))) await core.call(kiosk, 'kiosk.toggle', { childId: id });
const t = core.openSession('system');
for (const [name, input] of [['today.overview', {}], ['calls.callHome', {}], ['calls.monthly', { month: '2026-11' }], ['birthdays.list', { from: '2026-11-23', to: '2026-11-29' }], ['birthdays.list', { from: '2026-12-01', to: '2026-12-31' }], ['calls.list', { from: '2025-11-28', to: '2026-11-27' }]] as const) {
  const xs: number[] = [];
  let r: any;
  for (let i = 0; i < 20; i++) { const t0 = performance.now(); r = await core.call(t, name, input); xs.push(performance.now() - t0); }
  xs.sort((a, b) => a - b);
  console.log(name, JSON.stringify(input), r.ok ? '' : r.error, 'p50', xs[10]!.toFixed(1), 'max', xs[19]!.toFixed(1), Array.isArray(r.value) ? `rows=${r.value.length}` : '');
}
const o: any = (await core.call(t, 'today.overview', {})).value;
console.log('inRoom', o.inRoom.count, 'callHome', o.callHome.count, 'bdaysWeek', o.birthdaysWeek.length, 'overdue', o.overdue.count);
console.log('total calls', core.db.prepare('select count(*) from calls').pluck().get(), 'last year', core.db.prepare("select count(*) from calls where day between '2025-11-28' and '2026-11-27'").pluck().get());
console.log('lunar children', core.db.prepare('select count(*) from children where lunar_month is not null').pluck().get(), 'active', ids.length);
} finally {
core.close();
fs.rmSync(dir, { recursive: true, force: true });
}
