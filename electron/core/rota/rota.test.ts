import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeCore, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';

let t: TestCore;
afterEach(() => t.cleanup());

const login = (teacherId: number, pin: string) => t.call('auth.login', { teacherId, pin });

async function twoTeachers() {
  t = await makeSetUpCore();
  const wang = await t.call('teachers.add', { name: '王丽华', role: 'teacher', pin: '1111', phone: '138 0013 8000', classes: ['3-2', '3-1', '3-2'], dutyDays: [3, 1, 1] });
  const chen = await t.call('teachers.add', { name: '陈志强', role: 'teacher', pin: '2222', dutyDays: [2, 4] });
  return { wang, chen };
}

describe('teacher records', () => {
  it('keep phone (normalized), classes taught and duty days; bad input changes nothing', async () => {
    const { wang } = await twoTeachers();
    expect(wang).toMatchObject({ phone: '13800138000', classes: ['3-1', '3-2'], dutyDays: [1, 3] });
    expect(await codeOf(t.callRaw('teachers.update', { id: wang.id, name: '王丽华', role: 'teacher', classes: ['7-1'] }))).toBe('input.invalid');
    expect(await codeOf(t.call('teachers.update', { id: wang.id, name: '王丽华', role: 'teacher', phone: '电话' }))).toBe('input.invalid');
    expect(await codeOf(t.callRaw('teachers.update', { id: wang.id, name: '王丽华', role: 'teacher', dutyDays: [7] }))).toBe('input.invalid');
    // Fields left out stay as they were.
    const renamed = await t.call('teachers.update', { id: wang.id, name: '王丽华', role: 'teacher', dutyDays: [5] });
    expect(renamed).toMatchObject({ phone: '13800138000', classes: ['3-1', '3-2'], dutyDays: [5] });
  });
});

