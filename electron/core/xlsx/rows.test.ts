import { describe, expect, it } from 'vitest';
import { findHeaderOf, synonyms, type HeaderSpec } from './headers.js';
import { dataRows } from './rows.js';
import { newWorkbook, type Worksheet } from './workbook.js';

type F = 'title' | 'count' | 'note';
const words = synonyms<F>();
words.add('title', '书名');
words.add('count', '册数');
words.add('note', '备注');
const SPEC: HeaderSpec<F> = { fieldOf: words.fieldOf, groups: {}, required: 'title' };

function read(ws: Worksheet, max = 100) {
  const skipped = { hidden: 0, totals: 0, empty: 0 };
  const rows = [...dataRows(findHeaderOf(ws, SPEC)!, skipped, max)];
  return { rows, skipped };
}

describe('dataRows', () => {
  it('skips and counts hidden rows, totals rows and empty rows between data, not the empty tail', async () => {
    const ws = (await newWorkbook()).addWorksheet('书');
    ws.getRow(1).values = ['序号', '书名', '册数', '备注'];
    ws.getRow(2).values = [1, '草房子', 2, null];
    ws.getRow(4).values = [2, '红楼梦', 1, null];
    ws.getRow(5).values = [3, '藏起来的书', 1, null];
    ws.getRow(5).hidden = true;
    ws.getRow(6).values = [4, '城南旧事', 1, null];
    // 合计 in the 序号 column the import does not read.
    ws.getRow(7).values = ['合计', null, 4, null];
    ws.getRow(8).values = [null, '填表人：李老师', null, null];
    // Formatting down to Excel's last row: the sheet "ends" there, the reader stops long before.
    ws.getCell('B1048576').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const { rows, skipped } = read(ws);
    expect(rows.map((r) => [r.r, r.cells.title])).toEqual([
      [2, '草房子'],
      [4, '红楼梦'],
      [6, '城南旧事'],
    ]);
    expect(skipped).toEqual({ hidden: 1, totals: 2, empty: 1 });
  });

  it('reads formulas by their result, turns #N/A into a warning, and takes our own apostrophe off', async () => {
    const ws = (await newWorkbook()).addWorksheet('书');
    ws.getRow(1).values = ['书名', '册数', '备注'];
    ws.getRow(2).values = ["'=1+1 怎么算", { formula: '1+2', result: 3 }, { formula: 'VLOOKUP(A2,X:Y,2,0)', result: { error: '#N/A' } }];
    ws.getRow(3).values = ["'好", "'-3", '@作者'];
    const { rows } = read(ws);
    expect(rows[0]).toEqual({
      r: 2,
      cells: { title: '=1+1 怎么算', count: 3, note: null },
      cellErrors: [{ field: 'note', message: 'cellError', params: { value: '#N/A' }, level: 'warning' }],
      // Every cell as read, for writing a refused row back in the file's own columns.
      values: ['=1+1 怎么算', 3, null],
    });
    expect(rows[1]!.cells).toEqual({ title: "'好", count: '-3', note: '@作者' });
  });

  it('gives no more rows than asked for', async () => {
    const ws = (await newWorkbook()).addWorksheet('书');
    ws.getRow(1).values = ['书名', '册数'];
    for (let r = 2; r <= 11; r++) ws.getRow(r).values = [`第${r}本`, 1];
    expect(read(ws, 4).rows.map((r) => r.r)).toEqual([2, 3, 4, 5]);
  });
});
