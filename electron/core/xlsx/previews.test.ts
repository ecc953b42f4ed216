import { describe, expect, it } from 'vitest';
import type { CallContext } from '../context.js';
import { findHeaderOf, synonyms } from './headers.js';
import { createPreviewStore, layoutOf } from './previews.js';
import { newWorkbook } from './workbook.js';

const MIN = 60 * 1000;
function ctx(sessionId: string, teacherId: number | null, now: number): CallContext {
  const teacher = teacherId === null ? null : { id: teacherId, name: `教师${teacherId}`, role: 'teacher' as const };
  return { session: { id: sessionId, mode: 'desk', teacher, lastActivity: now, system: false }, now, audit: () => {} };
}

describe('the import preview store', () => {
  it('writes a preview once, for the session and teacher that made it, within half an hour', () => {
    const store = createPreviewStore<number>();
    const id = store.keep('名单.xlsx', [1, 2], ctx('s1', 7, 0));
    expect(() => store.commit(id, ctx('s2', 7, MIN), () => 'x')).toThrow(expect.objectContaining({ code: 'import.expired' }));
    expect(() => store.commit(id, ctx('s1', 8, MIN), () => 'x')).toThrow(expect.objectContaining({ code: 'import.expired' }));
    expect(store.commit(id, ctx('s1', 7, 29 * MIN), (p) => `${p.fileName}:${p.rows.join('+')}`)).toBe('名单.xlsx:1+2');
    // Forgotten once written.
    expect(() => store.commit(id, ctx('s1', 7, 29 * MIN), () => 'x')).toThrow(expect.objectContaining({ code: 'import.expired' }));
  });

  it('keeps a preview whose write failed, and lets an old one expire', () => {
    const store = createPreviewStore<string>();
    const id = store.keep('a.xlsx', ['a'], ctx('s1', null, 0));
    expect(() =>
      store.commit(id, ctx('s1', null, MIN), () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(store.commit(id, ctx('s1', null, 2 * MIN), (p) => p.rows)).toEqual(['a']);
    const old = store.keep('b.xlsx', ['b'], ctx('s1', null, 0));
    expect(() => store.commit(old, ctx('s1', null, 31 * MIN), () => 'x')).toThrow(expect.objectContaining({ code: 'import.expired' }));
  });
});

describe('layoutOf', () => {
  it('names the sheets read, the first header row, the columns used once each and those ignored', async () => {
    const words = synonyms<'name' | 'grade'>();
    words.add('name', '姓名');
    words.add('grade', '年级');
    const spec = { fieldOf: words.fieldOf, groups: {}, required: 'name' as const };
    const wb = await newWorkbook();
    const a = wb.addWorksheet('三年级');
    a.getRow(2).values = ['姓名', '年级', '爱好'];
    const b = wb.addWorksheet('四年级');
    b.getRow(1).values = ['姓名', '年级', '爱好', '特长'];
    const layout = layoutOf([findHeaderOf(a, spec)!, findHeaderOf(b, spec)!]);
    expect(layout).toEqual({
      sheet: '三年级、四年级',
      headerRow: 2,
      columns: [
        { header: '姓名', field: 'name' },
        { header: '年级', field: 'grade' },
      ],
      ignoredColumns: ['爱好', '特长'],
    });
  });
});
