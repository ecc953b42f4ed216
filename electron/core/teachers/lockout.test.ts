import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { LOCKOUT_MS, lockEnd } from './lockout.js';

let t: TestCore | undefined;
afterEach(() => t?.cleanup());

const DAY = 24 * 60 * 60_000;

describe('lockouts with a clock set back', () => {
  it('a lock ends a lockout length after it is seen, never a day later', () => {
    expect(lockEnd(null, T0)).toBeNull();
    expect(lockEnd(T0, T0)).toBeNull();
    expect(lockEnd(T0 + 1000, T0)).toBe(T0 + 1000);
    expect(lockEnd(T0 + LOCKOUT_MS, T0 - DAY)).toBe(T0 - DAY + LOCKOUT_MS);
  });

  it('a teacher locked before the clock went back a day can log in again five minutes later', async () => {
    t = await makeSetUpCore();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    for (let i = 0; i < 5; i++) await t.core.call(s, 'auth.login', { teacherId: wang.id, pin: '0000' });
    expect(await codeOf(t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s))).toBe('auth.teacherLocked');

    const back = T0 - DAY;
    t.clock.set(back);
    const r = await t.core.call(s, 'auth.login', { teacherId: wang.id, pin: '1357' });
    expect(r).toEqual({ ok: false, error: { code: 'auth.teacherLocked', params: { until: back + LOCKOUT_MS } } });
    // Written back: the end does not slide as the clock runs on.
    t.clock.set(back + 60_000);
    expect((await t.call('auth.lockList', {}, s)).find((x) => x.id === wang.id)?.lockedUntil).toBe(back + LOCKOUT_MS);
    expect(await codeOf(t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s))).toBe('auth.teacherLocked');
    t.clock.set(back + LOCKOUT_MS + 1);
    await expect(t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s)).resolves.toMatchObject({ teacher: { name: '王老师' } });
  });

  it('the kiosk exit locked before the clock went back opens five minutes later', async () => {
    t = await makeSetUpCore();
    const kiosk = t.core.openSession('kiosk');
    for (let i = 0; i < 5; i++) await t.core.call(kiosk, 'kiosk.exit', { pin: '0000' });
    expect(await codeOf(t.call('kiosk.exit', { pin: SETUP.admin.pin }, kiosk))).toBe('auth.kioskLocked');
    const back = T0 - DAY;
    t.clock.set(back);
    const r = await t.core.call(kiosk, 'kiosk.exit', { pin: SETUP.admin.pin });
    expect(r).toEqual({ ok: false, error: { code: 'auth.kioskLocked', params: { until: back + LOCKOUT_MS } } });
    t.clock.set(back + LOCKOUT_MS + 1);
    await expect(t.call('kiosk.exit', { pin: SETUP.admin.pin }, kiosk)).resolves.toMatchObject({ mode: 'desk' });
  });
});
