import { describe, expect, it } from 'vitest';
import { safeFileName } from './fileName.js';

describe('safeFileName', () => {
  it('turns the characters Windows refuses in a file name into _ and keeps the rest', () => {
    expect(safeFileName('读书会 1/2: "好书"?*<>|\\.xlsx')).toBe('读书会 1_2_ _好书_______.xlsx');
    expect(safeFileName('学期工作数据 2026-09-01 至 2027-01-20.xlsx')).toBe('学期工作数据 2026-09-01 至 2027-01-20.xlsx');
  });
});
