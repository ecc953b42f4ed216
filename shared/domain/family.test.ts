import { describe, expect, it } from 'vitest';
import { awayParentsOf, categoryOf, hasPriority, isLeftBehind, parentsFromAway, type ChildCategory, type ParentSituation } from './family.js';

/** [father, mother, category]: 国发〔2016〕13号, 民发〔2019〕62号, 孤儿, 单亲外出. */
const CASES: [ParentSituation, ParentSituation, ChildCategory][] = [
  // 农村留守儿童: both away, or one away and the other unable to look after the child.
  ['away', 'away', 'leftBehind'],
  ['away', 'illness', 'leftBehind'],
  ['disability', 'away', 'leftBehind'],
  ['away', 'custody', 'leftBehind'],
  ['away', 'unable', 'leftBehind'],
  ['away', 'missing', 'leftBehind'],
  ['deceased', 'away', 'leftBehind'],
  // 单亲外出: one away, the other at home and able.
  ['away', 'home', 'oneAway'],
  ['home', 'away', 'oneAway'],
  // 事实无人抚养儿童: both meet one of 重残/重病/服刑在押…/失联 …
  ['illness', 'disability', 'unsupported'],
  ['custody', 'missing', 'unsupported'],
  ['missing', 'missing', 'unsupported'],
  ['disability', 'custody', 'unsupported'],
  // … or one is dead (or missing) and the other meets one of them.
  ['deceased', 'illness', 'unsupported'],
  ['custody', 'deceased', 'unsupported'],
  ['deceased', 'missing', 'unsupported'],
  // 孤儿: both dead.
  ['deceased', 'deceased', 'orphan'],
  // None of these: parents at home, a single parent at home, "unable" for a reason the 2019 notice does not list.
  ['home', 'home', 'none'],
  ['deceased', 'home', 'none'],
  ['home', 'illness', 'none'],
  ['unable', 'unable', 'none'],
  ['deceased', 'unable', 'none'],
];

describe('categoryOf: the one function that decides the categories', () => {
  it.each(CASES)('father %s, mother %s → %s', (father, mother, category) => {
    expect(categoryOf({ father, mother })).toBe(category);
    expect(categoryOf({ father, mother }, '2018-03-05', '2026-12-02')).toBe(category);
  });

  it('农村留守儿童 is under 16: a child who has turned 16 is not counted, the day and the month-only date alike', () => {
    const both = { father: 'away', mother: 'away' } as const;
    expect(categoryOf(both, '2010-12-02', '2026-12-01')).toBe('leftBehind');
    expect(categoryOf(both, '2010-12-02', '2026-12-02')).toBe('none');
    expect(categoryOf(both, '2010-12', '2026-11-30')).toBe('leftBehind');
    expect(categoryOf(both, '2010-12', '2026-12-01')).toBe('none');
    // Without a birth date the child counts as a primary-school child.
    expect(categoryOf(both, null, '2026-12-02')).toBe('leftBehind');
  });

  it('the predicates everyone calls: left behind (official) and the three priorities', () => {
    expect(isLeftBehind({ category: 'leftBehind' })).toBe(true);
    expect(isLeftBehind({ category: 'oneAway' })).toBe(false);
    expect(isLeftBehind({ category: 'unsupported' })).toBe(false);
    expect(hasPriority({ category: 'unsupported' })).toBe(true);
    expect(hasPriority({ category: 'orphan' })).toBe(true);
    expect(hasPriority({ category: 'oneAway' })).toBe(false);
  });

  it('the old 留守类型 and the parents away agree both ways', () => {
    for (const a of ['father', 'mother', 'both', 'none'] as const) expect(awayParentsOf(parentsFromAway(a))).toBe(a);
    expect(categoryOf(parentsFromAway('both'))).toBe('leftBehind');
    expect(categoryOf(parentsFromAway('father'))).toBe('oneAway');
    expect(categoryOf(parentsFromAway('none'))).toBe('none');
  });
});
