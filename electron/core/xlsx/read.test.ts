import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BROKEN, BROKEN_CODES, roster1904 } from '../../../tests/fixtures/rosters.js';
import { isDate1904, readCell, readWorkbook, withoutEmptyRows } from './read.js';
import { newWorkbook, xlsxBytes } from './workbook.js';

describe('readWorkbook', () => {
  it.each(BROKEN_CODES)('says why a file is not a readable .xlsx: %s', async (kind, code) => {
    await expect(readWorkbook(BROKEN[kind])).rejects.toMatchObject({ name: 'AppError', code });
  });

  it('reads a workbook and tells the 1904 date system from the 1900 one', async () => {
    const old = await readWorkbook(await roster1904());
    expect(old.worksheets.map((w) => w.name)).toEqual(['Sheet1']);
    expect(isDate1904(old)).toBe(true);
    const wb = await newWorkbook();
    wb.addWorksheet('a').getCell('A1').value = 1;
    expect(isDate1904(await readWorkbook(await xlsxBytes(wb)))).toBe(false);
  });
});

describe('readCell', () => {
  it('cleans text as the procedures do: bidi controls, control characters and lone surrogates go, 𠇔 stays', async () => {
    const wb = await newWorkbook();
    const ws = wb.addWorksheet('名单\u202E');
    ws.getCell('A1').value = '\u202E张三\u2066丽\u2069\u200F';
    ws.getCell('A2').value = { richText: [{ text: '王\u0007' }, { text: '𠇔\u061C' }] };
    ws.getCell('A3').value = { formula: 'A1', result: '李\u202A雷' };
    const read = await readWorkbook(await xlsxBytes(wb));
    const sheet = read.worksheets[0]!;
    expect(sheet.name).toBe('名单');
    expect(['A1', 'A2', 'A3'].map((a) => readCell(sheet.getCell(a)).value)).toEqual(['张三丽', '王𠇔', '李雷']);
    // A file cannot carry NUL or half a surrogate pair (XML, UTF-8); a cell value in memory can.
    expect(readCell({ value: 'a\u0000b\uDC00' } as never).value).toBe('ab');
  });
});

describe('withoutEmptyRows', () => {
  // Over the 2 MB a sheet must have before it is slimmed: 60,000 styled, empty rows.
  async function stretched(): Promise<Buffer> {
    const wb = await newWorkbook();
    const ws = wb.addWorksheet('名单');
    ws.getRow(1).values = ['姓名', '年级'];
    ws.getRow(2).values = ['张三', 3];
    ws.getRow(4).values = [{ formula: '1+1', result: 2 }];
    const zip = await JSZip.loadAsync(await xlsxBytes(wb));
    const name = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(name)!.async('string');
    const rows: string[] = [];
    // Formatting leaves both kinds of empty row: a bare styled <row/>, and a row of styled cells without values.
    for (let r = 10; r < 40_010; r++) rows.push(`<row r="${r}" spans="1:2" s="1" customFormat="1"/>`);
    for (let r = 40_010; r < 60_010; r++) rows.push(`<row r="${r}"><c r="A${r}" s="1"/></row>`);
    zip.file(name, xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('drops the rows without a value and keeps the rest, values and formulas alike', async () => {
    const big = await stretched();
    const slim = await withoutEmptyRows(big);
    expect(slim.length).toBeLessThan(big.length / 10);
    const xml = await (await JSZip.loadAsync(slim)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml.match(/<row\b/g)).toHaveLength(3);
    const ws = (await readWorkbook(big)).worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('张三');
    expect(readCell(ws.getCell('A4'))).toEqual({ value: 2, error: null });
  });

  it('leaves a small file as it is', async () => {
    const wb = await newWorkbook();
    wb.addWorksheet('a').getRow(5).height = 30;
    const bytes = await xlsxBytes(wb);
    expect(await withoutEmptyRows(bytes)).toBe(bytes);
  });
});

describe('readCell', () => {
  it('reads a formula by its result, rich text as text, a failed formula as its error', async () => {
    const ws = (await newWorkbook()).addWorksheet('a');
    const read = (value: unknown) => {
      ws.getCell('A1').value = value as never;
      return readCell(ws.getCell('A1'));
    };
    expect(read({ formula: 'A2*2', result: 42 })).toEqual({ value: 42, error: null });
    expect(read({ formula: 'VLOOKUP(B1,C:D,2,0)', result: { error: '#N/A' } })).toEqual({ value: null, error: '#N/A' });
    expect(read({ error: '#REF!' })).toEqual({ value: null, error: '#REF!' });
    expect(read({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] })).toEqual({ value: '张三', error: null });
    expect(read({ text: '点我', hyperlink: 'http://x' })).toEqual({ value: '点我', error: null });
    const day = new Date(Date.UTC(2016, 4, 12));
    expect(read(day)).toEqual({ value: day, error: null });
    expect(read(null)).toEqual({ value: null, error: null });
  });
});
