import { z } from 'zod';
import type { Day } from './dates.js';
import type { AwayParents } from './normalize.js';

/**
 * Each parent's situation, and the official categories derived from them. `categoryOf` is the ONE
 * function that decides who is "left behind" (DESIGN: nothing else decides it); SQL reads the
 * `children.category` column it wrote.
 *
 * Sources (also in the UI help, children:help.categories):
 * - 农村留守儿童, 国务院《关于加强农村留守儿童关爱保护工作的意见》国发〔2016〕13号: a minor under 16 whose
 *   parents both work away, or one works away and the other has no capacity to look after the child.
 *   This app reads "no capacity" as: deceased, out of contact, seriously ill, disabled, in custody, or
 *   otherwise unable.
 * - 事实无人抚养儿童, 民政部等《关于进一步加强事实无人抚养儿童保障工作的意见》民发〔2019〕62号: both parents
 *   each 重残/重病/服刑在押/强制隔离戒毒/被执行其他限制人身自由的措施/失联; or one parent dead or missing
 *   (死亡/失踪) and the other 重残/重病/服刑在押/强制隔离戒毒/其他限制人身自由/失联.
 * - 孤儿: both parents dead.
 * - 单亲外出: one parent away for work, the other at home (a school's own figure, beside the official one).
 */

export const parentSituations = [
  'home', // 在家（能照看孩子）
  'away', // 外出务工
  'deceased', // 去世（含宣告死亡）
  'missing', // 失联 / 失踪
  'illness', // 重病
  'disability', // 重残
  'custody', // 服刑在押、强制隔离戒毒、其他限制人身自由
  'unable', // 其他原因无监护能力
] as const;
export type ParentSituation = (typeof parentSituations)[number];
export const parentSituationSchema = z.enum(parentSituations);

/** In the order reports list them. `none`: not in any category (a 手拉手 buddy, a single-parent family at home …). */
export const childCategories = ['leftBehind', 'oneAway', 'unsupported', 'orphan', 'none'] as const;
export type ChildCategory = (typeof childCategories)[number];
export const childCategorySchema = z.enum(childCategories);

/** The 2019 notice's conditions a parent may meet on either side (重残、重病、服刑在押…、失联). */
const UNSUPPORTED_EITHER: readonly ParentSituation[] = ['illness', 'disability', 'custody', 'missing'];
/** Cannot look after the child (国发〔2016〕13号 "无监护能力", as this app reads it). */
const CANNOT_CARE: readonly ParentSituation[] = ['deceased', 'missing', 'illness', 'disability', 'custody', 'unable'];

export interface Parents {
  father: ParentSituation;
  mother: ParentSituation;
}

/** Whole years between a birth date (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known) and `on`. */
function ageAt(birth: string, on: Day): number {
  const [by, bm, bd] = [Number(birth.slice(0, 4)), Number(birth.slice(5, 7)), birth.length > 7 ? Number(birth.slice(8, 10)) : 1];
  const [y, m, d] = [Number(on.slice(0, 4)), Number(on.slice(5, 7)), Number(on.slice(8, 10))];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The child's one category. Without a birth date (or a day to measure on) the child counts as under 16:
 * a primary school's children are.
 */
export function categoryOf(p: Parents, birthDate?: string | null, on?: Day | null): ChildCategory {
  const { father, mother } = p;
  const away = (father === 'away' ? 1 : 0) + (mother === 'away' ? 1 : 0);
  if (away > 0) {
    const other = father === 'away' ? mother : father;
    const official = away === 2 || CANNOT_CARE.includes(other);
    if (official) {
      const under16 = !birthDate || !on || ageAt(birthDate, on) < 16;
      return under16 ? 'leftBehind' : 'none';
    }
    return other === 'home' ? 'oneAway' : 'none';
  }
  if (father === 'deceased' && mother === 'deceased') return 'orphan';
  const either = (s: ParentSituation) => UNSUPPORTED_EITHER.includes(s);
  if (either(father) && either(mother)) return 'unsupported';
  if ((father === 'deceased' && either(mother)) || (mother === 'deceased' && either(father))) return 'unsupported';
  return 'none';
}

/**
 * Whether a child is left behind by the official definition (农村留守儿童, 国发〔2016〕13号). Every caller asks
 * this, never the parents' situations.
 */
export function isLeftBehind(c: { category: ChildCategory }): boolean {
  return c.category === 'leftBehind';
}

/**
 * The children the room serves first (三个优先: tutoring, care, activities): 农村留守儿童, 事实无人抚养儿童 and 孤儿.
 * 单亲外出 children are not among them; the events page says so.
 */
export const PRIORITY_CATEGORIES: readonly ChildCategory[] = ['leftBehind', 'unsupported', 'orphan'];
export function hasPriority(c: { category: ChildCategory }): boolean {
  return PRIORITY_CATEGORIES.includes(c.category);
}
/** The same list for SQL: `category IN (${PRIORITY_SQL})` (constants only, never input). */
export const PRIORITY_SQL = PRIORITY_CATEGORIES.map((c) => `'${c}'`).join(', ');

/** Which parents are away for work (the old 留守类型, kept for calls home and the contact card). */
export function awayParentsOf(p: Parents): AwayParents {
  if (p.father === 'away' && p.mother === 'away') return 'both';
  if (p.father === 'away') return 'father';
  if (p.mother === 'away') return 'mother';
  return 'none';
}

/** The situations an old record's 留守类型 stands for: the away parent(s) away, the other at home. */
export function parentsFromAway(a: AwayParents): Parents {
  return {
    father: a === 'father' || a === 'both' ? 'away' : 'home',
    mother: a === 'mother' || a === 'both' ? 'away' : 'home',
  };
}
