import type { SummaryFigures } from './summary.js';
import { careParagraph, countOf } from './careText.js';
import { percentOf as pct } from './percent.js';

const GRADE_ZH = ['', '一', '二', '三', '四', '五', '六'];
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const zhDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The draft paragraph of the 工作总结, in the register of a Chinese school report (or plain English),
 * filled from the figures. The principal edits it before printing; the figures beside it stay exact.
 */
const CATEGORY_ZH = { leftBehind: '农村留守儿童', oneAway: '单亲外出', unsupported: '事实无人抚养儿童', orphan: '孤儿', none: '其他儿童（手拉手伙伴等）' } as const;
const CATEGORY_EN = { leftBehind: 'left-behind (official)', oneAway: 'with one parent away', unsupported: 'de facto unsupported', orphan: 'orphans', none: 'others (buddies …)' } as const;
const LIVES_ZH = { parent: '与父亲或母亲同住', grandparents: '与祖辈同住', relatives: '与其他亲属同住', other: '与其他人同住', unknown: '未登记同住人' } as const;
const LIVES_EN = { parent: 'live with a parent', grandparents: 'with grandparents', relatives: 'with other relatives', other: 'with someone else', unknown: 'not recorded' } as const;
const zhMonthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The categories of the children served; summaries saved before they existed fall back to who is away. */
export function categoriesOf(f: SummaryFigures): { category: keyof typeof CATEGORY_ZH; children: number }[] {
  if (f.children.byCategory) return f.children.byCategory;
  const n = (a: string) => f.children.byAway.find((x) => x.awayParents === a)?.children ?? 0;
  return [
    { category: 'leftBehind', children: n('both') },
    { category: 'oneAway', children: n('father') + n('mother') },
    { category: 'unsupported', children: 0 },
    { category: 'orphan', children: 0 },
    { category: 'none', children: n('none') },
  ];
}

/** The top readers tied with the first: the star and how many share the top count. */
export function readingStar(f: SummaryFigures): { name: string; loans: number; tied: number } | null {
  const first = f.library.topReaders[0];
  if (!first) return null;
  return { name: first.name, loans: first.loans, tied: f.library.topReaders.filter((r) => r.loans === first.loans).length };
}

/**
 * The draft paragraph of the 工作总结, in the register of a Chinese school report (or plain English), filled from
 * the figures. Every breakdown counts the same children as its headline (the children in school in the range), so
 * the parts add up to it. The principal edits it before printing; the figures beside it stay exact.
 */
