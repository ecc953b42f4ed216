import { afterEach, expect, it } from 'vitest';
import { makeCore, SETUP, type TestCore } from '../../tests/helpers/core.js';

let t: TestCore;
afterEach(() => t.cleanup());

// The core checks every answer against its contract's output schema in tests: reading every screen's data
// of the demo school (nulls, lunar birthdays, loans, events, calls of every kind) proves the schemas describe it.
it('answers every query of the demo school within its output schema', async () => {
  t = makeCore();
  await t.call('setup.run', { ...SETUP, demo: true });
  const [admin] = await t.call('auth.lockList');
  await t.call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });
  const { today } = await t.call('app.info');
  const from = SETUP.term.start;
  const range = { from, to: today };

  const children = await t.call('children.list', { status: 'all', limit: 5000 });
  expect(children.length).toBeGreaterThan(100);
  for (const { id } of children.slice(0, 30)) {
    await t.call('children.get', { id });
    await t.call('calls.ofChild', { childId: id });
    await t.call('events.ofChild', { childId: id });
    await t.call('library.borrower', { childId: id });
    await t.call('library.childHistory', { childId: id });
    await t.call('attendance.childVisits', { childId: id, ...range });
  }
  await t.call('children.list', { incomplete: true });
  await t.call('children.completeness');
  await t.call('children.classes');
  await t.call('children.printData', { kind: 'cards', filter: {} });
  await t.call('children.export', {});
  for (const day of [from, today]) {
    await t.call('attendance.board', { day });
    await t.call('attendance.register', { day });
  }
  await t.call('attendance.stats', range);

  const books = await t.call('library.books', { limit: 10000 });
  for (const { id } of books.slice(0, 30)) {
    const { copies } = await t.call('library.book', { id });
    if (copies[0]) await t.call('library.scan', { code: copies[0].barcode });
  }
  await t.call('library.loans', { status: 'overdue' });
  await t.call('library.printOverdue', {});
  await t.call('library.stats', range);
  await t.call('library.categories');

  await t.call('calls.list', range);
  await t.call('calls.callHome');
  await t.call('calls.rules');
  for (const month of [from.slice(0, 7), today.slice(0, 7)]) {
    await t.call('calls.monthly', { month });
    await t.call('birthdays.month', { month });
    await t.call('birthdays.printMonth', { month });
  }
  await t.call('birthdays.list', { from, to: SETUP.term.end });
  await t.call('today.overview');

  // The wizard's demo has no events: one with a waitlist, taken attendance and a child's history.
  const startsAt = Date.parse(`${today}T15:00:00+08:00`) + 86_400_000;
  const { event } = await t.call('events.create', { title: '歌唱比赛', startsAt, endsAt: startsAt + 3_600_000, capacity: 1, grades: [1, 2, 3, 4, 5, 6] });
  for (const { id } of children.slice(0, 2)) await t.call('events.signUp', { eventId: event.id, childId: id });
  t.clock.set(startsAt + 3_600_000);
  await t.call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });
  const detail = await t.call('events.attendance', { sessionId: (await t.call('events.get', { id: event.id })).sessions[0]!.id, present: [children[0]!.id] });
  expect(detail.signups.map((s) => s.status)).toEqual(['confirmed', 'waitlist']);
  await t.call('events.printData', { id: event.id, kind: 'signups' });
  await t.call('events.ofChild', { childId: children[0]!.id });
  await t.call('events.list', { when: 'all' });
  await t.call('events.stats', range);
  await t.call('summary.compute', range);
  await t.call('audit.list', { limit: 500 });
});
