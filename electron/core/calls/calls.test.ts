import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { Child } from '../../../shared/domain/child.js';

let t: TestCore;
afterEach(() => t.cleanup());

const DAY = 86_400_000;

async function setUp() {
  t = await makeSetUpCore();
  const zhang = await t.call('children.create', ZHANG);
  const li = await t.call('children.create', { ...ZHANG, name: '李雷', birthDate: '2016-01-01', awayParents: 'father' });
  const buddy = await t.call('children.create', { ...ZHANG, name: '王小明', birthDate: '2016-02-01', awayParents: 'none' });
  return { zhang, li, buddy };
}

const contact = (c: Child, role: string) => c.contacts.find((x) => x.role === role)!.id;

async function at(ms: number) {
  t.clock.set(ms);
  await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
}

describe('family calls', () => {
  it('logs a timed call with a contact of the child; refuses no contact, a contact of another child, the future, 20 hours', async () => {
    const { zhang, li } = await setUp();
    const call = await t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'father'), kind: 'video', direction: 'out', at: T0 - 600_000, seconds: 312, note: '说了考试的事' });
    expect(call).toMatchObject({ childName: '张三丽', withRole: 'father', withName: '张大山', kind: 'video', seconds: 312, day: '2026-11-28', teacherName: SETUP.admin.name });
    expect(await codeOf(t.callRaw('calls.log', { childId: zhang.id, kind: 'voice', direction: 'out', at: T0 }))).toBe('input.invalid');
    expect(await codeOf(t.callRaw('calls.log', { contactId: contact(zhang, 'father'), kind: 'voice', direction: 'out', at: T0 }))).toBe('input.invalid');
    expect(await codeOf(t.call('calls.log', { childId: zhang.id, contactId: contact(li, 'father'), kind: 'voice', direction: 'out', at: T0 }))).toBe('calls.contactNotFound');
    expect(await codeOf(t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'father'), kind: 'voice', direction: 'out', at: T0 + 3_600_000 }))).toBe('calls.inFuture');
    expect(await codeOf(t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'father'), kind: 'voice', direction: 'out', at: T0, seconds: 20 * 3600 }))).toBe('input.invalid');
    expect(await codeOf(t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'father'), kind: 'voice', direction: 'out', at: T0, seconds: -5 }))).toBe('input.invalid');
    // A letter has no length.
    const letter = await t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'mother'), kind: 'letter', direction: 'out', at: T0, seconds: 60 });
    expect(letter.seconds).toBeNull();
    const { calls, byMonth } = await t.call('calls.ofChild', { childId: zhang.id });
    expect(calls.map((c) => c.kind)).toEqual(['letter', 'video']);
    expect(byMonth).toEqual([{ month: '2026-11', voice: 0, video: 1, letter: 1 }]);
  });

  it('the call-home list: left-behind children in the room today, with no contact with a parent for 30 days', async () => {
    const { zhang, li, buddy } = await setUp();
    const kiosk = t.core.openSession('kiosk');
    for (const c of [zhang, li, buddy]) await t.call('kiosk.toggle', { childId: c.id }, kiosk);
    const list = async () => (await t.call('calls.callHome')).children;
    // Never in touch: both left-behind children; the buddy lives with his parents.
    expect((await list()).map((c) => [c.name, c.lastDay])).toEqual([['李雷', null], ['张三丽', null]]);
    // Only the away parents are offered to dial: 李雷's father.
    expect((await list())[0]!.parents.map((p) => [p.role, p.phones])).toEqual([['father', ['13800138000']]]);
    // A guardian is not a parent: 张三丽 stays on the list.
    await t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'guardian'), kind: 'voice', direction: 'out', at: T0 });
    expect((await list()).map((c) => c.name)).toEqual(['李雷', '张三丽']);
    // A call 31 days ago does not count, one 29 days ago does.
    await t.call('calls.log', { childId: li.id, contactId: contact(li, 'father'), kind: 'voice', direction: 'in', at: T0 - 31 * DAY });
    expect((await list()).find((c) => c.name === '李雷')).toMatchObject({ daysSince: 31 });
    await t.call('calls.log', { childId: li.id, contactId: contact(li, 'father'), kind: 'voice', direction: 'in', at: T0 - 29 * DAY });
    expect((await list()).map((c) => c.name)).toEqual(['张三丽']);
    await t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'mother'), kind: 'video', direction: 'out', at: T0 });
    expect(await list()).toEqual([]);
    // The number of days is a setting.
    await t.call('calls.setRules', { rules: { noContactDays: 20 } });
    expect((await list()).map((c) => c.name)).toEqual(['李雷']);
    // Children who did not come today are not on it.
    await at(T0 + DAY);
    expect(await list()).toEqual([]);
  });

  it('the monthly target counts left-behind children with a parent contact in the month', async () => {
    const { zhang, li } = await setUp();
    await t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'mother'), kind: 'letter', direction: 'out', at: Date.parse('2026-11-03T16:00:00+08:00') });
    await t.call('calls.log', { childId: li.id, contactId: contact(li, 'father'), kind: 'voice', direction: 'out', at: Date.parse('2026-10-31T23:30:00+08:00') });
    const nov = await t.call('calls.monthly', { month: '2026-11' });
    expect(nov).toMatchObject({ total: 2, contacted: 1 });
    expect(nov.missing.map((c) => [c.name, c.lastDay])).toEqual([['李雷', '2026-10-31']]);
    expect((await t.call('calls.monthly', { month: '2026-10' })).contacted).toBe(1);
    expect(await codeOf(t.call('calls.monthly', { month: '2026-13' }))).toBe('input.invalid');
  });

  it('removing a call needs a reason and is audited; the export is a real .xlsx', async () => {
    const { zhang } = await setUp();
    const call = await t.call('calls.log', { childId: zhang.id, contactId: contact(zhang, 'father'), kind: 'voice', direction: 'out', at: T0, seconds: 120, note: '=HYPERLINK("x")' });
    const file = await t.call('calls.export', { from: '2026-11-01', to: '2026-11-30' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(3);
    expect([row.getCell(3).value, row.getCell(7).value, row.getCell(9).value, row.getCell(11).value]).toEqual(['张三丽', '电话', 2, `'=HYPERLINK("x")`]);
    expect(await codeOf(t.call('calls.remove', { id: call.id, reason: '' }))).toBe('input.invalid');
    await t.call('calls.remove', { id: call.id, reason: '记错了孩子' });
    expect(await codeOf(t.call('calls.remove', { id: call.id, reason: '再删' }))).toBe('calls.notFound');
  });
});
