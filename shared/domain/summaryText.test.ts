import { describe, expect, it } from 'vitest';
import { draftParagraph } from './summaryText.js';
import type { SummaryFigures } from './summary.js';

const f: SummaryFigures = {
  from: '2026-09-01',
  to: '2027-01-31',
  children: { active: 158, byGrade: [{ grade: 1, children: 20 }, { grade: 2, children: 138 }], byAway: [{ awayParents: 'both', children: 150 }, { awayParents: 'none', children: 8 }], joined: 12, left: 3, complete: 150, completeTotal: 155 },
  room: { daysOpen: 86, visits: 2345, distinctChildren: 140, perOpenDay: 27.3, busiestWeekday: { weekday: 3, visits: 600 }, byWeek: [] },
  contact: { voice: 300, video: 120, letters: 40, byMonth: [{ month: '2026-09', children: 150, contacted: 140, voice: 1, video: 1, letters: 1 }, { month: '2026-10', children: 150, contacted: 150, voice: 1, video: 1, letters: 1 }], missed: [{ childId: 1, name: '甲', grade: 1, classNo: 1, months: ['2026-09'] }] },
  birthdays: { parties: 4, celebrated: 60 },
  library: { loans: 900, readers: 120, topReaders: [{ childId: 1, name: '张三丽', grade: 3, classNo: 2, loans: 31 }], topTitles: [], overdueAtEnd: 2 },
  events: { held: [{ key: 'talk', name: '讲座', events: 3 }], signups: 200, attendances: 180, takingPart: 79 },
};

describe('the draft paragraph', () => {
  it('reads like a 工作总结 and carries the exact figures', () => {
    const zh = draftParagraph(f, 'zh-CN', '青山镇中心小学', (_k, n) => n ?? '');
    // The headline counts every child served; the categories and the grades add up to it (a saved summary without
    // categories falls back to who is away: both parents away are the official left-behind children).
    expect(zh).toContain('2026年9月1日至2027年1月31日，青山镇中心小学留守儿童之家共服务儿童158名，其中农村留守儿童150名、其他儿童（手拉手伙伴等）8名；按年级，一年级20名、二年级138名。');
    expect(zh).toContain('按星期合计，星期三人次最多（全期合计600人次）');
    expect(zh).toContain('报名200人次（每名儿童每项活动计1次），出勤180人次（每次课分别计）');
    expect(zh).toContain('期末建档率96.8%');
    expect(zh).toContain('活动室开放86天，累计接待2345人次');
    expect(zh).toContain('每月与父母联系的父母外出儿童比例不低于93.3%');
    expect(zh).toContain('“阅读之星”张三丽借阅31册');
    expect(zh).toContain('开展各类活动3次（讲座3次）');
    expect(zh).toContain('占服务儿童的50%');
  });
  it('names ties as ties and the busiest single day with its date', () => {
    const tied = {
      ...f,
      room: { ...f.room, busiestDay: { day: '2026-10-14', visits: 61 } },
      library: { ...f.library, topReaders: [31, 31, 31, 30].map((loans, i) => ({ childId: i + 1, name: ['张三丽', '李四', '王五', '赵六'][i]!, grade: 3, classNo: 2, loans })) },
    };
    const zh = draftParagraph(tied, 'zh-CN', '青山镇中心小学', (_k, n) => n ?? '');
    expect(zh).toContain('“阅读之星”张三丽等3人各借阅31册');
    expect(zh).toContain('单日最多的是10月14日（61人次）');
  });

  it('has an English equivalent', () => {
    const en = draftParagraph(f, 'en', 'Qingshan Central Primary School', (k) => (k === 'talk' ? 'talks' : ''));
    expect(en).toContain('served 158 children: 150 left-behind (official), 8 others (buddies …)');
    expect(en).toContain('open on 86 days and had 2345 visits');
    expect(en).toContain('3 events were held (3 talks)');
  });

  it('in English, says one as one and leaves out an empty breakdown', () => {
    const one: SummaryFigures = {
      ...f,
      children: { ...f.children, active: 1, byGrade: [], byAway: [{ awayParents: 'both', children: 1 }], joined: 1, left: 1 },
      room: { ...f.room, daysOpen: 1, visits: 1, distinctChildren: 1 },
      contact: { ...f.contact, voice: 1, video: 1, letters: 1, missed: [] },
      birthdays: { parties: 1, celebrated: 1 },
      library: { ...f.library, loans: 1, readers: 1 },
      events: { held: [{ key: 'talk', name: '讲座', events: 1 }], signups: 1, attendances: 1, takingPart: 1 },
      care: { leftBehind: 1, paired: 1, talks: { talks: 1, children: 1, childMonths: 1, metTarget: 1 }, visits: { visits: 1, families: 1 }, guardians: { contacts: 1, meetings: 1, families: 1 }, attention: { children: 1, plansDue: 1, reviewedOnTime: 1 }, support: { records: 1, children: 1, totalFen: 100 } },
    };
    const en = draftParagraph(one, 'en', 'Qingshan', (k) => (k === 'talk' ? 'talk' : ''));
    expect(en).toContain('served 1 child: 1 left-behind (official).');
    expect(en).not.toContain('by grade');
    expect(en).toContain('1 record was opened and 1 child left');
    expect(en).toContain('open on 1 day and had 1 visit by 1 child');
    expect(en).toContain('Children made 1 phone call and 1 video call home and wrote 1 letter');
    expect(en).toContain('1 group birthday celebrated 1 child.');
    expect(en).toContain('lent 1 book to 1 reader');
    expect(en).toContain('1 event was held (1 talk), with 1 sign-up');
    expect(en).toContain('mentors held 1 talk with 1 child');
    expect(en).toContain('1 child was under close attention, with 1 of 1 plan reviewed on time');
    expect(en).not.toMatch(/\b1 (children|talks|visits|days|records|books|readers|events|letters)\b/);
  });
});
