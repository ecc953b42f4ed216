import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeCore, makeSetUpCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';

let t: TestCore;
afterEach(() => t.cleanup());

const audit = (tc: TestCore) => tc.call('audit.list', { limit: 50 });

describe('first-run setup', () => {
  it('stores the school, the term and a hashed admin PIN, then signs the new admin in', async () => {
    t = makeCore();
    const view = await t.call('setup.run', { ...SETUP, schoolName: ' 青山镇中心小学 ', admin: { name: '李　校长', pin: '２４６８' } });
    expect(view).toEqual({ mode: 'desk', teacher: { id: expect.any(Number), name: '李校长', role: 'admin' }, recoveryCode: expect.any(String) });
    expect(await t.call('app.info')).toMatchObject({ setupDone: true, schoolName: '青山镇中心小学', language: 'zh-CN' });
    const row = t.core.db.prepare('SELECT name, role, pin_hash FROM teachers').get() as Record<string, string>;
    expect(row.name).toBe('李校长');
    expect(row.role).toBe('admin');
    expect(row.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(row.pin_hash).not.toContain('2468');
  });

  it('is refused the second time and changes nothing', async () => {
    t = makeCore();
    await t.call('setup.run', SETUP);
    expect(await codeOf(t.call('setup.run', { ...SETUP, schoolName: '别的学校', admin: { name: '张三', pin: '1111' } }))).toBe(
      'setup.alreadyDone',
    );
    expect((await t.call('app.info')).schoolName).toBe(SETUP.schoolName);
    expect(t.core.db.prepare('SELECT count(*) FROM teachers').pluck().get()).toBe(1);
  });

  it('two wizards submitted at once set the app up exactly once', async () => {
    t = makeCore();
    const other = t.core.openSession('desk');
    const results = await Promise.all([
      t.core.call(t.desk, 'setup.run', SETUP),
      t.core.call(other, 'setup.run', { ...SETUP, admin: { name: '另一位', pin: '1111' } }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'setup.alreadyDone' } });
    expect(t.core.db.prepare('SELECT count(*) FROM teachers').pluck().get()).toBe(1);
    expect(t.core.db.prepare('SELECT count(*) FROM terms').pluck().get()).toBe(1);
  });

  it('refuses bad input naming each field, and saves nothing', async () => {
    t = makeCore();
    const bad = {
      ...SETUP,
      schoolName: '校'.repeat(51),
      term: { name: '秋季', start: '2026-09-01', end: '2026-08-01' },
      admin: { name: '', pin: '12a4' },
    };
    const r = await t.core.call(t.desk, 'setup.run', bad);
    expect(r).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const paths = !r.ok ? (r.error.params?.issues as { path: string; message: string }[]) : [];
    expect(paths).toEqual(
      expect.arrayContaining([
        { path: 'schoolName', message: 'tooLong', params: { max: 50 } },
        { path: 'term.end', message: 'endBeforeStart' },
        { path: 'admin.name', message: 'required' },
        { path: 'admin.pin', message: 'pin' },
      ]),
    );
    expect(t.core.db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });
});

describe('login and lockout', () => {
  it('five wrong PINs lock that teacher for five minutes, and only that teacher', async () => {
    t = await makeSetUpCore();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    for (let i = 1; i <= 4; i++) {
      const r = await t.core.call(s, 'auth.login', { teacherId: wang.id, pin: '0000' });
      expect(r).toEqual({ ok: false, error: { code: 'auth.wrongPin', params: { remaining: 5 - i } } });
    }
    const fifth = await t.core.call(s, 'auth.login', { teacherId: wang.id, pin: '0000' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'auth.teacherLocked', params: { until: t.clock.now() + 300_000 } } });
    // Even the right PIN is refused while locked.
    expect(await codeOf(t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s))).toBe('auth.teacherLocked');
    // The admin is not affected.
    await expect(t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin }, t.core.openSession('desk'))).resolves.toMatchObject({
      teacher: { id: t.adminId },
    });
    t.clock.set(t.clock.now() + 300_001);
    await expect(t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s)).resolves.toMatchObject({ teacher: { name: '王老师' } });
    const actions = (await audit(t)).map((a) => a.action);
    expect(actions).toContain('auth.lockedOut');
  });

  it('guesses sent all at once cannot get past the lockout', async () => {
    t = await makeSetUpCore();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    const guesses = ['1111', '2222', '3333', '4444', '5555', '6666', '7777', '1357', '8888', '9999'];
    const results = await Promise.all(guesses.map((pin) => t.core.call(s, 'auth.login', { teacherId: wang.id, pin })));
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.slice(0, 4).map((r) => !r.ok && r.error.code)).toEqual(Array(4).fill('auth.wrongPin'));
    expect(results.slice(4).every((r) => !r.ok && r.error.code === 'auth.teacherLocked')).toBe(true);
    await expect(t.call('session.get', {}, s)).resolves.toEqual({ mode: 'desk', teacher: null });
  });

  it('parallel kiosk exit guesses lock the exit too, and a desk session cannot use kiosk.exit', async () => {
    t = await makeSetUpCore();
    expect(await codeOf(t.call('kiosk.exit', { pin: SETUP.admin.pin }))).toBe('api.forbidden');
    const kiosk = t.core.openSession('kiosk');
    const guesses = ['1111', '2222', '3333', '4444', '5555', SETUP.admin.pin];
    const results = await Promise.all(guesses.map((pin) => t.core.call(kiosk, 'kiosk.exit', { pin })));
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'auth.kioskLocked' } });
  });

  it('wrong current PINs when changing one’s own PIN count towards the lockout and lock the desk', async () => {
    t = await makeSetUpCore();
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(t.call('auth.changeOwnPin', { currentPin: '0000', newPin: '5555' }))).toBe('auth.wrongCurrentPin');
    }
    expect(await codeOf(t.call('auth.changeOwnPin', { currentPin: '0000', newPin: '5555' }))).toBe('auth.teacherLocked');
    await expect(t.call('session.get')).resolves.toEqual({ mode: 'desk', teacher: null });
  });

  it('an admin can reset a PIN, which also lifts a lockout', async () => {
    t = await makeSetUpCore();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    for (let i = 0; i < 5; i++) await t.core.call(s, 'auth.login', { teacherId: wang.id, pin: '0000' });
    expect((await t.call('teachers.list')).find((x) => x.id === wang.id)?.lockedUntil).not.toBeNull();
    await t.call('teachers.resetPin', { id: wang.id, pin: '86420' });
    await expect(t.call('auth.login', { teacherId: wang.id, pin: '86420' }, s)).resolves.toMatchObject({ teacher: { id: wang.id } });
  });

  it('a teacher can change their own PIN with the current one', async () => {
    t = await makeSetUpCore();
    expect(await codeOf(t.call('auth.changeOwnPin', { currentPin: '0000', newPin: '5555' }))).toBe('auth.wrongCurrentPin');
    await t.call('auth.changeOwnPin', { currentPin: SETUP.admin.pin, newPin: '5555' });
    await t.call('auth.lock');
    expect(await codeOf(t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin }))).toBe('auth.wrongPin');
    await expect(t.call('auth.login', { teacherId: t.adminId, pin: '5555' })).resolves.toMatchObject({ teacher: { id: t.adminId } });
  });
});