describe('the duty rota and the room calendar', () => {
  it('the weekly pattern names each open day’s teacher; a change, a swap, and no duty on a closed day', async () => {
    const { wang, chen } = await twoTeachers();
    // 2026-11-30 is a Monday.
    const week = await t.call('rota.days', { from: '2026-11-29', to: '2026-12-05' });
    expect(week.map((d) => [d.day, d.open, d.teachers.map((x) => x.name)])).toEqual([
      ['2026-11-29', false, []],
      ['2026-11-30', true, ['王丽华']],
      ['2026-12-01', true, ['陈志强']],
      ['2026-12-02', true, ['王丽华']],
      ['2026-12-03', true, ['陈志强']],
      ['2026-12-04', true, []],
      ['2026-12-05', true, []],
    ]);
    await t.call('rota.setChange', { day: '2026-12-04', teacherId: chen.id, reason: '补班' });
    await t.call('rota.swap', { a: '2026-11-30', b: '2026-12-01' });
    const after = await t.call('rota.days', { from: '2026-11-30', to: '2026-12-04' });
    expect(after.map((d) => [d.teachers.map((x) => x.name).join(), d.changed])).toEqual([
      ['陈志强', true],
      ['王丽华', true],
      ['王丽华', false],
      ['陈志强', false],
      ['陈志强', true],
    ]);
    expect(await codeOf(t.call('rota.setChange', { day: '2026-11-29', teacherId: wang.id }))).toBe('rota.closedDay');
    expect(await codeOf(t.call('rota.swap', { a: '2026-12-04', b: '2026-12-05' }))).toBe('rota.swapNeedsOne');
    expect(await codeOf(t.call('rota.days', { from: '2026-12-05', to: '2026-11-30' }))).toBe('rota.endBeforeStart');
    await t.call('rota.clearChange', { day: '2026-12-04' });
    expect((await t.call('rota.days', { from: '2026-12-04', to: '2026-12-04' }))[0]!.teachers).toEqual([]);
    // A teacher may not change the rota.
    await login(wang.id, '1111');
    expect(await codeOf(t.call('rota.setChange', { day: '2026-12-04', teacherId: wang.id }))).toBe('api.forbidden');
  });

  it('closures and special openings: the rota, the call-home list and the summary’s days open agree', async () => {
    t = await makeSetUpCore();
    const a = await t.call('children.create', { ...ZHANG, name: '甲' });
    const kiosk = t.core.openSession('kiosk');
    const visitOn = async (iso: string) => {
      t.clock.set(Date.parse(`${iso}+08:00`));
      await t.call('kiosk.toggle', { childId: a.id }, kiosk);
      t.clock.set(Date.parse(`${iso}+08:00`) + 3_600_000);
      await t.call('kiosk.toggle', { childId: a.id }, kiosk);
    };
    // A Monday, a Tuesday in the 国庆 closure (a test sign-in), and a Sunday of a holiday programme.
    await visitOn('2026-09-28T16:00:00');
    await visitOn('2026-10-06T16:00:00');
    await visitOn('2026-10-11T10:00:00');
    t.clock.set(T0);
    await login(t.adminId, SETUP.admin.pin);
    expect(await codeOf(t.call('rota.addCalendar', { kind: 'closed', name: '国庆', from: '2026-10-08', to: '2026-10-01' }))).toBe('input.invalid');
    expect((await t.call('summary.compute', { from: '2026-09-01', to: '2026-10-31' })).room.daysOpen).toBe(3);
    await t.call('rota.addCalendar', { kind: 'closed', name: '国庆节', from: '2026-10-01', to: '2026-10-08' });
    const special = await t.call('rota.addCalendar', { kind: 'open', name: '周日托管', from: '2026-10-11', to: '2026-10-11' });
    const room = (await t.call('summary.compute', { from: '2026-09-01', to: '2026-10-31' })).room;
    expect(room).toMatchObject({ daysOpen: 2, visits: 2 });
    const days = await t.call('rota.days', { from: '2026-10-05', to: '2026-10-11' });
    expect(days.map((d) => [d.open, d.reason, d.calendarName])).toEqual([
      ...Array.from({ length: 4 }, () => [false, 'closure', '国庆节']),
      [true, 'hours', null],
      [true, 'hours', null],
      [true, 'special', '周日托管'],
    ]);
    // On a closed day nobody is listed to call home from the room.
    t.clock.set(Date.parse('2026-10-06T17:00:00+08:00'));
    await login(t.adminId, SETUP.admin.pin);
    await t.call('kiosk.toggle', { childId: a.id }, kiosk);
    expect((await t.call('calls.callHome')).children).toEqual([]);
    // The board says so too, and warns of no closing time on a closed day; an open day has its closing time.
    expect(await t.call('attendance.board', { day: '2026-10-06' })).toMatchObject({ closedFor: '国庆节', closesAt: null });
    expect(await t.call('attendance.board', { day: '2026-10-09' })).toMatchObject({ closedFor: null, closesAt: expect.any(Number) });
    await t.call('rota.removeCalendar', { id: special.id });
    expect(await codeOf(t.call('rota.removeCalendar', { id: special.id }))).toBe('rota.calendarNotFound');
  });

  it('the handover note: saved, read back by the next day as the previous note, never for a later day', async () => {
    const { wang } = await twoTeachers();
    await login(wang.id, '1111');
    await t.call('rota.saveNote', { day: '2026-11-28', note: '  张三丽今天发烧，已通知奶奶。\n明天留意。 ' });
    expect(await t.call('rota.note', { day: '2026-11-28' })).toMatchObject({ note: '张三丽今天发烧，已通知奶奶。\n明天留意。', teacherName: '王丽华' });
    expect(await t.call('rota.previousNote', { day: '2026-11-30' })).toMatchObject({ day: '2026-11-28' });
    expect(await codeOf(t.call('rota.saveNote', { day: '2026-11-29', note: '明天的事' }))).toBe('rota.noteInFuture');
    await t.call('rota.saveNote', { day: '2026-11-28', note: '' });
    expect(await t.call('rota.note', { day: '2026-11-28' })).toBeNull();
  });
});

