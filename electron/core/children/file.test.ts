import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';

let t: TestCore;
afterEach(() => t.cleanup());

const DAY = 24 * 60 * 60_000;

/** Every cell of a sheet as text, row by row (no title row). */
function rowsOf(wb: ExcelJS.Workbook, name: string): string[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const out: string[][] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return out;
}

async function childWithEverything() {
  t = await makeSetUpCore();
  const c = await t.call('children.create', { ...ZHANG, notes: '=HYPERLINK("http://x")', birthDate: '2016-11-20' });
  await t.call('attendance.signIn', { childId: c.id });
  t.clock.set(T0 + 3_600_000);
  await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
  await t.call('attendance.signOut', { childId: c.id });
  await t.call('calls.log', { childId: c.id, contactId: c.contacts[1]!.id, kind: 'video', direction: 'in', seconds: 600, note: '+妈妈说想他' });
  await t.call('library.createBook', { book: { title: '草房子' }, copies: { count: 2 } });
  await t.call('library.lend', { childId: c.id, barcode: '000001' });
  await t.call('library.return', { barcode: '000001' });
  await t.call('library.lend', { childId: c.id, barcode: '000002' });
  const ev = await t.call('events.create', { title: '剪纸兴趣小组', categoryId: 5, startsAt: T0 + DAY, endsAt: T0 + DAY + 3_600_000, grades: [1, 2, 3, 4, 5, 6] });
  await t.call('events.signUp', { eventId: ev.event.id, childId: c.id });
  await t.call('birthdays.recordParty', { month: '2026-11', heldOn: '2026-11-28' });
  return c;
}

describe('one child’s whole file', () => {
  it('holds every part: record, contacts, visits, calls, loans, events, birthdays', async () => {
    const c = await childWithEverything();
    const f = await t.call('children.file', { id: c.id });
    expect(f.child).toMatchObject({ id: c.id, name: '张三丽' });
    expect(f.child.contacts).toHaveLength(3);
    expect(f.visits).toHaveLength(1);
    expect(f.calls).toEqual([expect.objectContaining({ withRole: 'mother', kind: 'video', seconds: 600 })]);
    expect(f.loans.map((l) => [l.barcode, l.returnedOn !== null])).toEqual([
      ['000002', false],
      ['000001', true],
    ]);
    expect(f.events).toEqual([expect.objectContaining({ title: '剪纸兴趣小组', status: 'confirmed', signedBy: 'teacher' })]);
    expect(f.birthdays).toEqual({ next: '2027-11-20', parties: [{ month: '2026-11', heldOn: '2026-11-28' }] });
  });

  it('exports as .xlsx, one sheet per part with Chinese headers and formula-safe cells; admin only; audited', async () => {
    const c = await childWithEverything();
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    await t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s);
    expect(await codeOf(t.call('children.exportFile', { id: c.id }, s))).toBe('api.forbidden');
    expect(await codeOf(t.call('children.file', { id: c.id }, s))).toBe('api.forbidden');

    const out = await t.call('children.exportFile', { id: c.id });
    expect(out.fileName).toMatch(/^张三丽-完整档案-2026-11-28\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['档案', '联系人', '签到记录', '亲情电话', '借阅记录', '活动', '生日']);
    const record = rowsOf(wb, '档案');
    expect(record[0]).toEqual(['项目', '内容']);
    expect(record).toContainEqual(['姓名', '张三丽']);
    // The category and each parent's situation (both away: 农村留守儿童).
    expect(record).toContainEqual(['类别', '农村留守儿童']);
    expect(record).toContainEqual(['父亲情况', '外出务工']);
    expect(record).toContainEqual(['母亲情况', '外出务工']);
    expect(record).toContainEqual(['下一个生日', '2027-11-20']);
    // Text that looks like a formula is text: no cell holds a formula anywhere in the workbook.
    expect(record).toContainEqual(['备注（仅教师可见）', "'=HYPERLINK(\"http://x\")"]);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
    expect(rowsOf(wb, '联系人').map((r) => r[0])).toEqual(['身份', '父亲', '母亲', '监护人']);
    expect(rowsOf(wb, '签到记录')).toEqual([
      ['日期', '签到', '签退', '签到方式', '签退方式', '未签退'],
      ['2026-11-28', '09:00', '10:00', '教师', '教师', ''],
    ]);
    expect(rowsOf(wb, '亲情电话')[1]).toEqual(['2026-11-28 09:50', '母亲', '李小红', '视频', '家长打来', '10', "'+妈妈说想他", SETUP.admin.name]);
    expect(rowsOf(wb, '借阅记录').slice(1).map((r) => [r[0], r[1], r[6]])).toEqual([
      ['000002', '草房子', '未还'],
      ['000001', '草房子', '已归还'],
    ]);
    expect(rowsOf(wb, '活动')[1]!.slice(0, 4)).toEqual(['剪纸兴趣小组', '2026-11-29 09:00', '筹备中', '已报名']);
    expect(rowsOf(wb, '生日')).toEqual([
      ['集体生日（月份）', '举办日期'],
      ['2026-11', '2026-11-28'],
    ]);

    await t.call('children.file', { id: c.id });
    const audit = (await t.call('audit.list', { limit: 5 })).filter((a) => a.entity === 'child' && a.entityId === c.id);
    expect(audit.map((a) => [a.action, a.teacherName])).toEqual(
      expect.arrayContaining([
        ['children.exportFile', SETUP.admin.name],
        ['children.printFile', SETUP.admin.name],
      ]),
    );
    // The log names the child only while showing it (looked up from the record); its stored rows hold no name.
    expect(audit.map((a) => a.subject)).toEqual(['张三丽', '张三丽']);
    const stored = t.core.db.prepare('SELECT * FROM audit').all();
    expect(JSON.stringify(stored)).not.toContain('张三丽');
  });
});
