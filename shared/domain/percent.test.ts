import { describe, expect, it } from 'vitest';
import { percentOf, percentText, ratePercent } from './percent.js';

describe('percentages', () => {
  it('writes a share with one decimal, rounded half up', () => {
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 2000)).toBe(0.1);
    expect(ratePercent(0.1234)).toBe(12.3);
    expect(ratePercent(1)).toBe(100);
  });

  it('gives no share of nothing: 0 as a number, a dash in a table', () => {
    expect(percentOf(5, 0)).toBe(0);
    expect(percentText(0, 0)).toBe('—');
    expect(percentText(3, 3)).toBe('100%');
    expect(percentText(1, 3)).toBe('33.3%');
  });
});