describe('managing teachers', () => {
  it('refuses duplicate names, PINs that are not 4–8 digits, and blank names', async () => {
    t = await makeSetUpCore();
    await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    expect(await codeOf(t.call('teachers.add', { name: ' 王老师 ', role: 'teacher', pin: '2468' }))).toBe('teachers.duplicateName');
    for (const pin of ['123', '123456789', 'abcd', '12 34', '']) {
      expect(await codeOf(t.call('teachers.add', { name: '赵老师', role: 'teacher', pin })), pin).toBe('input.invalid');
    }
    expect(await codeOf(t.call('teachers.add', { name: '\u200B \u3000', role: 'teacher', pin: '1234' }))).toBe('input.invalid');
    expect((await t.call('teachers.list')).map((x) => x.name).sort()).toEqual(['李校长', '王老师'].sort());
  });

  it('deactivates a teacher, who then disappears from the lock screen and cannot log in', async () => {
    t = await makeSetUpCore();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    await t.call('teachers.setActive', { id: wang.id, active: false });
    expect((await t.call('auth.lockList')).map((x) => x.id)).toEqual([t.adminId]);
    expect(await codeOf(t.call('auth.login', { teacherId: wang.id, pin: '1357' }, t.core.openSession('desk')))).toBe(
      'auth.teacherInactive',
    );
  });

  it('keeps at least one active admin, and an admin cannot deactivate themselves', async () => {
    t = await makeSetUpCore();
    expect(await codeOf(t.call('teachers.setActive', { id: t.adminId, active: false }))).toBe('teachers.cannotDeactivateSelf');
    expect(await codeOf(t.call('teachers.update', { id: t.adminId, name: '李校长', role: 'teacher' }))).toBe('teachers.lastAdmin');
  });

  it('writes an audit row for every teacher change', async () => {
    t = await makeSetUpCore();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    await t.call('teachers.update', { id: wang.id, name: '王芳', role: 'teacher' });
    await t.call('teachers.resetPin', { id: wang.id, pin: '2222' });
    await t.call('teachers.setActive', { id: wang.id, active: false });
    const rows = (await audit(t)).filter((a) => a.entity === 'teacher' && a.entityId === wang.id);
    expect(rows.map((a) => a.action).reverse()).toEqual([
      'teachers.add',
      'teachers.update',
      'teachers.resetPin',
      'teachers.deactivate',
    ]);
    expect(rows.every((a) => a.teacherName === '李校长')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('2222');
  });
});
