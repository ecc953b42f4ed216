import type { SummaryFigures } from './summary.js';
import { careParagraph } from './careText.js';

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 10);
const GRADE_ZH = ['', '一', '二', '三', '四', '五', '六'];
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const zhDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The draft paragraph of the 工作总结, in the register of a Chinese school report (or plain English),
 * filled from the figures. The principal edits it before printing; the figures beside it stay exact.
 */
export function draftParagraph(f: SummaryFigures, language: 'zh-CN' | 'en', school: string, categoryName: (key: string | null, name: string | null) => string): string {
  const leftBehind = f.children.byAway.filter((a) => a.awayParents !== 'none').reduce((n, a) => n + a.children, 0);
  const buddies = f.children.active - leftBehind;
  const rate = pct(f.children.complete, f.children.completeTotal);
  const months = f.contact.byMonth;
  const monthRate = months.length === 0 ? 0 : Math.min(...months.map((m) => pct(m.contacted, m.children)));
  const events = f.events.held.reduce((n, e) => n + e.events, 0);
  const share = pct(f.events.takingPart, f.children.active);
  if (language === 'zh-CN') {
    const grades = f.children.byGrade.map((g) => `${GRADE_ZH[g.grade]}年级${g.children}名`).join('、');
    const kinds = f.events.held.map((e) => `${categoryName(e.key, e.name)}${e.events}次`).join('、');
    return [
      `${zhDay(f.from)}至${zhDay(f.to)}，${school}留守儿童之家共服务留守儿童${leftBehind}名${buddies > 0 ? `（另有手拉手伙伴${buddies}名）` : ''}，其中${grades}；本期新建档案${f.children.joined}名，离校${f.children.left}名，期末建档率${rate}%。`,
      `活动室开放${f.room.daysOpen}天，累计接待${f.room.visits}人次，共有${f.room.distinctChildren}名儿童来过，平均每个开放日接待${f.room.perOpenDay}人次${f.room.busiestWeekday ? `，${WEEKDAY_ZH[f.room.busiestWeekday.weekday]}来的孩子最多` : ''}。`,
      `组织亲情电话${f.contact.voice}次、亲情视频${f.contact.video}次，孩子们给父母写信${f.contact.letters}封${months.length > 0 ? `；每月与父母联系的留守儿童比例不低于${monthRate}%` : ''}${f.contact.missed.length > 0 ? `，仍有${f.contact.missed.length}名儿童个别月份未与父母联系，下学期将重点关注` : ''}。`,
      `举办集体生日${f.birthdays.parties}次，为${f.birthdays.celebrated}人次儿童庆祝生日。`,
      `阅览室借出图书${f.library.loans}册次，${f.library.readers}名儿童借阅${f.library.topReaders[0] ? `，“阅读之星”${f.library.topReaders[0].name}借阅${f.library.topReaders[0].loans}册` : ''}。`,
      `开展各类活动${events}次${kinds ? `（${kinds}）` : ''}，报名${f.events.signups}人次，出勤${f.events.attendances}人次，${f.events.takingPart}名儿童参加过活动，占服务儿童的${share}%。`,
      careParagraph(f.care, language),
    ].join('');
  }
  const kinds = f.events.held.map((e) => `${e.events} ${categoryName(e.key, e.name)}`).join(', ');
  return [
    `From ${f.from} to ${f.to}, the left-behind children's home of ${school} served ${leftBehind} left-behind children${buddies > 0 ? ` (and ${buddies} buddies)` : ''}; ${f.children.joined} records were opened and ${f.children.left} children left; at the end ${rate}% of the records were complete.`,
    ` The room was open on ${f.room.daysOpen} days and had ${f.room.visits} visits by ${f.room.distinctChildren} children, ${f.room.perOpenDay} a day on average${f.room.busiestWeekday ? `; ${WEEKDAY_EN[f.room.busiestWeekday.weekday]} was the busiest day` : ''}.`,
    ` Children made ${f.contact.voice} phone calls and ${f.contact.video} video calls home and wrote ${f.contact.letters} letters${months.length > 0 ? `; in every month at least ${monthRate}% of the left-behind children were in touch with a parent` : ''}${f.contact.missed.length > 0 ? `, and ${f.contact.missed.length} children missed a month` : ''}.`,
    ` ${f.birthdays.parties} group birthdays celebrated ${f.birthdays.celebrated} children.`,
    ` The reading room lent ${f.library.loans} books to ${f.library.readers} readers.`,
    ` ${events} events were held${kinds ? ` (${kinds})` : ''}, with ${f.events.signups} sign-ups and ${f.events.attendances} attendances; ${f.events.takingPart} children (${share}%) took part in at least one.`,
    careParagraph(f.care, language),
  ].join('');
}
