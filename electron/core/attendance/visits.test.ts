import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { Child } from '../../../shared/domain/child.js';
import { contracts } from '../../../shared/api/index.js';
import { write } from '../db/write.js';

let t: TestCore;
afterEach(() => t.cleanup());

async function withChildren(): Promise<{ zhang: Child; li: Child; kiosk: string }> {
  t = await makeSetUpCore();
  const zhang = await t.call('children.create', { ...ZHANG, birthDate: '2016-11-28' });
  const li = await t.call('children.create', { ...ZHANG, name: '李雷', birthDate: '2016-01-01', grade: 4, classNo: 1 });
  return { zhang, li, kiosk: t.core.openSession('kiosk') };
}

/** Moves the clock; the desk has locked itself meanwhile when the jump is long, so sign in again. */
async function later(ms: number): Promise<void> {
  t.clock.set(t.clock.now() + ms);
  await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
}

const minutes = (n: number) => n * 60_000;

describe('visits', () => {
  it('the kiosk button signs in, then out; a second tap within seconds changes nothing', async () => {
    const { zhang, kiosk } = await withChildren();
    const first = await t.call('kiosk.toggle', { childId: zhang.id }, kiosk);
    expect(first).toMatchObject({ action: 'in', calledName: '三丽', repeated: false, birthday: true });
    t.clock.set(t.clock.now() + 2000);
    const again = await t.call('kiosk.toggle', { childId: zhang.id }, kiosk);
    expect(again).toMatchObject({ action: 'in', repeated: true });
    await later(minutes(30));
    expect(await t.call('kiosk.toggle', { childId: zhang.id }, kiosk)).toMatchObject({ action: 'out', repeated: false });
    const visits = await t.call('attendance.childVisits', { childId: zhang.id, from: '2026-11-01', to: '2026-11-30' });
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ day: '2026-11-28', inAt: T0, outAt: T0 + 2000 + minutes(30), inBy: 'kiosk', outBy: 'kiosk' });
  });

  it('signing in twice or out without being in gets a clear message; the database holds one open visit', async () => {
    const { zhang } = await withChildren();
    await t.call('attendance.signIn', { childId: zhang.id });
    expect(await codeOf(t.call('attendance.signIn', { childId: zhang.id }))).toBe('checkins.alreadyIn');
    await t.call('attendance.signOut', { childId: zhang.id });
    expect(await codeOf(t.call('attendance.signOut', { childId: zhang.id }))).toBe('checkins.notIn');
    await t.call('attendance.signIn', { childId: zhang.id });
    expect(() =>
      write(t.core.db, () => t.core.db.prepare("INSERT INTO visits (child_id, day, in_at, in_by) VALUES (?, '2026-11-28', ?, 'kiosk')").run(zhang.id, T0)),
    ).toThrow(/UNIQUE/);
  });

  it('a child who left cannot sign in and does not appear at the kiosk', async () => {
    const { li, kiosk } = await withChildren();
    await t.call('children.archive', { id: li.id, leftDate: '2026-11-20', reason: '转学' });
    // The kiosk is not told who the child was: no name of a child who left reaches it.
    const err = await t.call('kiosk.toggle', { childId: li.id }, kiosk).catch((e: { payload: unknown }) => e.payload);
    expect(err).toEqual({ code: 'children.notFound' });
    expect(await t.call('kiosk.classChildren', { grade: 4, classNo: 1 }, kiosk)).toEqual([]);
    expect(await t.call('kiosk.classes', {}, kiosk)).toEqual([{ grade: 3, classNo: 2 }]);
  });

  it('the kiosk finds a child by initials or card code and learns only name, class and state', async () => {
    const { zhang, kiosk } = await withChildren();
    const found = await t.call('kiosk.search', { q: 'zsl' }, kiosk);
    expect(found).toEqual([{ id: zhang.id, name: '张三丽', calledName: '三丽', label: '三丽', grade: 3, classNo: 2, state: 'out', since: null }]);
    expect(await t.call('kiosk.card', { code: ` ${zhang.cardCode.toLowerCase()} ` }, kiosk)).toEqual(found[0]);
    expect(await codeOf(t.call('kiosk.card', { code: 'CNOSUCHCARD' }, kiosk))).toBe('kiosk.unknownCard');
    // Nothing with contact data is reachable from the kiosk session.
    for (const name of ['children.get', 'children.list', 'children.printData', 'attendance.board', 'attendance.childVisits']) {
      expect(contracts[name as keyof typeof contracts].access, name).not.toBe('kiosk');
      expect(await codeOf(t.callRaw(name, { id: zhang.id, childId: zhang.id }, kiosk)), name).toBe('api.forbidden');
    }
  });

  it('the board shows who is in, who came and left, and who has not come, for a day', async () => {
    const { zhang, li, kiosk } = await withChildren();
    await t.call('kiosk.toggle', { childId: zhang.id }, kiosk);
    await t.call('kiosk.toggle', { childId: li.id }, kiosk);
    await later(minutes(40));
    await t.call('kiosk.toggle', { childId: li.id }, kiosk);
    const board = await t.call('attendance.board', {});
    expect(board.counts).toEqual({ in: 1, left: 1, none: 0 });
    expect(board.children.find((c) => c.id === zhang.id)).toMatchObject({ state: 'in', visits: 1 });
    expect(board.children.find((c) => c.id === li.id)).toMatchObject({ state: 'left', firstIn: T0, lastOut: T0 + minutes(40) });
    expect((await t.call('attendance.board', { day: '2026-11-27' })).counts).toEqual({ in: 0, left: 0, none: 2 });
  });

  it('a visit left open is closed at that day’s closing time and flagged, with an audit row', async () => {
    const { zhang } = await withChildren();
    await t.call('attendance.signIn', { childId: zhang.id });
    await later(Date.parse('2026-11-30T16:00:00+08:00') - t.clock.now());
    const board = await t.call('attendance.board', {});
    expect(board.counts.in).toBe(0);
    const [v] = await t.call('attendance.childVisits', { childId: zhang.id, from: '2026-11-28', to: '2026-11-28' });
    // 2026-11-28 is a Saturday: the room closes at 17:00.
    expect(v).toMatchObject({ notSignedOut: true, outBy: 'closing', outAt: Date.parse('2026-11-28T17:00:00+08:00') });
    const old = await t.call('attendance.board', { day: '2026-11-28' });
    expect(old.children.find((c) => c.id === zhang.id)).toMatchObject({ state: 'left', notSignedOut: true });
    const audit = await t.call('audit.list', { limit: 3 });
    expect(audit.map((a) => a.action)).toContain('attendance.notSignedOut');
  });

  it('a teacher corrects a time with a reason, audited; an impossible correction is refused', async () => {
    const { zhang } = await withChildren();
    const v = await t.call('attendance.signIn', { childId: zhang.id });
    await t.call('attendance.signOut', { childId: zhang.id });
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: T0, outAt: T0 - 1, reason: '补录' }))).toBe('attendance.outBeforeIn');
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: T0, outAt: T0 + 1, reason: ' ' }))).toBe('input.invalid');
    // Never after the core's now.
    expect(await codeOf(t.call('attendance.correct', { visitId: v.id, inAt: T0, outAt: T0 + minutes(50), reason: '补录' }))).toBe('attendance.futureTime');
    await later(minutes(60));
    const fixed = await t.call('attendance.correct', { visitId: v.id, inAt: T0 - minutes(10), outAt: T0 + minutes(50), reason: '孩子忘了签到' });
    expect(fixed).toMatchObject({ inAt: T0 - minutes(10), outAt: T0 + minutes(50) });
    const [row] = await t.call('audit.list', { limit: 1 });
    expect(row).toMatchObject({ action: 'attendance.correct' });
    expect(JSON.parse(row!.detail!).reason).toBe('孩子忘了签到');
  });

  it('opening hours are a setting an admin changes, audited', async () => {
    await withChildren();
    const hours = await t.call('settings.hours');
    expect(hours[0]).toBeNull();
    const next = [...hours];
    next[0] = { open: '09:00', close: '12:00' };
    await t.call('settings.setHours', { hours: next });
    expect((await t.call('settings.hours'))[0]).toEqual({ open: '09:00', close: '12:00' });
    next[1] = { open: '18:00', close: '15:00' };
    expect(await codeOf(t.call('settings.setHours', { hours: next }))).toBe('input.invalid');
  });
});

describe('register and day figures', () => {
  it('lists the day’s visits, exports them to .xlsx (audited), and counts visits and children per day', async () => {
    const { zhang, li, kiosk } = await withChildren();
    await t.call('kiosk.toggle', { childId: zhang.id }, kiosk);
    await t.call('kiosk.toggle', { childId: li.id }, kiosk);
    await later(minutes(30));
    await t.call('kiosk.toggle', { childId: li.id }, kiosk);
    await later(minutes(10));
    await t.call('kiosk.toggle', { childId: li.id }, kiosk);
    const rows = await t.call('attendance.register', { day: '2026-11-28' });
    expect(rows.map((r) => r.name)).toEqual(['张三丽', '李雷', '李雷']);
    const stats = await t.call('attendance.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats).toEqual([{ day: '2026-11-28', visits: 3, children: 2 }]);
    const file = await t.call('attendance.exportRegister', { day: '2026-11-28' });
    expect(file.fileName).toBe('出勤登记表-2026-11-28.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(3).getCell(2).value).toBe('张三丽');
    const actions = (await t.call('audit.list', { limit: 5 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['attendance.exportRegister', 'attendance.printRegister']));
  });
});
