import { yuan, type CareFigures } from './care.js';
import { percentOf as pct } from './percent.js';

/** A count and its English noun: "1 child", "2 children", "0 talks". */
export const countOf = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The care work's sentences of the summary's draft paragraph (counts only: a reason, a plan or a note is
 * never in it). Empty for a summary kept before the care figures existed.
 */
export function careParagraph(c: CareFigures | undefined, language: 'zh-CN' | 'en'): string {
  if (!c) return '';
  const talkRate = pct(c.talks.metTarget, c.talks.childMonths);
  if (language === 'zh-CN') {
    return [
      `落实结对帮扶，${c.leftBehind}名留守儿童中有${c.paired}名有帮扶人（${pct(c.paired, c.leftBehind)}%）；`,
      `开展谈心${c.talks.talks}次，谈心儿童${c.talks.children}名，每月谈心达标率${talkRate}%；`,
      `家访${c.visits.visits}次，走访留守儿童家庭${c.visits.families}户（共${c.leftBehind}户）；`,
      `与临时监护人联系${c.guardians.contacts}次，举办家长会、监护人培训${c.guardians.meetings}场，${c.guardians.families}个家庭参加；`,
      `重点关注儿童${c.attention.children}名，帮扶方案按期评估${c.attention.reviewedOnTime}份（应评估${c.attention.plansDue}份）；`,
      `${c.support.children}名儿童获得资助、慰问${c.support.records}次，折合金额${yuan(c.support.totalFen)}元。`,
    ].join('');
  }
  return [
    ` ${c.paired} of ${countOf(c.leftBehind, 'left-behind child', 'left-behind children')} (${pct(c.paired, c.leftBehind)}%) had a mentor;`,
    ` mentors held ${countOf(c.talks.talks, 'talk', 'talks')} with ${countOf(c.talks.children, 'child', 'children')}, and the monthly talk target was met ${talkRate}% of the time;`,
    ` teachers made ${countOf(c.visits.visits, 'home visit', 'home visits')}, reaching ${c.visits.families} of ${countOf(c.leftBehind, 'left-behind family', 'left-behind families')};`,
    ` guardians were contacted ${countOf(c.guardians.contacts, 'time', 'times')} and ${countOf(c.guardians.families, 'family', 'families')} attended ${countOf(c.guardians.meetings, "guardians' meeting or training", "guardians' meetings or trainings")};`,
    ` ${countOf(c.attention.children, 'child was', 'children were')} under close attention, with ${c.attention.reviewedOnTime} of ${countOf(c.attention.plansDue, 'plan', 'plans')} reviewed on time;`,
    ` ${countOf(c.support.children, 'child', 'children')} received support ${countOf(c.support.records, 'time', 'times')}, worth ${yuan(c.support.totalFen)} yuan.`,
  ].join('');
}
