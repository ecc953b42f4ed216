import { afterEach, describe, expect, it } from 'vitest';
import { contracts } from '../../shared/api/index.js';
import { codeOf, makeCore, makeSetUpCore, SETUP, type TestCore } from '../../tests/helpers/core.js';

let t: TestCore;
afterEach(() => t.cleanup());

describe('the procedure table', () => {
  it('has a handler for every contract and refuses unknown names', async () => {
    t = makeCore();
    for (const name of Object.keys(contracts)) {
      const r = await t.core.call(t.desk, name, {});
      if (!r.ok) expect(r.error.code).not.toBe('api.unknownProcedure');
    }
    expect(await codeOf(t.callRaw('children.dropAll'))).toBe('api.unknownProcedure');
  });

  it('refuses a call from a session it does not know', async () => {
    t = makeCore();
    const r = await t.core.call('not-a-session', 'app.info', {});
    expect(r).toEqual({ ok: false, error: { code: 'api.badSession' } });
  });

  it('parses input with the contract before the handler runs, naming the fields', async () => {
    t = makeCore();
    const r = await t.core.call(t.desk, 'setup.run', { ...SETUP, schoolName: '   ', admin: { name: '李', pin: '12' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('input.invalid');
    expect(r.error.params?.issues).toEqual(
      expect.arrayContaining([
        { path: 'schoolName', message: 'required' },
        { path: 'admin.pin', message: 'pin' },
      ]),
    );
    expect((await t.call('app.info')).setupDone).toBe(false);
  });
});

describe('access by session', () => {
  it('a locked desk may only use the lock screen and the wizard', async () => {
    t = await makeSetUpCore();
    await t.call('auth.lock');
    expect(await codeOf(t.call('teachers.list'))).toBe('auth.locked');
    expect(await codeOf(t.call('settings.get'))).toBe('auth.locked');
    expect(await codeOf(t.call('kiosk.enter'))).toBe('auth.locked');
    await expect(t.call('auth.lockList')).resolves.toHaveLength(1);
  });

  it('a kiosk session is refused every teacher, admin and lock-screen procedure by the core', async () => {
    t = await makeSetUpCore();
    const kiosk = t.core.openSession('kiosk');
    for (const [name, c] of Object.entries(contracts)) {
      const r = await t.core.call(kiosk, name, {});
      if (c.access === 'teacher' || c.access === 'admin' || c.access === 'desk') {
        expect(r, name).toMatchObject({ ok: false, error: { code: 'api.forbidden' } });
      }
    }
    // It cannot log in from the kiosk either: it must leave through kiosk.exit with a PIN.
    expect(await codeOf(t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin }, kiosk))).toBe(
      'api.forbidden',
    );
    await expect(t.call('session.get', {}, kiosk)).resolves.toEqual({ mode: 'kiosk', teacher: null });
  });

  it('a teacher who is not admin cannot change settings or teachers', async () => {
    t = await makeSetUpCore();
    const teacher = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    await t.call('auth.login', { teacherId: teacher.id, pin: '1357' }, s);
    await expect(t.call('teachers.list', {}, s)).resolves.toHaveLength(2);
    expect(await codeOf(t.call('teachers.add', { name: '赵老师', role: 'teacher', pin: '1234' }, s))).toBe(
      'api.forbidden',
    );
    expect(await codeOf(t.call('settings.update', { ...SETUP, idleLockMinutes: 5 }, s))).toBe('api.forbidden');
  });

  it('entering the kiosk turns the session into a kiosk session; a PIN turns it back', async () => {
    t = await makeSetUpCore();
    const seen: string[] = [];
    t.core.onSessionChange((_id, v) => seen.push(v.mode));
    await t.call('kiosk.enter');
    expect(await codeOf(t.call('teachers.list'))).toBe('api.forbidden');
    expect(await codeOf(t.call('kiosk.exit', { pin: '0000' }))).toBe('auth.kioskWrongPin');
    const back = await t.call('kiosk.exit', { pin: SETUP.admin.pin });
    expect(back).toEqual({ mode: 'desk', teacher: { id: t.adminId, name: '李校长', role: 'admin' } });
    expect(seen).toEqual(['kiosk', 'desk']);
  });

  it('five wrong kiosk exit PINs lock the exit for five minutes', async () => {
    t = await makeSetUpCore();
    await t.call('kiosk.enter');
    for (let i = 0; i < 4; i++) expect(await codeOf(t.call('kiosk.exit', { pin: '9999' }))).toBe('auth.kioskWrongPin');
    expect(await codeOf(t.call('kiosk.exit', { pin: '9999' }))).toBe('auth.kioskLocked');
    expect(await codeOf(t.call('kiosk.exit', { pin: SETUP.admin.pin }))).toBe('auth.kioskLocked');
    t.clock.set(t.clock.now() + 5 * 60_000 + 1);
    await expect(t.call('kiosk.exit', { pin: SETUP.admin.pin })).resolves.toMatchObject({ mode: 'desk' });
  });

  it('locks a teacher session after the idle minutes set in settings', async () => {
    t = await makeSetUpCore();
    await t.call('settings.update', { schoolName: SETUP.schoolName, roomName: SETUP.roomName, language: 'zh-CN', idleLockMinutes: 3 });
    t.clock.set(t.clock.now() + 2 * 60_000);
    await expect(t.call('teachers.list')).resolves.toHaveLength(1);
    t.clock.set(t.clock.now() + 3 * 60_000 + 1);
    expect(await codeOf(t.call('teachers.list'))).toBe('auth.locked');
    await expect(t.call('session.get')).resolves.toEqual({ mode: 'desk', teacher: null });
  });
});

describe('a signed-in session follows the database', () => {
  it('loses access at once when its teacher is deactivated, and gains admin when promoted', async () => {
    t = await makeSetUpCore();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    await t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s);
    expect(await codeOf(t.call('audit.list', {}, s))).toBe('api.forbidden');
    await t.call('teachers.update', { id: wang.id, name: '王老师', role: 'admin' });
    await expect(t.call('audit.list', {}, s)).resolves.toBeInstanceOf(Array);
    await t.call('teachers.setActive', { id: wang.id, active: false });
    expect(await codeOf(t.call('teachers.list', {}, s))).toBe('auth.locked');
  });
});
