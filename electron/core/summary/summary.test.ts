import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { Child } from '../../../shared/domain/child.js';

let t: TestCore;
afterEach(() => t.cleanup());

/** Moves the clock to a school-local time and signs the desk in again (a long jump locks it). */
async function at(iso: string): Promise<number> {
  const ms = Date.parse(`${iso}+08:00`);
  t.clock.set(ms);
  await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
  return ms;
}

const contact = (c: Child, role: string) => c.contacts.find((x) => x.role === role)!.id;

/**
 * A small autumn half-term with known answers: 2026-09-01 … 2026-10-31. Edge cases: 丁 joins mid-term;
 * 甲's visit on Sep 30 is never signed out (closed at that day's closing time, counted once on its day);
 * Sep 7–11 is a holiday week with no visits; 乙 has no contact with a parent in October (a call with the
 * grandparent does not count) and 丁 none in September; 甲's loan made in August comes back in the term.
 */
async function term(): Promise<{ a: Child; b: Child; c: Child; d: Child }> {
  t = await makeSetUpCore();
  const kiosk = t.core.openSession('kiosk');
  const visit = async (iso: string, ...kids: Child[]) => {
    t.clock.set(Date.parse(`${iso}+08:00`));
    for (const k of kids) await t.call('kiosk.toggle', { childId: k.id }, kiosk);
  };
  await at('2026-08-20T10:00:00');
  // 甲's record is complete (a mentor too); the others lack a mentor.
  const a = await t.call('children.create', { ...ZHANG, name: '甲', birthDate: '2016-09-10', mentorId: t.adminId });
  const b = await t.call('children.create', { ...ZHANG, name: '乙', birthDate: '2016-03-01', awayParents: 'father' });
  const c = await t.call('children.create', { ...ZHANG, name: '丙', birthDate: '2016-04-01', awayParents: 'none' });
  const book = await t.call('library.createBook', { book: { title: '草房子' }, copies: { count: 3 } });
  void book;
  await at('2026-08-25T16:00:00');
  await t.call('library.lend', { childId: a.id, barcode: '000001' });

  await visit('2026-09-02T16:00:00', a, b);
  await visit('2026-09-02T17:00:00', a, b);
  await at('2026-09-02T17:05:00');
  await t.call('library.lend', { childId: b.id, barcode: '000002' });
  await visit('2026-09-03T16:00:00', a);
  await visit('2026-09-03T17:00:00', a);
  await at('2026-09-03T17:05:00');
  await t.call('library.return', { barcode: '000001' });
  await at('2026-09-05T18:00:00');
  await t.call('calls.log', { childId: a.id, contactId: contact(a, 'father'), kind: 'voice', direction: 'out' });
  await at('2026-09-10T18:00:00');
  await t.call('calls.log', { childId: b.id, contactId: contact(b, 'father'), kind: 'letter', direction: 'out' });
  await visit('2026-09-14T16:00:00', a, c);
  await visit('2026-09-14T17:00:00', a, c);
  await at('2026-09-14T17:05:00');
  await t.call('library.lend', { childId: a.id, barcode: '000003' });
  await at('2026-09-15T09:00:00');
  const d = await t.call('children.create', { ...ZHANG, name: '丁', birthDate: '2015-05-01', grade: 4, awayParents: 'mother' });
  const talk = await t.call('events.create', {
    title: '防溺水讲座',
    categoryId: 5,
    startsAt: Date.parse('2026-09-20T15:00:00+08:00'),
    endsAt: Date.parse('2026-09-20T16:00:00+08:00'),
    grades: [1, 2, 3, 4, 5, 6],
  });
  await t.call('events.signUp', { eventId: talk.event.id, childId: a.id });
  await t.call('events.signUp', { eventId: talk.event.id, childId: b.id });
  await at('2026-09-20T16:30:00');
  await t.call('library.return', { barcode: '000003' });
  await t.call('events.attendance', { sessionId: talk.sessions[0]!.id, present: [a.id] });
  await at('2026-09-25T18:00:00');
  await t.call('birthdays.recordParty', { month: '2026-09', heldOn: '2026-09-25' });
  await visit('2026-09-30T17:00:00', a);
  await at('2026-10-03T18:00:00');
  await t.call('calls.log', { childId: a.id, contactId: contact(a, 'mother'), kind: 'video', direction: 'in', seconds: 300 });
  await t.call('calls.log', { childId: b.id, contactId: contact(b, 'guardian'), kind: 'voice', direction: 'out' });
  await at('2026-10-08T18:00:00');
  await t.call('calls.log', { childId: d.id, contactId: contact(d, 'mother'), kind: 'voice', direction: 'out' });
  await visit('2026-10-12T16:00:00', d);
  await at('2026-10-20T09:00:00');
  await t.call('children.archive', { id: c.id, leftDate: '2026-10-20', reason: '转学' });
  await at('2026-11-28T09:00:00');
  return { a, b, c, d };
}

