import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, type TestCore } from '../../../../tests/helpers/core.js';
import { BROKEN, BROKEN_CODES, MESSY, messyRoster, roster1904 } from '../../../../tests/fixtures/rosters.js';
import { ZHANG } from '../../../../tests/fixtures/children.js';

let t: TestCore;
afterEach(() => t.cleanup());

const preview = (data: Buffer, fileName = 'roster.xlsx') =>
  t.call('children.importPreview', { fileName, data: data.toString('base64') });

describe('roster import', () => {
  it('reads a messy real-world roster into a preview with every problem and its row', async () => {
    t = await makeSetUpCore();
    const p = await preview(await messyRoster());
    expect(p.sheet).toBe('花名册');
    expect(p.headerRow).toBe(4);
    expect(p.columns.map((c) => c.field)).toEqual(
      expect.arrayContaining(['name', 'fatherPhone', 'motherWorkPlace', 'guardianRelation', 'guardianPhone', 'address', 'notes']),
    );
    expect(p.rows.filter((r) => r.status === 'new').map((r) => r.name)).toEqual(MESSY.newNames);
    for (const [row, message] of Object.entries(MESSY.errors)) {
      const r = p.rows.find((x) => x.row === Number(row))!;
      expect(r.status, `row ${row}`).toBe('error');
      expect(r.problems.map((x) => x.message), `row ${row}`).toContain(message);
    }
    for (const [row, message] of Object.entries(MESSY.warnings)) {
      const r = p.rows.find((x) => x.row === Number(row))!;
      expect(r.status, `row ${row}`).toBe('new');
      expect(r.problems, `row ${row}`).toEqual([expect.objectContaining({ message, level: 'warning' })]);
    }
    expect(p.skipped).toMatchObject(MESSY.skipped);
    expect(p.counts).toEqual({ new: 9, existing: 0, error: 3, warning: 2 });
    // Normalized as the form would: merged class cell, serial date, number phones, full-width digits.
    const zeng = p.rows.find((r) => r.name === '曾小明')!;
    expect(zeng).toMatchObject({ birthDate: '2016-01-01', grade: 3, classNo: 2, awayParents: 'father' });
    expect(p.rows.find((r) => r.name === '张三丽')).toMatchObject({ birthDate: '2016-05-12', phones: ['13800138000', '13900139000', '13700137000'] });
    expect(p.rows.find((r) => r.name === '阿依古丽·买买提')?.phones).toEqual(['13800138003', '13500135000']);
    expect(p.rows.find((r) => r.name === '欧阳娜娜')).toMatchObject({ gender: 'female', birthDate: '2016-01-01', phones: ['13800138006', '13800138000', '13900139000'] });
    // Nothing is written by a preview.
    expect(await t.call('children.list', {})).toEqual([]);
  });

  it('writes the valid rows in one go after confirmation, and a second import of the same file changes nothing', async () => {
    t = await makeSetUpCore();
    const file = await messyRoster();
    const first = await preview(file);
    expect(await t.call('children.importCommit', { importId: first.importId })).toEqual({ created: 9, existing: 0, errors: 3 });
    const saved = await t.call('children.list', { status: 'all' });
    expect(saved).toHaveLength(9);
    const zhang = await t.call('children.get', { id: saved.find((c) => c.name === '张三丽')!.id });
    expect(zhang.contacts.find((c) => c.role === 'guardian')).toMatchObject({ name: '张爷爷', relation: 'grandfatherPaternal', livesWith: true });
    expect(zhang.contacts.find((c) => c.role === 'father')).toMatchObject({ workPlace: '广东东莞', phones: ['13800138000'] });

    const again = await preview(file);
    expect(again.counts).toMatchObject({ new: 0, existing: 9 });
    expect(await t.call('children.importCommit', { importId: again.importId })).toEqual({ created: 0, existing: 9, errors: 3 });
    expect(await t.call('children.list', { status: 'all' })).toHaveLength(9);
    // A preview is used once, and only by the session that made it.
    expect(await codeOf(t.call('children.importCommit', { importId: again.importId }))).toBe('import.expired');
    const audit = await t.call('audit.list', { limit: 5 });
    expect(audit.filter((a) => a.action === 'children.import')).toHaveLength(2);
  });

  it('reads a workbook in the 1904 date system', async () => {
    t = await makeSetUpCore();
    const p = await preview(await roster1904());
    expect(p.rows[0]).toMatchObject({ name: '刘一', birthDate: '2016-01-01', grade: 3, classNo: 2, status: 'new' });
  });

  it.each(BROKEN_CODES)('gives a clear message for a file that is not a readable .xlsx: %s', async (kind, code) => {
    t = await makeSetUpCore();
    expect(await codeOf(preview(BROKEN[kind]))).toBe(code);
  });

  it('says so when no roster header can be found', async () => {
    t = await makeSetUpCore();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').getRow(1).values = ['随便', '什么'];
    expect(await codeOf(preview(Buffer.from(await wb.xlsx.writeBuffer())))).toBe('import.noHeader');
  });
});

describe('roster export', () => {
  it('writes the roster so it imports again, and no cell is ever a formula', async () => {
    t = await makeSetUpCore();
    await t.call('children.create', { ...ZHANG, notes: '', address: '=HYPERLINK("http://x","点我")' });
    await t.call('children.create', { ...ZHANG, name: '@李四', birthDate: '2016-01-01', address: '+86 地址' });
    const out = await t.call('children.export', {});
    expect(out.fileName).toMatch(/^花名册-2026-11-28\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(values).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(values).toContain("'@李四");
    expect(values).toContain('13700137000/0851-2345678');
    const audit = await t.call('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'children.export', entity: 'child' });

    // Round trip: the export is a roster the import understands; both children exist already.
    const p = await preview(Buffer.from(out.data, 'base64'));
    expect(p.counts.existing + p.counts.new).toBe(2);
    expect(p.rows.find((r) => r.name === '张三丽')?.status).toBe('existing');
  });

  it('offers a template that imports as an empty roster with a help sheet', async () => {
    t = await makeSetUpCore();
    const out = await t.call('children.importTemplate');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '填写说明']);
    expect(await codeOf(preview(Buffer.from(out.data, 'base64')))).toBe('import.noRows');
  });
});

describe('a sheet formatted to the last row', () => {
  it('is read like the plain one: the empty styled rows are dropped before exceljs sees them', async () => {
    const { stretchedRoster } = await import('../../../../tests/fixtures/rosters.js');
    const { withoutEmptyRows } = await import('../../xlsx/read.js');
    const big = await stretchedRoster();
    const slim = await withoutEmptyRows(big);
    expect(slim.length).toBeLessThan(big.length / 10);
    t = await makeSetUpCore();
    const p = await preview(big);
    expect(p.counts).toEqual({ new: 9, existing: 0, error: 3, warning: 2 });
  }, 60_000);
});
