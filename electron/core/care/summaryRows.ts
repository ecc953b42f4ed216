import { yuan, type CareFigures } from '../../../shared/domain/care.js';
import { percentText as pct } from '../../../shared/domain/percent.js';

/** The care figures as label–value rows of the summary's sheet (counts only). */
export function careRows(c: CareFigures | undefined): [string, string | number][] {
  if (!c) return [];
  return [
    ['结对帮扶：有帮扶人的留守儿童 / 留守儿童', `${c.paired}/${c.leftBehind}`],
    ['谈心（次）', c.talks.talks],
    ['谈心儿童（人）', c.talks.children],
    ['每月谈心达标率', `${pct(c.talks.metTarget, c.talks.childMonths)}（${c.talks.metTarget}/${c.talks.childMonths}）`],
    ['家访（次）', c.visits.visits],
    ['走访留守儿童家庭（户）', `${c.visits.families}/${c.leftBehind}`],
    ['与临时监护人联系（次）', c.guardians.contacts],
    ['家长会、监护人培训（场）', c.guardians.meetings],
    ['参加的家庭（户）', c.guardians.families],
    ['重点关注儿童（人）', c.attention.children],
    ['帮扶方案按期评估', `${c.attention.reviewedOnTime}/${c.attention.plansDue}`],
    ['获得资助、慰问的儿童（人）', c.support.children],
    ['资助、慰问（次）', c.support.records],
    ['资助金额（元）', yuan(c.support.totalFen)],
  ];
}
