import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { Child } from '../../../shared/domain/child.js';

let t: TestCore;
afterEach(() => t.cleanup());

const DAY = 24 * 60 * 60_000;
const minutes = (n: number) => n * 60_000;

async function withChild(): Promise<{ zhang: Child; kiosk: string }> {
  t = await makeSetUpCore();
  const zhang = await t.call('children.create', ZHANG);
  return { zhang, kiosk: t.core.openSession('kiosk') };
}

/** The PC's clock jumps (a dead battery, a wrong setting); the desk signs in again. */
async function clockTo(ms: number): Promise<void> {
  t.clock.set(ms);
  await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
}

describe('a clock set back a day', () => {
  it('the kiosk still signs a child out and in: a visit timed after now is never "just tapped"', async () => {
    const { zhang, kiosk } = await withChild();
    expect(await t.call('kiosk.toggle', { childId: zhang.id }, kiosk)).toMatchObject({ action: 'in', repeated: false });
    await clockTo(T0 - DAY);
    const out = await t.call('kiosk.toggle', { childId: zhang.id }, kiosk);
    expect(out).toMatchObject({ action: 'out', repeated: false, at: T0 - DAY });
    // The repeat guard still works on the clock as it runs now.
    t.clock.set(T0 - DAY + 2000);
    expect(await t.call('kiosk.toggle', { childId: zhang.id }, kiosk)).toMatchObject({ action: 'out', repeated: true });
    t.clock.set(T0 - DAY + minutes(1));
    expect(await t.call('kiosk.toggle', { childId: zhang.id }, kiosk)).toMatchObject({ action: 'in', repeated: false, at: T0 - DAY + minutes(1) });
    const visits = await t.call('attendance.childVisits', { childId: zhang.id, from: '2026-11-01', to: '2026-11-30' });
    // The old visit closed at its own sign-in time (never before it); the new one is on the clock's day.
    expect(visits.map((v) => [v.day, v.inAt, v.outAt])).toEqual([
      ['2026-11-28', T0, T0],
      ['2026-11-27', T0 - DAY + minutes(1), null],
    ]);
  });

  it('a teacher is told the sign-in is after now, not "in since tomorrow", and the board lists it', async () => {
    const { zhang } = await withChild();
    const v = await t.call('attendance.signIn', { childId: zhang.id });
    await clockTo(T0 - DAY);
    const err = await t.core.call(t.desk, 'attendance.signIn', { childId: zhang.id });
    expect(err).toEqual({ ok: false, error: { code: 'checkins.alreadyInFuture', params: { name: '张三丽' } } });
    const board = await t.call('attendance.board', {});
    expect(board.day).toBe('2026-11-27');
    expect(board.future).toEqual([expect.objectContaining({ id: v.id, name: '张三丽', day: '2026-11-28', inAt: T0, outAt: null })]);
    // Signing out by hand works too: closed at its own time, still listed as after now.
    await t.call('attendance.signOut', { childId: zhang.id });
    expect((await t.call('attendance.board', {})).future).toEqual([expect.objectContaining({ id: v.id, inAt: T0, outAt: T0 })]);
  });

  it('a teacher corrects a visit timed after now to the day it really was, audited; never to a later day', async () => {
    const { zhang } = await withChild();
    const v = await t.call('attendance.signIn', { childId: zhang.id });
    const now = T0 - DAY;
    await clockTo(now);
    const tooLate = await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: T0 + DAY, outAt: null, reason: '时钟' }));
    // Never to a time after the core's now (a later day included).
    expect(tooLate).toBe('attendance.futureTime');
    const fixed = await t.call('attendance.correct', { visitId: v.id, inAt: now - minutes(30), outAt: null, reason: '电脑时钟被调过' });
    expect(fixed).toMatchObject({ day: '2026-11-27', inAt: now - minutes(30), outAt: null });
    const board = await t.call('attendance.board', {});
    expect(board.future).toEqual([]);
    expect(board.children.find((c) => c.id === zhang.id)).toMatchObject({ state: 'in', firstIn: now - minutes(30) });
    const [row] = await t.call('audit.list', { limit: 1 });
    expect(row).toMatchObject({ action: 'attendance.correct', entityId: v.id });
    expect(JSON.parse(row!.detail!)).toEqual({
      childId: zhang.id,
      from: { inAt: T0, outAt: null, day: '2026-11-28' },
      to: { inAt: now - minutes(30), outAt: null, day: '2026-11-27' },
      reason: '电脑时钟被调过',
    });
    // A visit of the past still moves only within its day.
    await t.call('attendance.signOut', { childId: zhang.id });
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: now - DAY, outAt: null, reason: '改' }))).toBe('attendance.otherDay');
  });
});
