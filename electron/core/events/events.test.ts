import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import { contracts } from '../../../shared/api/index.js';
import type { Child } from '../../../shared/domain/child.js';
import type { EventDetail } from '../../../shared/domain/events.js';
import { write } from '../db/write.js';

let t: TestCore;
afterEach(() => t.cleanup());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function school(n: number, away: 'both' | 'none' = 'both'): Promise<Child[]> {
  const out: Child[] = [];
  for (let i = 0; i < n; i++) out.push(await t.call('children.create', { ...ZHANG, name: `孩子${i + 1}`, birthDate: `2016-0${1 + (i % 9)}-1${i % 10}`, awayParents: away }));
  return out;
}

const event = (over: Record<string, unknown> = {}) => ({
  title: '歌唱比赛',
  startsAt: T0 + 3 * DAY,
  endsAt: T0 + 3 * DAY + 2 * HOUR,
  capacity: 3,
  grades: [1, 2, 3, 4, 5, 6],
  opensAt: T0 - DAY,
  closesAt: T0 + 2 * DAY,
  ...over,
});

const names = (d: EventDetail, status: string) => d.signups.filter((s) => s.status === status).map((s) => s.name);

describe('events', () => {
  it('fills the places, then the waitlist with left-behind children first; a cancel moves the head up', async () => {
    t = await makeSetUpCore();
    const [a, b, c] = await school(3);
    const [buddy] = await school(1, 'none');
    const [d] = await school(1);
    const e = await t.call('events.create', event());
    for (const child of [a!, b!, c!, buddy!, d!]) await t.call('events.signUp', { eventId: e.event.id, childId: child.id });
    let detail = await t.call('events.get', { id: e.event.id });
    expect(names(detail, 'confirmed')).toEqual([a!.name, b!.name, c!.name]);
    // The buddy signed up first, but the left-behind child goes ahead of him.
    expect(detail.signups.filter((s) => s.status === 'waitlist').map((s) => [s.name, s.position])).toEqual([[d!.name, 1], [buddy!.name, 2]]);
    const r = await t.call('events.cancel', { eventId: e.event.id, childId: b!.id });
    expect(r.promoted?.name).toBe(d!.name);
    detail = await t.call('events.get', { id: e.event.id });
    expect(names(detail, 'confirmed')).toEqual([a!.name, c!.name, d!.name]);
    expect(detail.signups.find((s) => s.childId === d!.id)?.promotedAt).toBe(T0);
    expect(await codeOf(t.call('events.cancel', { eventId: e.event.id, childId: b!.id }))).toBe('events.notSignedUp');
    expect(await codeOf(t.call('events.signUp', { eventId: e.event.id, childId: a!.id }))).toBe('events.alreadySignedUp');
    // A waiting child placed past the capacity by a teacher, with a reason.
    const placed = await t.call('events.signUp', { eventId: e.event.id, childId: buddy!.id, overCapacityReason: '他会弹琴伴奏' });
    expect(placed.signup).toMatchObject({ status: 'confirmed', overCapacityReason: '他会弹琴伴奏' });
    // A teacher may place a child past the capacity, with a reason (audited).
    const over = await t.call('events.signUp', { eventId: e.event.id, childId: b!.id, overCapacityReason: '她是领唱' });
    expect(over.signup).toMatchObject({ status: 'confirmed', overCapacityReason: '她是领唱' });
    const audit = await t.call('audit.list', {});
    expect(audit.find((x) => x.action === 'events.overCapacity')?.detail).toContain('她是领唱');
  });

  it('re-opening a cancelled event fills freed places from the waitlist; the left-behind order follows the setting', async () => {
    t = await makeSetUpCore();
    const [buddy] = await school(1, 'none');
    const [a, b] = await school(2);
    const e = await t.call('events.create', event({ capacity: 1 }));
    for (const c of [a!, buddy!, b!]) await t.call('events.signUp', { eventId: e.event.id, childId: c.id });
    expect((await t.call('events.get', { id: e.event.id })).signups.filter((s) => s.status === 'waitlist').map((s) => s.name)).toEqual([b!.name, buddy!.name]);
    // Left-behind first switched off: the waitlist is first come, first served again.
    await t.call('events.update', { id: e.event.id, event: event({ capacity: 1, leftBehindFirst: false }) });
    expect((await t.call('events.get', { id: e.event.id })).signups.filter((s) => s.status === 'waitlist').map((s) => s.name)).toEqual([buddy!.name, b!.name]);
    await t.call('events.setStatus', { id: e.event.id, status: 'cancelled' });
    await t.call('events.cancel', { eventId: e.event.id, childId: a!.id });
    const reopened = await t.call('events.setStatus', { id: e.event.id, status: 'planned' });
    expect(reopened.signups.filter((s) => s.status === 'confirmed').map((s) => s.name)).toEqual([buddy!.name]);
  });

  it('at the kiosk a child cancels only their own sign-up, and never learns the name of a child who left', async () => {
    t = await makeSetUpCore();
    const [a, b] = await school(2);
    const kiosk = t.core.openSession('kiosk');
    const e = await t.call('events.create', event());
    await t.call('events.signUp', { eventId: e.event.id, childId: a!.id });
    expect(await codeOf(t.call('kiosk.cancelSignUp', { childId: a!.id, eventId: e.event.id }, kiosk))).toBe('events.askTeacher');
    await t.call('children.archive', { id: b!.id, leftDate: '2026-11-28', reason: '转学' });
    const err = await t.call('kiosk.signUp', { childId: b!.id, eventId: e.event.id }, kiosk).catch((x: { payload: unknown }) => x.payload);
    expect(err).toEqual({ code: 'children.notFound' });
  });

  it('the database decides the last place: two desks at once, exactly one gets it', async () => {
    t = await makeSetUpCore();
    const [a, b] = await school(2);
    const e = await t.call('events.create', event({ capacity: 1 }));
    const desk2 = t.core.openSession('desk');
    await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin }, desk2);
    const [r1, r2] = await Promise.all([
      t.call('events.signUp', { eventId: e.event.id, childId: a!.id }),
      t.call('events.signUp', { eventId: e.event.id, childId: b!.id }, desk2),
    ]);
    expect([r1.signup.status, r2.signup.status].sort()).toEqual(['confirmed', 'waitlist']);
    // Even SQL written by hand cannot put a second child in the one place.
    const sneak = t.core.db.prepare("INSERT INTO signups (event_id, child_id, status, signed_by, created_at) VALUES (?, ?, 'confirmed', 'teacher', 0)");
    await t.call('events.cancel', { eventId: e.event.id, childId: (r1.signup.status === 'waitlist' ? a : b)!.id });
    expect(() => write(t.core.db, () => sneak.run(e.event.id, (r1.signup.status === 'waitlist' ? a : b)!.id))).toThrow('events.full');
  });

  it('refuses a sign-up outside the window, for a grade the event does not take, for a child who left, for a cancelled event', async () => {
    t = await makeSetUpCore();
    const [a] = await school(1);
    const early = await t.call('events.create', event({ opensAt: T0 + HOUR }));
    expect(await codeOf(t.call('events.signUp', { eventId: early.event.id, childId: a!.id }))).toBe('events.windowNotOpen');
    const late = await t.call('events.create', event({ opensAt: T0 - 2 * DAY, closesAt: T0 - DAY }));
    expect(await codeOf(t.call('events.signUp', { eventId: late.event.id, childId: a!.id }))).toBe('events.windowClosed');
    const big = await t.call('events.create', event({ grades: [5, 6] }));
    expect(await codeOf(t.call('events.signUp', { eventId: big.event.id, childId: a!.id }))).toBe('events.gradeNotAllowed');
    const cancelled = await t.call('events.create', event());
    await t.call('events.setStatus', { id: cancelled.event.id, status: 'cancelled' });
    expect(await codeOf(t.call('events.signUp', { eventId: cancelled.event.id, childId: a!.id }))).toBe('events.notOpen');
    const ok = await t.call('events.create', event());
    await t.call('children.archive', { id: a!.id, leftDate: '2026-11-28', reason: '转学' });
    expect(await codeOf(t.call('events.signUp', { eventId: ok.event.id, childId: a!.id }))).toBe('events.childLeft');
  });

  it('refuses capacity 0, an end before the start, a window closing after the event starts; nothing saved', async () => {
    t = await makeSetUpCore();
    const issue = async (over: Record<string, unknown>) => {
      try {
        await t.call('events.create', event(over));
      } catch (err) {
        return (err as { payload: { params: { issues: { path: string; message: string }[] } } }).payload.params.issues[0];
      }
      return null;
    };
    expect(await issue({ capacity: 0 })).toMatchObject({ path: 'capacity', message: 'capacity' });
    expect(await issue({ capacity: -3 })).toMatchObject({ path: 'capacity', message: 'capacity' });
    expect(await issue({ endsAt: T0 + 2 * DAY })).toMatchObject({ path: 'endsAt', message: 'endTimeBeforeStart' });
    expect(await issue({ closesAt: T0 + 4 * DAY })).toMatchObject({ path: 'closesAt', message: 'closesAfterStart' });
    expect(await issue({ grades: [] })).toMatchObject({ path: 'grades', message: 'gradesNone' });
    expect(await t.call('events.list', { when: 'all' })).toEqual([]);
  });

  it('a weekly group: sessions, attendance per session, counts for reports', async () => {
    t = await makeSetUpCore();
    const [a, b] = await school(2);
    const club = await t.call('events.create', event({ title: '象棋兴趣小组', capacity: null, weeks: 3, closesAt: null }));
    expect(club.sessions.map((s) => s.day)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    await t.call('events.signUp', { eventId: club.event.id, childId: a!.id });
    // Not before the day.
    expect(await codeOf(t.call('events.attendance', { sessionId: club.sessions[0]!.id, present: [a!.id] }))).toBe('events.sessionInFuture');
    t.clock.set(Date.parse('2026-12-09T18:00:00+08:00'));
    await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
    // After two sessions the group is still open: a child may still join.
    await t.call('events.signUp', { eventId: club.event.id, childId: b!.id });
    await t.call('events.attendance', { sessionId: club.sessions[0]!.id, present: [a!.id] });
    const mid = await t.call('events.attendance', { sessionId: club.sessions[1]!.id, present: [a!.id, b!.id] });
    expect(mid.event.status).toBe('planned');
    expect(mid.attendance[club.sessions[1]!.id]).toEqual([a!.id, b!.id]);
    t.clock.set(Date.parse('2026-12-15T18:00:00+08:00'));
    await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
    const after = await t.call('events.attendance', { sessionId: club.sessions[2]!.id, present: [b!.id] });
    expect(after.event.status).toBe('held');
    expect(after.sessions.map((s) => s.present)).toEqual([1, 2, 1]);
    const stats = await t.call('events.stats', { from: '2026-11-01', to: '2026-12-31' });
    expect(stats).toMatchObject({ signups: 2, attendances: 4, activeChildren: 2, takingPart: 2 });
    expect(stats.held).toEqual([{ categoryId: null, key: null, name: null, events: 1 }]);
    // Times cannot change once attendance is taken.
    expect(await codeOf(t.call('events.update', { id: club.event.id, event: event({ title: '象棋兴趣小组', capacity: null, weeks: 5, closesAt: null }) }))).toBe('events.hasAttendance');
  });

  it('the kiosk: open events of the child’s grade with places left; sign up and cancel; nothing else reachable', async () => {
    t = await makeSetUpCore();
    const [a, b] = await school(2);
    const kiosk = t.core.openSession('kiosk');
    const e = await t.call('events.create', event({ capacity: 1 }));
    await t.call('events.create', event({ title: '高年级讲座', grades: [6] }));
    const seen = await t.call('kiosk.events', { childId: a!.id }, kiosk);
    expect(seen.map((x) => [x.title, x.placesLeft, x.mine])).toEqual([['歌唱比赛', 1, null]]);
    expect(await t.call('kiosk.signUp', { childId: a!.id, eventId: e.event.id }, kiosk)).toEqual({ status: 'confirmed', position: null });
    expect(await t.call('kiosk.signUp', { childId: b!.id, eventId: e.event.id }, kiosk)).toEqual({ status: 'waitlist', position: 1 });
    expect((await t.call('kiosk.events', { childId: b!.id }, kiosk))[0]).toMatchObject({ placesLeft: 0, mine: 'waitlist', position: 1 });
    await t.call('kiosk.cancelSignUp', { childId: a!.id, eventId: e.event.id }, kiosk);
    expect((await t.call('kiosk.events', { childId: b!.id }, kiosk))[0]).toMatchObject({ mine: 'confirmed' });
    for (const name of Object.keys(contracts).filter((n) => n.startsWith('events.'))) {
      expect(await codeOf(t.callRaw(name, {}, kiosk)), name).toBe('api.forbidden');
    }
  });
});

describe('event categories', () => {
  it('are editable: add, rename (a built-in one becomes the room’s own), refuse a duplicate, keep one in use', async () => {
    t = await makeSetUpCore();
    const cats = await t.call('events.categories');
    expect(cats.map((c) => c.key)).toEqual(['sports', 'contest', 'outing', 'health', 'talk', 'club', 'other']);
    const withNew = await t.call('events.saveCategory', { name: '志愿服务' });
    const mine = withNew.find((c) => c.name === '志愿服务')!;
    expect(await codeOf(t.call('events.saveCategory', { name: '志愿服务' }))).toBe('events.duplicateCategory');
    await t.call('events.create', event({ categoryId: mine.id }));
    expect(await codeOf(t.call('events.removeCategory', { id: mine.id }))).toBe('events.categoryInUse');
    const renamed = await t.call('events.saveCategory', { id: cats[0]!.id, name: '文艺体育' });
    expect(renamed[0]).toEqual({ id: cats[0]!.id, key: null, name: '文艺体育' });
    await t.call('events.removeCategory', { id: cats[6]!.id });
    expect((await t.call('events.categories')).length).toBe(7);
  });
});
