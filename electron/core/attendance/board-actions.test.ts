import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { Child } from '../../../shared/domain/child.js';

let t: TestCore;
afterEach(() => t.cleanup());

const minutes = (n: number) => n * 60_000;

async function threeChildren(): Promise<Child[]> {
  t = await makeSetUpCore();
  const names = ['张三丽', '何诗', '余诗'];
  const out: Child[] = [];
  for (const [i, name] of names.entries()) out.push(await t.call('children.create', { ...ZHANG, name, birthDate: `2016-0${i + 1}-01` }));
  return out;
}

async function later(ms: number): Promise<void> {
  t.clock.set(t.clock.now() + ms);
  await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
}

const auditActions = async (limit = 20) => (await t.call('audit.list', { limit })).map((a) => a.action).filter((a) => a.startsWith('attendance.'));

describe('the board a teacher can trust', () => {
  it('deletes a visit made by mistake with a reason, audited with the name and times; nothing else changes', async () => {
    const [zhang, he] = await threeChildren();
    const v = await t.call('attendance.signIn', { childId: zhang!.id });
    await t.call('attendance.signIn', { childId: he!.id });
    expect(await codeOf(t.call('attendance.deleteVisit', { visitId: v.id, reason: '  ' }))).toBe('input.invalid');
    expect(await codeOf(t.call('attendance.deleteVisit', { visitId: 9999, reason: '点错了' }))).toBe('attendance.visitNotFound');
    expect((await t.call('attendance.board', {})).counts.in).toBe(2);
    await t.call('attendance.deleteVisit', { visitId: v.id, reason: '点错了' });
    const board = await t.call('attendance.board', {});
    expect(board.counts).toEqual({ in: 1, left: 0, none: 2 });
    const [row] = await t.call('audit.list', { limit: 1 });
    expect(row).toMatchObject({ action: 'attendance.deleteVisit', entityId: v.id });
    expect(JSON.parse(row!.detail!)).toEqual({ childId: zhang!.id, day: '2026-11-28', inAt: T0, outAt: null, reason: '点错了' });
    // The log shows the name by joining; the row itself keeps only the id (deleting a child leaves no name behind).
    expect(row!.childNames).toBe('张三丽');
  });

  it('corrects any visit, open or closed, never to a time after now nor a sign-out before the sign-in', async () => {
    const [zhang] = await threeChildren();
    const v = await t.call('attendance.signIn', { childId: zhang!.id });
    await later(minutes(30));
    const now = T0 + minutes(30);
    // A child still in: the sign-in time moves; the visit stays open.
    const moved = await t.call('attendance.correct', { visitId: v.id, inAt: T0 - minutes(5), outAt: null, reason: '早到了' });
    expect(moved).toMatchObject({ inAt: T0 - minutes(5), outAt: null });
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: now + minutes(1), outAt: null, reason: '补录' }))).toBe('attendance.futureTime');
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: T0, outAt: now + minutes(60), reason: '补录' }))).toBe('attendance.futureTime');
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: T0, outAt: T0 - minutes(1), reason: '补录' }))).toBe('attendance.outBeforeIn');
    // Unchanged by the refused corrections.
    expect(await t.call('attendance.childVisits', { childId: zhang!.id, from: '2026-11-28', to: '2026-11-28' })).toMatchObject([{ inAt: T0 - minutes(5), outAt: null }]);
    // Closing it by a correction is a sign-out at that time; reopening it while another visit is open is refused.
    await t.call('attendance.correct', { visitId: v.id, inAt: T0, outAt: T0 + minutes(10), reason: '走时忘了签退' });
    await t.call('attendance.signIn', { childId: zhang!.id });
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: T0, outAt: null, reason: '补录' }))).toBe('checkins.alreadyIn');
  });

  it('undoes a hand sign-in (the visit goes) and a hand sign-out (the visit is open again), audited', async () => {
    const [zhang, other] = await threeChildren();
    const v = await t.call('attendance.signIn', { childId: zhang!.id });
    expect(await t.call('attendance.undo', { visitId: v.id, action: 'in' })).toBeNull();
    expect((await t.call('attendance.board', {})).counts.in).toBe(0);
    const w = await t.call('attendance.signIn', { childId: zhang!.id });
    await later(minutes(20));
    await t.call('attendance.signOut', { childId: zhang!.id });
    // Undoing the sign-in of a visit that has been closed since is refused: only the last hand action goes.
    expect(await codeOf(t.call('attendance.undo', { visitId: w.id, action: 'in' }))).toBe('attendance.cannotUndo');
    expect(await t.call('attendance.undo', { visitId: w.id, action: 'out' })).toMatchObject({ id: w.id, outAt: null, outBy: null });
    expect((await t.call('attendance.board', {})).counts.in).toBe(1);
    expect((await auditActions()).slice(0, 5)).toEqual(['attendance.undoSignOut', 'attendance.signOut', 'attendance.signIn', 'attendance.undoSignIn', 'attendance.signIn']);
    // A child's own sign-in at the kiosk is not undone without a word: that is deleteVisit, with a reason.
    const kiosk = t.core.openSession('kiosk');
    await t.call('kiosk.toggle', { childId: other!.id }, kiosk);
    const own = (await t.call('attendance.childVisits', { childId: other!.id, from: '2026-11-28', to: '2026-11-28' }))[0]!;
    expect(own.inBy).toBe('kiosk');
    expect(await codeOf(t.call('attendance.undo', { visitId: own.id, action: 'in' }))).toBe('attendance.cannotUndo');
  });

  it('全部签退 signs out the confirmed children in one transaction with one audit row', async () => {
    const kids = await threeChildren();
    for (const c of kids) await t.call('attendance.signIn', { childId: c.id });
    await later(minutes(90));
    // One child left by the kiosk meanwhile: skipped, and the count says so.
    await t.call('attendance.signOut', { childId: kids[2]!.id });
    const before = (await t.call('audit.list', { limit: 100 })).length;
    const r = await t.call('attendance.signOutAll', { childIds: kids.map((c) => c.id) });
    expect(r).toEqual({ count: 2 });
    const board = await t.call('attendance.board', {});
    expect(board.counts).toEqual({ in: 0, left: 3, none: 0 });
    const rows = await t.call('audit.list', { limit: 100 });
    expect(rows.length - before).toBe(1);
    expect(rows[0]).toMatchObject({ action: 'attendance.signOutAll' });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ count: 2, childIds: [kids[0]!.id, kids[1]!.id] });
    expect(rows[0]!.childNames).toBe('张三丽、何诗');
    expect(await codeOf(t.call('attendance.signOutAll', { childIds: [] }))).toBe('input.invalid');
  });

  it('the kiosk says who is in since when, calls a one-character given name by the full name, and tells same names apart', async () => {
    const [zhang, he] = await threeChildren();
    const kiosk = t.core.openSession('kiosk');
    await t.call('kiosk.toggle', { childId: he!.id }, kiosk);
    const list = await t.call('kiosk.classChildren', { grade: 3, classNo: 2 }, kiosk);
    expect(list.map((c) => [c.label, c.calledName, c.state, c.since])).toEqual([
      ['何诗', '何诗', 'in', T0],
      ['三丽', '三丽', 'out', null],
      ['余诗', '余诗', 'out', null],
    ]);
    expect(list.find((c) => c.id === zhang!.id)!.name).toBe('张三丽');
    const r = await t.call('kiosk.toggle', { childId: he!.id }, kiosk);
    expect(r).toMatchObject({ calledName: '何诗', action: 'in', repeated: true });
  });
});