export function draftParagraph(f: SummaryFigures, language: 'zh-CN' | 'en', school: string, categoryName: (key: string | null, name: string | null) => string): string {
  const served = f.children.active;
  const cats = categoriesOf(f).filter((c) => c.children > 0);
  const rate = pct(f.children.complete, f.children.completeTotal);
  const months = f.contact.byMonth;
  const monthRate = months.length === 0 ? 0 : Math.min(...months.map((m) => pct(m.contacted, m.children)));
  const events = f.events.held.reduce((n, e) => n + e.events, 0);
  const share = pct(f.events.takingPart, served);
  const star = readingStar(f);
  const lives = (f.children.livesWith ?? []).filter((l) => l.children > 0);
  const day = f.room.busiestDay;
  const pupils = f.school?.pupils ?? null;
  const leftBehind = categoriesOf(f).find((c) => c.category === 'leftBehind')?.children ?? 0;
  if (language === 'zh-CN') {
    const grades = f.children.byGrade.map((g) => `${GRADE_ZH[g.grade]}年级${g.children}名`).join('、');
    const kinds = f.events.held.map((e) => `${categoryName(e.key, e.name)}${e.events}次`).join('、');
    const starText = star ? `，“阅读之星”${star.name}${star.tied > 1 ? `等${star.tied}人各` : ''}借阅${star.loans}册` : '';
    return [
      `${zhDay(f.from)}至${zhDay(f.to)}，${school}留守儿童之家共服务儿童${served}名${cats.length > 0 ? `，其中${cats.map((c) => `${CATEGORY_ZH[c.category]}${c.children}名`).join('、')}` : ''}；按年级，${grades}。`,
      pupils ? `全校在校学生${pupils}名，农村留守儿童占${pct(leftBehind, pupils)}%，留守儿童之家服务的儿童占${pct(served, pupils)}%。` : '',
      lives.length > 0 ? `从同住情况看，${lives.map((l) => `${LIVES_ZH[l.livesWith]}${l.children}名`).join('、')}。` : '',
      `本期新建档案${f.children.joined}名，离校${f.children.left}名，期末建档率${rate}%。`,
      `活动室开放${f.room.daysOpen}天，累计接待${f.room.visits}人次，共有${f.room.distinctChildren}名儿童来过，平均每个开放日接待${f.room.perOpenDay}人次${f.room.busiestWeekday ? `；按星期合计，${WEEKDAY_ZH[f.room.busiestWeekday.weekday]}人次最多（全期合计${f.room.busiestWeekday.visits}人次）` : ''}${day ? `，单日最多的是${zhMonthDay(day.day)}（${day.visits}人次）` : ''}。`,
      `组织亲情电话${f.contact.voice}次、亲情视频${f.contact.video}次，孩子们给父母写信${f.contact.letters}封${months.length > 0 ? `；每月与父母联系的父母外出儿童比例不低于${monthRate}%` : ''}${f.contact.missed.length > 0 ? `，仍有${f.contact.missed.length}名儿童个别月份未与父母联系，下学期将重点关注` : ''}。`,
      `举办集体生日${f.birthdays.parties}次，为${f.birthdays.celebrated}人次儿童庆祝生日。`,
      `阅览室借出图书${f.library.loans}册次，${f.library.readers}名儿童借阅${starText}。`,
      `开展各类活动${events}次${kinds ? `（${kinds}）` : ''}，报名${f.events.signups}人次（每名儿童每项活动计1次），出勤${f.events.attendances}人次（${f.events.sessions !== undefined ? `共${f.events.sessions}次活动课，` : ''}每次课分别计），${f.events.takingPart}名儿童参加过活动，占服务儿童的${share}%。`,
      careParagraph(f.care, language),
    ].join('');
  }
  const kinds = f.events.held.map((e) => `${e.events} ${categoryName(e.key, e.name)}`).join(', ');
  const grades = f.children.byGrade.map((g) => `grade ${g.grade}: ${g.children}`).join(', ');
  return [
    `From ${f.from} to ${f.to}, the children's home of ${school} served ${countOf(served, 'child', 'children')}${cats.length > 0 ? `: ${cats.map((c) => `${c.children} ${CATEGORY_EN[c.category]}`).join(', ')}` : ''}${grades ? `; by grade, ${grades}` : ''}.`,
    pupils ? ` The school has ${countOf(pupils, 'pupil', 'pupils')}: ${pct(leftBehind, pupils)}% are left-behind children (official), ${pct(served, pupils)}% are served by the home.` : '',
    lives.length > 0 ? ` ${lives.map((l) => `${l.children} ${LIVES_EN[l.livesWith]}`).join(', ')}.` : '',
    ` ${countOf(f.children.joined, 'record was', 'records were')} opened and ${countOf(f.children.left, 'child', 'children')} left; at the end ${rate}% of the records were complete.`,
    ` The room was open on ${countOf(f.room.daysOpen, 'day', 'days')} and had ${countOf(f.room.visits, 'visit', 'visits')} by ${countOf(f.room.distinctChildren, 'child', 'children')}, ${f.room.perOpenDay} a day on average${f.room.busiestWeekday ? `; summed over the term, ${WEEKDAY_EN[f.room.busiestWeekday.weekday]}s had the most visits (${f.room.busiestWeekday.visits})` : ''}${day ? `, and the busiest single day was ${day.day} (${day.visits})` : ''}.`,
    ` Children made ${countOf(f.contact.voice, 'phone call', 'phone calls')} and ${countOf(f.contact.video, 'video call', 'video calls')} home and wrote ${countOf(f.contact.letters, 'letter', 'letters')}${months.length > 0 ? `; in every month at least ${monthRate}% of the children with a parent away were in touch with a parent` : ''}${f.contact.missed.length > 0 ? `, and ${countOf(f.contact.missed.length, 'child', 'children')} missed a month` : ''}.`,
    ` ${countOf(f.birthdays.parties, 'group birthday', 'group birthdays')} celebrated ${countOf(f.birthdays.celebrated, 'child', 'children')}.`,
    ` The reading room lent ${countOf(f.library.loans, 'book', 'books')} to ${countOf(f.library.readers, 'reader', 'readers')}${star ? `; the top reader${star.tied > 1 ? `s (${star.tied}, tied)` : ''} borrowed ${star.loans}` : ''}.`,
    ` ${countOf(events, 'event was', 'events were')} held${kinds ? ` (${kinds})` : ''}, with ${countOf(f.events.signups, 'sign-up', 'sign-ups')} (one per child and event) and ${countOf(f.events.attendances, 'attendance', 'attendances')} (counted per session${f.events.sessions !== undefined ? `, ${countOf(f.events.sessions, 'session', 'sessions')}` : ''}); ${countOf(f.events.takingPart, 'child', 'children')} (${share}%) took part in at least one.`,
    careParagraph(f.care, language),
  ].join('');
}
