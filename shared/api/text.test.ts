import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { procedureTable } from './index.js';
import { cleanText } from '../domain/text.js';
import { text } from '../domain/fields.js';
import { callInput } from '../domain/calls.js';
import { childInput } from '../domain/child.js';

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; tx?: unknown } } }[];
  [k: string]: unknown;
}
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Types that hold no text. */
const LEAVES = new Set(['number', 'int', 'boolean', 'enum', 'literal', 'null', 'undefined', 'date', 'bigint', 'nan', 'never', 'void']);

/** Where in `schema` a string is taken without going through `cleanText` first (or something could hide one). */
function uncleaned(schema: unknown, path: string, out: string[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      if (!def.checks?.some((c) => c._zod.def.check === 'overwrite' && c._zod.def.tx === cleanText)) out.push(path);
      return;
    case 'pipe':
      uncleaned(def.in, path, out);
      uncleaned(def.out, path, out);
      return;
    case 'transform':
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return uncleaned(def.innerType, path, out);
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) uncleaned(v, `${path}.${k}`, out);
      if (def.catchall) uncleaned(def.catchall, `${path}.*`, out);
      return;
    case 'array':
      return uncleaned(def.element, `${path}[]`, out);
    case 'union':
      for (const [i, o] of (def.options as unknown[]).entries()) uncleaned(o, `${path}|${i}`, out);
      return;
    case 'intersection':
      uncleaned(def.left, path, out);
      uncleaned(def.right, path, out);
      return;
    case 'record':
      uncleaned(def.keyType, `${path}{key}`, out);
      uncleaned(def.valueType, `${path}{}`, out);
      return;
    case 'tuple':
      for (const [i, o] of (def.items as unknown[]).entries()) uncleaned(o, `${path}[${i}]`, out);
      return;
    case 'lazy':
      return uncleaned((def.getter as () => unknown)(), path, out);
    default:
      // any, unknown, custom, a template literal…: text could pass unseen.
      if (!LEAVES.has(def.type)) out.push(`${path} (${def.type})`);
  }
}

describe('every text field of every procedure', () => {
  it('goes through cleanText before anything else sees it (the `text` schema in shared/domain/fields.ts)', () => {
    const out: string[] = [];
    for (const p of Object.values(procedureTable)) uncleaned(p.input, p.name, out);
    expect(out).toEqual([]);
    // The walk finds strings at all: a schema made with z.string() is reported.
    const missed: string[] = [];
    uncleaned(z.object({ raw: z.string(), cleaned: text().nullish(), any: z.unknown() }), 'probe', missed);
    expect(missed).toEqual(['probe.raw', 'probe.any (unknown)']);
  });

  it('loses NUL bytes, control characters, lone surrogates and bidi controls, and keeps characters outside the BMP', () => {
    const note = `爸爸\u0000下个月\u202E回来\u2066了\u2069\u200F\u061C，\uD800好\uDC00的\u0007\n𠇔`;
    const call = callInput.parse({ childId: 1, contactId: 1, kind: 'voice', direction: 'out', note });
    expect(call.note).toBe('爸爸下个月回来了，好的\n𠇔');
    const child = childInput.parse({
      name: '\u202E王\u0000芳𠇔\uD83D',
      grade: 3,
      classNo: 2,
      awayParents: 'both',
      address: '河西村\u20673组',
      contacts: [{ role: 'father', name: '王\u200E大山', phones: ['13800138000\u0000'], workPlace: '东莞\u202A' }],
    });
    expect(child.name).toBe('王芳𠇔');
    expect(child.address).toBe('河西村3组');
    expect(child.contacts[0]).toMatchObject({ name: '王大山', phones: ['13800138000'], workPlace: '东莞' });
    // A search, a summary's paragraph, a file name: every string, not only the ones a form shows.
    expect((procedureTable['children.list'].input.parse({ q: 'zs\u0000l\u202E' }) as { q: string }).q).toBe('zsl');
    const summary = procedureTable['summary.save'].input.parse({
      from: '2026-09-01',
      to: '2027-01-20',
      title: '总结',
      language: 'zh-CN',
      paragraph: '本学期\u2068共\u0000接待',
    }) as { paragraph: string };
    expect(summary.paragraph).toBe('本学期共接待');
  });

  it('counts a character outside the BMP as one and never cuts a pair in two', () => {
    expect(cleanText('𠇔𠇔')).toBe('𠇔𠇔');
    expect(cleanText('\uDC00\uD800')).toBe('');
    expect(cleanText('a\uD842\uDFB7b')).toBe('a𠮷b');
    expect(cleanText('tab\tand\nline\r\n')).toBe('tab\tand\nline\r\n');
  });
});
