import { describe, expect, it } from 'vitest';
import { normalizeFamily, normalizeSituation } from './familyText.js';

describe('the words real forms use for the parents', () => {
  it.each([
    ['父母均外出', 'away', 'away'],
    ['双亲外出务工', 'away', 'away'],
    ['单亲外出（父）', 'away', 'home'],
    ['单亲外出(母亲)', 'home', 'away'],
    ['父外出母在家', 'away', 'home'],
    ['父亲外出务工', 'away', 'home'],
    ['母亲在家', 'away', 'home'],
    ['父亲去世母亲外出', 'deceased', 'away'],
    ['父亲去世，母亲服刑', 'deceased', 'custody'],
    ['父重病母外出', 'illness', 'away'],
    ['孤儿', 'deceased', 'deceased'],
    ['非留守', 'home', 'home'],
  ])('%s → father %s, mother %s', (words, father, mother) => {
    expect(normalizeFamily(words)).toEqual({ ok: true, value: { father, mother } });
  });

  it('does not guess: 离异, 单亲 alone, 外出 with no parent named; 事实无人抚养 needs each parent', () => {
    for (const w of ['离异', '单亲', '外出务工']) expect(normalizeFamily(w)).toMatchObject({ ok: false, issue: { message: 'awayParents' } });
    expect(normalizeFamily('事实无人抚养')).toMatchObject({ ok: false, needsParents: true, issue: { message: 'familyNeedsParents' } });
    expect(normalizeFamily('')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['在家务农', 'home'],
    ['外出务工（广东）', 'away'],
    ['已故', 'deceased'],
    ['失联', 'missing'],
    ['服刑', 'custody'],
    ['重残', 'disability'],
    ['患重病', 'illness'],
    ['无监护能力', 'unable'],
  ])("one parent's cell %s → %s", (words, situation) => {
    expect(normalizeSituation(words)).toEqual({ ok: true, value: situation });
  });
});