describe('first run', () => {
  it('setup signs the admin in and answers a recovery code, kept only hashed', async () => {
    t = makeCore();
    const view = await t.call('setup.run', SETUP);
    expect(view.mode).toBe('desk');
    expect(view.teacher).toMatchObject({ name: SETUP.admin.name, role: 'admin' });
    expect(view.recoveryCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const stored = t.core.db.prepare("SELECT value FROM settings WHERE key = 'recovery.hash'").pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(view.recoveryCode!.replace(/-/g, ''));
    expect(await t.call('firstrun.steps')).toEqual({ children: 0, teachers: 1, hoursSet: false, rotaSet: false, books: 0, demo: false });
  });

  it('the recovery code resets an admin’s PIN from the lock screen; wrong codes count; a new code replaces the old', async () => {
    t = makeCore();
    const { recoveryCode, teacher } = await t.call('setup.run', SETUP);
    await t.call('auth.lock');
    const teacherId = teacher!.id;
    expect(await codeOf(t.call('firstrun.recover', { teacherId, code: 'AAAA-BBBB-CCCC-DDDD', newPin: '9999' }))).toBe('firstrun.wrongCode');
    expect(await codeOf(t.call('firstrun.recover', { teacherId, code: recoveryCode!, newPin: '12' }))).toBe('input.invalid');
    // Typed back in lower case with spaces: still the code.
    await t.call('firstrun.recover', { teacherId, code: ` ${recoveryCode!.toLowerCase().replace(/-/g, ' ')} `, newPin: '9999' });
    expect(await codeOf(login(teacherId, SETUP.admin.pin))).toBe('auth.wrongPin');
    await login(teacherId, '9999');
    const { code } = await t.call('firstrun.newRecoveryCode');
    expect(code).not.toBe(recoveryCode);
    const wang = await t.call('teachers.add', { name: '王丽华', role: 'teacher', pin: '1111' });
    await t.call('auth.lock');
    expect(await codeOf(t.call('firstrun.recover', { teacherId, code: recoveryCode!, newPin: '8888' }))).toBe('firstrun.wrongCode');
    expect(await codeOf(t.call('firstrun.recover', { teacherId: wang.id, code, newPin: '8888' }))).toBe('firstrun.notAdmin');
    // The fifth wrong code locks recovery for a while, even for the right code.
    for (let i = 0; i < 3; i++) await codeOf(t.call('firstrun.recover', { teacherId, code: 'AAAA-BBBB-CCCC-DDDD', newPin: '8888' }));
    expect(await codeOf(t.call('firstrun.recover', { teacherId, code: 'AAAA-BBBB-CCCC-DDDD', newPin: '8888' }))).toBe('firstrun.recoveryLocked');
    expect(await codeOf(t.call('firstrun.recover', { teacherId, code, newPin: '8888' }))).toBe('firstrun.recoveryLocked');
  });

  it('"start real use" takes a backup, then clears the demo school after the typed words; the admin and the school stay', async () => {
    t = makeCore();
    await t.call('setup.run', { ...SETUP, demo: true });
    const before = await t.call('firstrun.steps');
    expect(before.demo).toBe(true);
    expect(before.children).toBeGreaterThan(50);
    expect(await codeOf(t.call('firstrun.clearDemo', { confirm: '开始使用' }))).toBe('firstrun.confirmMismatch');
    expect((await t.call('firstrun.steps')).children).toBe(before.children);
    await t.call('rota.addCalendar', { kind: 'closed', name: '寒假', from: '2027-01-21', to: '2027-02-20' });
    const { backup } = await t.call('firstrun.clearDemo', { confirm: '开始正式使用' });
    expect(fs.existsSync(backup)).toBe(true);
    expect(await t.call('firstrun.steps')).toMatchObject({ children: 0, teachers: 1, books: 0, demo: false });
    for (const table of ['visits', 'loans', 'copies', 'calls', 'events', 'contacts']) {
      expect(t.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    expect((await t.call('app.info')).schoolName).toBe(SETUP.schoolName);
    expect(await t.call('rota.calendar')).toHaveLength(1);
    expect(t.core.db.pragma('foreign_key_check')).toEqual([]);
    expect((await t.call('audit.list', { limit: 5 })).map((a) => a.action)).toContain('demo.clear');
    // Once real, never again: the words do not empty a real school's records.
    await t.call('children.create', ZHANG);
    expect(await codeOf(t.call('firstrun.clearDemo', { confirm: '开始正式使用' }))).toBe('firstrun.notDemo');
    expect((await t.call('firstrun.steps')).children).toBe(1);
  });
});

describe('calls are deleted only by the teacher who logged them or an admin', () => {
  it('refuses another teacher and changes nothing', async () => {
    const { wang, chen } = await twoTeachers();
    const child = await t.call('children.create', ZHANG);
    await login(wang.id, '1111');
    const call = await t.call('calls.log', { childId: child.id, contactId: child.contacts[0]!.id, kind: 'voice', direction: 'out', at: T0 });
    expect(call.teacherId).toBe(wang.id);
    await login(chen.id, '2222');
    expect(await codeOf(t.call('calls.remove', { id: call.id, reason: '记错了' }))).toBe('calls.notYours');
    expect((await t.call('calls.ofChild', { childId: child.id })).calls).toHaveLength(1);
    await login(t.adminId, SETUP.admin.pin);
    await t.call('calls.remove', { id: call.id, reason: '记错了' });
    expect((await t.call('calls.ofChild', { childId: child.id })).calls).toHaveLength(0);
  });
});

describe('the audit log names whom a row is about', () => {
  it('a child by name, a teacher by name, a rota change as one row', async () => {
    const { wang } = await twoTeachers();
    const child = await t.call('children.create', ZHANG);
    await t.call('children.update', { id: child.id, child: { ...ZHANG, grade: 4 } });
    await t.call('rota.setChange', { day: '2026-12-04', teacherId: wang.id, reason: '补班' });
    const rows = await t.call('audit.list', { limit: 10 });
    expect(rows.find((a) => a.action === 'children.update')?.subject).toBe('张三丽');
    expect(rows.find((a) => a.action === 'teachers.add')?.subject).toBe('陈志强');
    expect(rows.filter((a) => a.action === 'rota.change')).toHaveLength(1);
    expect(rows.find((a) => a.action === 'rota.change')?.subject).toBe('王丽华');
    // The name is read from the live record: once the child is deleted the log names nobody.
    await t.call('children.remove', { id: child.id, confirmName: '张三丽' });
    const after = await t.call('audit.list', { limit: 20 });
    expect(after.filter((a) => a.entity === 'child' && a.entityId === child.id).every((a) => a.subject === null)).toBe(true);
  });
});

describe('a weekly group on the Today page', () => {
  it('shows its next session, not its first, once the first is over', async () => {
    t = await makeSetUpCore();
    const club = await t.call('events.create', {
      title: '象棋兴趣小组',
      categoryId: 1,
      startsAt: Date.parse('2026-11-04T16:00:00+08:00'),
      endsAt: Date.parse('2026-11-04T17:30:00+08:00'),
      grades: [1, 2, 3, 4, 5, 6],
      weeks: 8,
    });
    await t.call('events.attendance', { sessionId: club.sessions[0]!.id, present: [] });
    const shown = (await t.call('today.overview')).events.find((e) => e.title === '象棋兴趣小组');
    // Today is Saturday 2026-11-28: the next session is Wednesday 12-02.
    expect(shown?.startsAt).toBe(Date.parse('2026-12-02T16:00:00+08:00'));
  });
});
