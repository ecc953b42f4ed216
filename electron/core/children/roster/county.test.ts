import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../../tests/helpers/core.js';
import { COUNTY_REFUSED, countyRoster, idFor } from '../../../../tests/fixtures/countyRoster.js';
import { REGISTER_HEADERS } from './register.js';
import { summaryJsonSchema } from '../../../../shared/domain/summaryJson.js';

let t: TestCore;
afterEach(() => t.cleanup());

const preview = (data: Buffer, fileName = '台账.xlsx') => t.call('children.importPreview', { fileName, data: data.toString('base64') });
const rowOf = (p: Awaited<ReturnType<typeof preview>>, row: number) => p.rows.find((r) => r.row === row)!;

describe('a county-style register', () => {
  it('reads 出生年月 in every spelling as a month, checks 身份证号, and says which category each child is', async () => {
    t = await makeSetUpCore();
    const p = await preview(await countyRoster());
    expect(p.columns.map((c) => c.field)).toEqual(expect.arrayContaining(['birthDate', 'idNumber', 'pupilNo', 'gradeClass', 'awayParents', 'mentor']));
    expect(p.ignoredColumns).toEqual([]);
    // Year-month: 2018.03, 2018年5月, 2019.2 (a number), 2018-3, 201803, 2017年12月: a month each, no made-up day.
    expect(rowOf(p, 3)).toMatchObject({ status: 'new', birthDate: '2018-03', awayParents: 'father', category: 'oneAway', problems: [] });
    expect(rowOf(p, 4)).toMatchObject({ status: 'new', birthDate: '2018-05', category: 'leftBehind' });
    expect(rowOf(p, 5)).toMatchObject({ status: 'new', birthDate: '2019-02', category: 'oneAway' });
    expect(rowOf(p, 6)).toMatchObject({ status: 'new', birthDate: '2018-03', category: 'orphan' });
    expect(rowOf(p, 7)).toMatchObject({ status: 'new', birthDate: '2018-03', awayParents: 'mother', category: 'oneAway' });
    // 2019.1 typed as a number may have been 2019.10: read as January, with a warning.
    expect(rowOf(p, 14)).toMatchObject({ status: 'new', birthDate: '2019-01' });
    expect(rowOf(p, 14).problems).toEqual([expect.objectContaining({ field: 'birthDate', message: 'birthMonthOne', level: 'warning' })]);
    // An Excel date and a matching ID: the day.
    expect(rowOf(p, 8)).toMatchObject({ status: 'new', birthDate: '2017-09-01', gender: 'male', problems: [] });
    // ID only: birth date and sex from it.
    expect(rowOf(p, 9)).toMatchObject({ status: 'new', birthDate: '2016-11-20', gender: 'female' });
    // ID and 出生年月 disagree: shown, and the ID's day kept.
    expect(rowOf(p, 11)).toMatchObject({ status: 'new', birthDate: '2017-05-03' });
    expect(rowOf(p, 11).problems).toEqual([
      expect.objectContaining({ field: 'birthDate', message: 'idBirthConflict', params: { birth: '2017-04', id: '2017-05-03' }, level: 'warning' }),
    ]);
    for (const [row, message] of Object.entries(COUNTY_REFUSED)) {
      expect(rowOf(p, Number(row)).status, `row ${row}`).toBe('error');
      expect(rowOf(p, Number(row)).problems.map((x) => x.message), `row ${row}`).toContain(message);
    }
    expect(p.counts).toEqual({ new: 9, existing: 0, error: 3, warning: 2 });
  });

  it('keeps the ID number only when the setting says so; 学籍号 always', async () => {
    t = await makeSetUpCore();
    expect(await t.call('children.rosterSettings')).toEqual({ keepIdNumbers: false });
    const p = await preview(await countyRoster());
    await t.call('children.importCommit', { importId: p.importId });
    const list = await t.call('children.list', {});
    const zhou = await t.call('children.get', { id: list.find((c) => c.name === '周杰')!.id });
    expect(zhou).toMatchObject({ idNumber: null, birthDate: '2017-09-01', gender: 'male', fatherSituation: 'away', motherSituation: 'away', category: 'leftBehind' });
    const wang = await t.call('children.get', { id: list.find((c) => c.name === '王小丽')!.id });
    expect(wang).toMatchObject({ pupilNo: 'G520102201803010021', birthDate: '2018-03' });

    await t.call('children.setRosterSettings', { keepIdNumbers: true });
    const id = idFor('2017-09-01', '123');
    const kept = await t.call('children.update', { id: zhou.id, child: { ...zhou, gender: zhou.gender ?? '', idNumber: id } });
    expect(kept.idNumber).toBe(id);
    // Turned off again: the numbers kept are forgotten.
    await t.call('children.setRosterSettings', { keepIdNumbers: false });
    expect((await t.call('children.get', { id: zhou.id })).idNumber).toBeNull();
    // The form refuses an ID that disagrees with the birth date it is sent with.
    const bad = await t.call('children.update', { id: zhou.id, child: { ...zhou, gender: 'male', birthDate: '2017-09-02', idNumber: id } }).catch((e: { payload: unknown }) => e.payload);
    expect(bad).toMatchObject({ code: 'input.invalid', params: { issues: [expect.objectContaining({ path: 'child.birthDate', message: 'idBirthConflict' })] } });
  });

  it('the refused rows download in the file’s own columns with 问题, and import cleanly once fixed', async () => {
    t = await makeSetUpCore();
    const p = await preview(await countyRoster());
    expect(await t.call('children.importCommit', { importId: p.importId })).toEqual({ created: 9, existing: 0, errors: 3 });
    // After the import, the refused rows are still there to download.
    const out = await t.call('children.importRefused', { importId: p.importId });
    expect(out.fileName).toBe('台账-未导入的行.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '姓名', '性别', '出生年月', '身份证号', '全国学籍号', '年级班级', '留守儿童类别', '父亲务工地', '母亲务工地', '监护人姓名', '监护人与儿童关系', '联系电话', '结对教师', '问题', '原行号']);
    expect(ws.actualRowCount).toBe(4);
    const byName = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > 1) byName.set(String(row.getCell(2).value), row);
    });
    expect([...byName.keys()]).toEqual(['郑好', '钱多', '冯雪']);
    expect(String(byName.get('钱多')!.getCell(15).value)).toContain('少了一位数字');
    expect(String(byName.get('郑好')!.getCell(15).value)).toContain('校验位');
    expect(byName.get('冯雪')!.getCell(16).value).toBe(13);
    const audit = await t.call('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'children.exportRefused', entity: 'child' });

    // Fixed as a teacher would: the ID retyped, the missing digit added, the parents' situation written out.
    byName.get('郑好')!.getCell(5).value = idFor('2018-07-15', '262');
    byName.get('钱多')!.getCell(13).value = '15885512340';
    byName.get('冯雪')!.getCell(8).value = '父亲去世母亲服刑';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await preview(fixed, '台账-未导入的行.xlsx');
    expect(again.counts).toEqual({ new: 3, existing: 0, error: 0, warning: 0 });
    expect(again.ignoredColumns).toEqual(['问题', '原行号']);
    expect(again.rows.find((r) => r.name === '冯雪')).toMatchObject({ category: 'unsupported', birthDate: '2017-12' });
    expect(await t.call('children.importCommit', { importId: again.importId })).toEqual({ created: 3, existing: 0, errors: 0 });
    expect(await t.call('children.list', {})).toHaveLength(12);
    // The original register again adds nobody: its nine rows exist, its three mistakes are still mistakes.
    const third = await preview(await countyRoster());
    expect(third.counts).toMatchObject({ new: 0, existing: 9, error: 3 });
  });

  it("exports the county's 台账 in its columns, and a saved summary as JSON with counts only", async () => {
    t = await makeSetUpCore();
    const p = await preview(await countyRoster());
    await t.call('children.importCommit', { importId: p.importId });
    const out = await t.call('children.register', {});
    expect(out.fileName).toMatch(/^留守儿童台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...REGISTER_HEADERS]);
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 2 && typeof row.getCell(1).value === 'number') rows.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1));
    });
    // Every imported child is in some category here; 出生年月 as the county writes it.
    expect(rows.size).toBe(9);
    expect(rows.get('王小丽')!.slice(0, 10)).toEqual([expect.any(Number), '王小丽', '女', '2018.03', '二年级1班', '单亲外出', 'G520102201803010021', undefined, '外出务工', '广东东莞']);
    expect(rows.get('李明')![5]).toBe('农村留守儿童');
    expect(rows.get('赵阳')![5]).toBe('孤儿');
    expect(rows.get('周杰')![3]).toBe('2017.09');
    // Only the official category when asked.
    const official = await t.call('children.register', { categories: ['leftBehind'] });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(official.data, 'base64') as unknown as ArrayBuffer);
    let n = 0;
    wb2.worksheets[0]!.eachRow((row, i) => {
      if (i > 2 && typeof row.getCell(1).value === 'number') n++;
    });
    expect(n).toBe([...rows.values()].filter((r) => r[5] === '农村留守儿童').length);

    const saved = await t.call('summary.save', { from: '2026-09-01', to: '2026-11-28', title: '2026年秋季学期', language: 'zh-CN', paragraph: '……' });
    const json = await t.call('summary.exportJson', { snapshotId: saved.id });
    expect(json.fileName).toBe('2026年秋季学期.json');
    const text = Buffer.from(json.data, 'base64').toString('utf8');
    const doc = summaryJsonSchema.parse(JSON.parse(text));
    expect(doc).toMatchObject({ schema: 'childrens-home-desk/term-summary', version: 1, title: '2026年秋季学期', from: '2026-09-01', to: '2026-11-28' });
    expect(Object.values(doc.children.byCategory).reduce((a, b) => a + b, 0)).toBe(doc.children.served);
    expect(doc.children.byCategory).toMatchObject({ leftBehind: 5, oneAway: 3, orphan: 1 });
    for (const name of rows.keys()) expect(text).not.toContain(name);
  });
});
