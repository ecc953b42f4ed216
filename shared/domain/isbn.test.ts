import { describe, expect, it } from 'vitest';
import { isbn10to13, looksLikeIsbn, makeIsbn, normalizeIsbn } from './isbn.js';

const value = (raw: string) => {
  const r = normalizeIsbn(raw);
  return r.ok ? r.value : r.issue.message;
};

describe('normalizeIsbn', () => {
  it('accepts an ISBN-13 with hyphens, spaces, full-width digits or an ISBN prefix', () => {
    expect(value('978-7-02-000220-7')).toBe('9787020002207');
    expect(value(' 978 7 02 000220 7 ')).toBe('9787020002207');
    expect(value('９７８７０２０００２２０７')).toBe('9787020002207');
    expect(value('ISBN 978-7-02-000220-7')).toBe('9787020002207');
  });
  it('converts an ISBN-10 to 13, including one whose check digit is X (either case)', () => {
    // 人民文学出版社's 红楼梦: ISBN-10 7-02-000220-X is ISBN-13 978-7-02-000220-7.
    expect(value('7-02-000220-X')).toBe('9787020002207');
    expect(value('7-02-000220-x')).toBe('9787020002207');
    expect(value('702000220X')).toBe('9787020002207');
    expect(isbn10to13('702000220X')).toBe('9787020002207');
  });
  it('refuses a wrong check digit, with the value typed', () => {
    expect(normalizeIsbn('978-7-02-000220-8')).toEqual({ ok: false, issue: { message: 'isbnCheck', params: { value: '978-7-02-000220-8' } } });
    expect(value('7020002208')).toBe('isbnCheck');
    expect(value('7-02-000220-1')).toBe('isbnCheck');
  });
  it('refuses what is not an ISBN at all', () => {
    expect(value('12345')).toBe('isbn');
    expect(value('1234567890123')).toBe('isbn');
    expect(value('978702000220X')).toBe('isbn');
    expect(value('abc')).toBe('isbn');
  });
  it('takes blank as no ISBN', () => {
    expect(normalizeIsbn('  ')).toEqual({ ok: true, value: null });
    expect(normalizeIsbn(null)).toEqual({ ok: true, value: null });
  });
  it('tells ISBNs from copy labels and makes valid demo ISBNs', () => {
    expect(looksLikeIsbn('978-7-02-000220-7')).toBe(true);
    expect(looksLikeIsbn('000123')).toBe(false);
    for (const n of [0, 1, 12345, 99999999]) expect(normalizeIsbn(makeIsbn(n)).ok).toBe(true);
  });
});
