import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { codeOf, makeSetUpCore, type TestCore } from '../../../../tests/helpers/core.js';
import { messyBookList } from '../../../../tests/fixtures/booklists.js';

let t: TestCore;
afterEach(() => t.cleanup());

const preview = async (data: Buffer) => t.call('library.importPreview', { fileName: '图书.xlsx', data: data.toString('base64') });

describe('book list import', () => {
  it('previews a messy list row by row, writes nothing until confirmed, then writes it in one go; again: nothing new', async () => {
    t = await makeSetUpCore();
    const p = await preview(await messyBookList());
    const row = (n: number) => p.rows.find((r) => r.row === n)!;
    expect(p.headerRow).toBe(2);
    expect(p.skipped).toEqual({ hidden: 1, totals: 1, empty: 1 });
    expect(row(3)).toMatchObject({ status: 'new', isbn: '9787530730218', barcode: 'A001', count: 1 });
    expect(row(4)).toMatchObject({ status: 'new', barcode: 'A002' });
    expect(row(5)).toMatchObject({ status: 'new', isbn: '9787020002207', count: 2 });
    expect(row(6)).toMatchObject({ status: 'new', isbn: '9787532445288' });
    expect(row(7).problems).toEqual([expect.objectContaining({ field: 'category', message: 'categoryUnknown', level: 'warning' })]);
    expect(row(8)).toMatchObject({ status: 'error', problems: [expect.objectContaining({ field: 'isbn', message: 'isbnCheck' })] });
    expect(row(9)).toMatchObject({ status: 'error', problems: [expect.objectContaining({ field: 'barcode', message: 'duplicateBarcodeInFile', params: { value: 'A001', row: 3 } })] });
    expect(p.counts).toEqual({ titles: 4, copies: 8, existing: 0, error: 2 });
    expect(await t.call('library.books', {})).toEqual([]);

    const done = await t.call('library.importCommit', { importId: p.importId });
    expect(done).toMatchObject({ created: 4, copies: 8, errors: 2 });
    const books = await t.call('library.books', {});
    const cfz = books.find((b) => b.title === '草房子')!;
    expect(cfz.copies).toBe(2);
    const detail = await t.call('library.book', { id: cfz.id });
    expect(detail.copies.map((c) => c.barcode)).toEqual(['A001', 'A002']);
    const village = await t.call('library.book', { id: books.find((b) => b.title.startsWith('校本读物'))!.id });
    expect(village.copies.map((c) => [c.source, c.donor])).toEqual([['donated', '李老师'], ['donated', '李老师'], ['donated', '李老师']]);

    const again = await preview(await messyBookList());
    expect(again.counts).toEqual({ titles: 0, copies: 0, existing: 5, error: 2 });
    await t.call('library.importCommit', { importId: again.importId });
    expect((await t.call('library.books', {})).reduce((n, b) => n + b.copies, 0)).toBe(8);
  });

  it('two previews of one file confirmed one after the other add the books once', async () => {
    t = await makeSetUpCore();
    const a = await preview(await messyBookList());
    const b = await preview(await messyBookList());
    await t.call('library.importCommit', { importId: a.importId });
    const second = await t.call('library.importCommit', { importId: b.importId });
    expect(second).toMatchObject({ created: 0, copies: 0 });
    expect((await t.call('library.books', {})).reduce((n, x) => n + x.copies, 0)).toBe(8);
  });

  it("keeps the file's accession numbers free while numbering other rows, and refuses a number of another title", async () => {
    t = await makeSetUpCore();
    await t.call('library.createBook', { book: { title: '已有的书' }, copies: { count: 1 } });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('书');
    ws.getRow(1).values = ['书名', '册数', '财产号', '出版年月'];
    ws.getRow(2).values = ['甲书', 3, null, '2016年5月'];
    ws.getRow(3).values = ['乙书', null, '000003', '2018.07'];
    ws.getRow(4).values = ['丙书', null, '000001', null];
    const p = await preview(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'new', 'error']);
    expect(p.rows[2]!.problems[0]).toMatchObject({ message: 'barcodeTaken', params: { value: '000001', title: '已有的书' } });
    const done = await t.call('library.importCommit', { importId: p.importId });
    expect(done).toMatchObject({ created: 2, copies: 4 });
    const books = await t.call('library.books', {});
    const jia = await t.call('library.book', { id: books.find((b) => b.title === '甲书')!.id });
    expect(jia.copies.map((c) => c.barcode)).toEqual(['000002', '000004', '000005']);
    expect(jia.book.year).toBe(2016);
  });

  it('the export imports again with nothing new, and formula-looking text stays text', async () => {
    t = await makeSetUpCore();
    await t.call('library.createBook', { book: { title: '=1+1 怎么算', author: '@作者' }, copies: { count: 2 } });
    const out = await t.call('library.export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A2').value).toBe("'=1+1 怎么算");
    const again = await preview(Buffer.from(out.data, 'base64'));
    expect(again.counts).toMatchObject({ titles: 0, copies: 0, existing: 2, error: 0 });
  });

  it('says plainly when a file is not a book list', async () => {
    t = await makeSetUpCore();
    expect(await codeOf(preview(Buffer.from('书名,作者\n草房子,曹文轩\n')))).toBe('import.notXlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getRow(1).values = ['姓名', '性别'];
    expect(await codeOf(preview(Buffer.from(await wb.xlsx.writeBuffer())))).toBe('import.noHeader');
    const tpl = await t.call('library.importTemplate');
    expect(await codeOf(preview(Buffer.from(tpl.data, 'base64')))).toBe('import.noRows');
  });
});
