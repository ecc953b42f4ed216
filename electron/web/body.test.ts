import { describe, expect, it } from 'vitest';
import { bodyLimit, FILE_BODY, MAX_DEPTH, nestsDeeper, parseBody, SMALL_BODY } from './body.js';

describe('nestsDeeper', () => {
  it('counts arrays and objects, not brackets inside strings, escaped quotes included', () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(nestsDeeper(nest(MAX_DEPTH), MAX_DEPTH)).toBe(false);
    expect(nestsDeeper(nest(MAX_DEPTH + 1), MAX_DEPTH)).toBe(true);
    expect(nestsDeeper(`{"a":{"b":[1,{"c":2}]}}`, 4)).toBe(false);
    expect(nestsDeeper(`{"a":{"b":[1,{"c":2}]}}`, 3)).toBe(true);
    expect(nestsDeeper(JSON.stringify({ note: '[[[[{{{{' }), 1)).toBe(false);
    expect(nestsDeeper(JSON.stringify({ note: 'a \\" [[[[ \\\\', x: [[1]] }), 3)).toBe(false);
    expect(nestsDeeper(JSON.stringify({ note: 'a \\" [[[[ \\\\', x: [[[1]]] }), 3)).toBe(true);
  });
});

describe('parseBody', () => {
  it('reads JSON, takes an empty body as {}, and names what is wrong', () => {
    expect(parseBody('')).toEqual({});
    expect(parseBody('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(() => parseBody('{"a":')).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => parseBody('['.repeat(MAX_DEPTH + 1))).toThrow(expect.objectContaining({ code: 'input.tooDeep' }));
  });
});

describe('bodyLimit', () => {
  it('is large only for a procedure that takes a file', () => {
    expect(bodyLimit('children.importPreview')).toBe(FILE_BODY);
    expect(bodyLimit('library.importPreview')).toBe(FILE_BODY);
    // A backup comes in 4 MiB pieces: about 5.6 MB of base64 each.
    expect(bodyLimit('backups.upload')).toBe(FILE_BODY);
    expect(bodyLimit('children.create')).toBe(SMALL_BODY);
    expect(bodyLimit('summary.save')).toBe(SMALL_BODY);
    expect(bodyLimit('no.such')).toBe(SMALL_BODY);
  });
});
