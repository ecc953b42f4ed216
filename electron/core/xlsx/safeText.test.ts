import { describe, expect, it } from 'vitest';
import { fromSafeText, safeText } from './safeText.js';

describe('safe text (BAD-INPUTS #32)', () => {
  it('writes a value Excel could run with a leading apostrophe, and anything else as it is', () => {
    expect(['=1+1', '+86 地址', '-3', '@李四', '\tx', '\rx'].map(safeText)).toEqual(["'=1+1", "'+86 地址", "'-3", "'@李四", "'\tx", "'\rx"]);
    expect(['张三', '1=1', '', "'已有"].map(safeText)).toEqual(['张三', '1=1', '', "'已有"]);
  });

  it('reads our own apostrophe off again, and leaves other values alone', () => {
    for (const v of ['=HYPERLINK("http://x","点我")', '+86', '-3', '@作者']) expect(fromSafeText(safeText(v))).toBe(v);
    expect(fromSafeText("'好")).toBe("'好");
    expect(fromSafeText(42)).toBe(42);
    expect(fromSafeText(null)).toBeNull();
  });
});
