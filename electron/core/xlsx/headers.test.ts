import { describe, expect, it } from 'vitest';
import { findHeaderOf, findHeaders, key, synonyms, type HeaderSpec } from './headers.js';
import { newWorkbook } from './workbook.js';

type F = 'name' | 'phone' | 'fatherName' | 'fatherPhone' | 'grade';
const words = synonyms<F>();
words.add('name', '姓名', '学生姓名');
words.add('phone', '电话', '联系电话');
words.add('fatherName', '父亲姓名');
words.add('fatherPhone', '父亲电话', '父亲联系电话');
words.add('grade', '年级');
const SPEC: HeaderSpec<F> = { fieldOf: words.fieldOf, groups: { [key('父亲')]: 'father' }, required: 'name' };

describe('header words', () => {
  it('fold full-width letters, spaces, colons and bracketed hints away', () => {
    expect(key(' 学生 姓名（必填）：')).toBe('学生姓名');
    expect(key('ＩＳＢＮ[选填]')).toBe('isbn');
    expect(key('【必填】年级*')).toBe('年级');
  });

  it('find a field by any of its synonyms, the later word winning', () => {
    expect(words.fieldOf('学生姓名 (必填)')).toBe('name');
    expect(words.fieldOf('住址')).toBeNull();
    // Nothing an object has by inheritance is taken for a synonym.
    expect(words.fieldOf('constructor')).toBeNull();
    const later = synonyms<'a' | 'b'>();
    later.add('a', '电话');
    later.add('b', '电话');
    expect(later.fieldOf('电话')).toBe('b');
  });
});

describe('findHeaderOf', () => {
  it('passes over a title row and reads a one-row header, ignoring columns it does not know but 序号', async () => {
    const ws = (await newWorkbook()).addWorksheet('名单');
    ws.getCell('A1').value = '三年级留守儿童名单';
    ws.mergeCells('A1:E1');
    ws.getRow(2).values = ['序号', '学生姓名', '年级', '爱好', '联系电话'];
    const h = findHeaderOf(ws, SPEC)!;
    expect(h.row).toBe(2);
    expect([...h.columns]).toEqual([
      [2, { header: '学生姓名', field: 'name' }],
      [3, { header: '年级', field: 'grade' }],
      [5, { header: '联系电话', field: 'phone' }],
    ]);
    expect(h.ignored).toEqual(['爱好']);
    expect(h.width).toBe(5);
    expect(h.sheet).toBe(ws);
  });

  it('reads a two-row header with a merged group cell as the group and the word below it', async () => {
    const ws = (await newWorkbook()).addWorksheet('名单');
    ws.getRow(1).values = ['姓名', '父亲', '', '年级'];
    ws.getRow(2).values = ['', '姓名', '电话', ''];
    ws.mergeCells('B1:C1');
    ws.mergeCells('A1:A2');
    ws.mergeCells('D1:D2');
    const h = findHeaderOf(ws, SPEC)!;
    expect(h.row).toBe(2);
    expect([...h.columns.values()]).toEqual([
      { header: '姓名', field: 'name' },
      { header: '父亲姓名', field: 'fatherName' },
      { header: '父亲电话', field: 'fatherPhone' },
      { header: '年级', field: 'grade' },
    ]);
  });

  it('takes no header without the required field, nor one of a single known column', async () => {
    const ws = (await newWorkbook()).addWorksheet('x');
    ws.getRow(1).values = ['年级', '电话'];
    expect(findHeaderOf(ws, SPEC)).toBeNull();
    const one = (await newWorkbook()).addWorksheet('y');
    one.getRow(1).values = ['姓名', '爱好'];
    expect(findHeaderOf(one, SPEC)).toBeNull();
  });
});

describe('findHeaders', () => {
  it('reads every visible sheet with a header, and says so when there is none', async () => {
    const wb = await newWorkbook();
    wb.addWorksheet('封面').getCell('B2').value = '工作材料';
    wb.addWorksheet('三年级').getRow(1).values = ['姓名', '年级'];
    wb.addWorksheet('旧名单', { state: 'hidden' }).getRow(1).values = ['姓名', '年级'];
    wb.addWorksheet('四年级').getRow(3).values = ['姓名', '电话'];
    expect(findHeaders(wb, SPEC).map((h) => [h.sheet.name, h.row])).toEqual([
      ['三年级', 1],
      ['四年级', 3],
    ]);
    const none = await newWorkbook();
    none.addWorksheet('x').getRow(1).values = ['随便', '什么'];
    expect(() => findHeaders(none, SPEC)).toThrow(expect.objectContaining({ code: 'import.noHeader' }));
  });
});