describe('term summary', () => {
  it('every figure against a term with known answers', async () => {
    const { a, b, d } = await term();
    const f = await t.call('summary.compute', { from: '2026-09-01', to: '2026-10-31' });
    expect(f.children).toEqual({
      active: 4,
      byGrade: [{ grade: 3, children: 3 }, { grade: 4, children: 1 }],
      byAway: expect.arrayContaining([{ awayParents: 'both', children: 1 }, { awayParents: 'father', children: 1 }, { awayParents: 'none', children: 1 }, { awayParents: 'mother', children: 1 }]),
      // The same four children by category (categoryOf): both away; father or mother away with the other at home; neither.
      byCategory: [
        { category: 'leftBehind', children: 1 },
        { category: 'oneAway', children: 2 },
        { category: 'unsupported', children: 0 },
        { category: 'orphan', children: 0 },
        { category: 'none', children: 1 },
      ],
      livesWith: expect.any(Array),
      joined: 1,
      left: 1,
      complete: 1,
      completeTotal: 3,
    });
    // Sep 2 (2), Sep 3 (1), Sep 14 (2), Sep 30 (1, never signed out), Oct 12 (1); nothing in the holiday week.
    // The busiest weekday sums the term's Wednesdays (weekday 3): Sep 2 (2). Here Monday: Sep 14 (2) + Oct 12 (1).
    // The busiest single day is the earliest of the days with 2.
    expect(f.room).toMatchObject({ daysOpen: 5, visits: 7, distinctChildren: 4, perOpenDay: 1.4, busiestWeekday: { weekday: 1, visits: 3 }, busiestDay: { day: '2026-09-02', visits: 2 } });
    expect(f.children.livesWith!.reduce((n, l) => n + l.children, 0)).toBe(f.children.active);
    expect(f.room.byWeek).toEqual([
      { week: '2026-08-31', visits: 3 },
      { week: '2026-09-14', visits: 2 },
      { week: '2026-09-28', visits: 1 },
      { week: '2026-10-12', visits: 1 },
    ]);
    expect(f.contact).toMatchObject({ voice: 3, video: 1, letters: 1 });
    expect(f.contact.byMonth.map((m) => [m.month, m.children, m.contacted])).toEqual([['2026-09', 3, 2], ['2026-10', 3, 2]]);
    expect(f.contact.missed.map((m) => [m.name, m.months])).toEqual([['乙', ['2026-10']], ['丁', ['2026-09']]]);
    expect(f.birthdays).toEqual({ parties: 1, celebrated: 1 });
    // The August loan is not the term's; 乙's book is still out and overdue at the end.
    expect(f.library).toMatchObject({ loans: 2, readers: 2, overdueAtEnd: 1 });
    expect(f.library.topReaders.map((r) => [r.name, r.loans]).sort()).toEqual([['乙', 1], ['甲', 1]]);
    expect(f.library.topTitles).toEqual([{ bookId: expect.any(Number), title: '草房子', loans: 2 }]);
    expect(f.events).toEqual({
      held: [{ key: 'talk', name: '讲座', events: 1 }],
      signups: 2,
      attendances: 1,
      takingPart: 1,
      sessions: 1,
      list: [{ eventId: expect.any(Number), title: '防溺水讲座', day: '2026-09-20', sessions: 1, participants: 1 }],
    });
    void a;
    void b;
    void d;
  });

  it("the school's pupils are entered per term and give the left-behind share", async () => {
    await term();
    const before = await t.call('summary.compute', { from: '2026-09-01', to: '2026-10-31' });
    expect(before.school).toEqual({ term: expect.any(String), pupils: null });
    expect(await t.call('summary.setPupils', { from: '2026-09-01', pupils: 400 })).toEqual({ term: before.school!.term, pupils: 400 });
    const f = await t.call('summary.compute', { from: '2026-09-01', to: '2026-10-31' });
    expect(f.school!.pupils).toBe(400);
    const { draftParagraph } = await import('../../../shared/domain/summaryText.js');
    // One child of 400 is an official left-behind child (both parents away); four are served.
    expect(draftParagraph(f, 'zh-CN', '青山镇中心小学', (_k, n) => n ?? '')).toContain('全校在校学生400名，农村留守儿童占0.3%，留守儿童之家服务的儿童占1%。');
    expect((await codeOf(t.call('summary.setPupils', { from: '2030-03-01', pupils: 1 })))).toBe('summary.noTerm');
  });

  it('a saved summary is reprinted unchanged after the records change; saving is audited', async () => {
    const { a } = await term();
    const saved = await t.call('summary.save', { from: '2026-09-01', to: '2026-10-31', title: '2026年秋季学期（期中）', language: 'zh-CN', paragraph: '本学期……（校长改过）' });
    await t.call('children.update', { id: a.id, child: { ...ZHANG, name: '甲改名', birthDate: '2016-09-10' } });
    expect((await t.call('summary.compute', { from: '2026-09-01', to: '2026-10-31' })).children.complete).toBe(0);
    await t.call('calls.log', { childId: a.id, contactId: (await t.call('children.get', { id: a.id })).contacts[0]!.id, kind: 'voice', direction: 'out', at: Date.parse('2026-10-30T18:00:00+08:00') });
    const again = await t.call('summary.snapshot', { id: saved.id });
    expect(again.figures).toEqual(saved.figures);
    expect(again.paragraph).toBe('本学期……（校长改过）');
    expect(again.teacherName).toBe(SETUP.admin.name);
    expect((await t.call('summary.compute', { from: '2026-09-01', to: '2026-10-31' })).contact.voice).toBe(saved.figures.contact.voice + 1);
    const list = await t.call('summary.snapshots');
    expect(list.map((s) => s.title)).toEqual(['2026年秋季学期（期中）']);
    const audit = await t.call('audit.list', {});
    expect(audit.some((x) => x.action === 'summary.save')).toBe(true);
  });
});
