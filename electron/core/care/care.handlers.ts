import { AppError } from '../../../shared/errors.js';
import { dayOf, daysBetween } from '../../../shared/domain/dates.js';
import type { Pairing } from '../../../shared/domain/care.js';
import type { HandlerTable } from '../context.js';
import type { Stats } from '../stats/stats.js';
import { safeText } from '../xlsx/safeText.js';
import { newWorkbook, toFileOut, writeHeader, writeTitle, xlsxBytes } from '../xlsx/workbook.js';
import { teacherOf, type CareService } from './care.service.js';
import type { AttentionService } from './attention.service.js';
import type { DueService } from './due.service.js';

const MAX_RANGE_DAYS = 3 * 366;
const ROLE = { teacher: '帮扶教师', proxyParent: '代理家长', caringMother: '爱心妈妈', volunteer: '志愿者', peer: '手拉手伙伴' } as const;

function checkRange(from: string, to: string): void {
  if (to < from || daysBetween(from, to) > MAX_RANGE_DAYS) throw new AppError('range.tooLong', { days: MAX_RANGE_DAYS });
}

/** 结对帮扶名单: one row per current pairing, by class; no phone of a child, no care notes. */
async function writePairings(rows: readonly Pairing[], title: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('结对帮扶名单');
  writeTitle(ws, title);
  writeHeader(ws, 2, ['年级', '班级', '儿童姓名', '帮扶人', '身份', '联系电话', '结对日期'], { frozen: true });
  rows.forEach((p, i) => {
    ws.getRow(i + 3).values = [p.grade, p.classNo, safeText(p.childName), safeText(p.mentorName), ROLE[p.role], p.mentorPhone ? safeText(p.mentorPhone) : null, p.fromDay];
  });
  ws.columns.forEach((col, i) => {
    col.width = [6, 6, 12, 12, 12, 16, 12][i] ?? 12;
  });
  return xlsxBytes(wb);
}

type CareProcedures =
  | 'care.people'
  | 'care.savePerson'
  | 'care.pair'
  | 'care.unpair'
  | 'care.pairings'
  | 'care.ofChild'
  | 'care.mine'
  | 'care.exportPairings'
  | 'care.logTalk'
  | 'care.followUpDone'
  | 'care.talks'
  | 'care.logVisit'
  | 'care.visits'
  | 'care.logGuardian'
  | 'care.guardianContacts'
  | 'care.saveMeeting'
  | 'care.meetings'
  | 'care.mark'
  | 'care.unmark'
  | 'care.attentionList'
  | 'care.attention'
  | 'care.savePlan'
  | 'care.reviewPlan'
  | 'care.addNote'
  | 'care.logSupport'
  | 'care.support'
  | 'care.priority'
  | 'care.due'
  | 'care.figures'
  | 'care.rules'
  | 'care.setRules';

export function careHandlers(care: CareService, attention: AttentionService, due: DueService, stats: Stats): HandlerTable<CareProcedures> {
  return {
    'care.people': (_i, ctx) => care.people(ctx.now),
    'care.savePerson': (input, ctx) => care.savePerson(input, ctx),
    'care.pair': (input, ctx) => care.pair(input, ctx),
    'care.unpair': ({ id, toDay, reason }, ctx) => care.unpair(id, toDay, reason, ctx),
    'care.pairings': ({ all }, ctx) => (all ? care.repo.all() : care.repo.current(dayOf(ctx.now))),
    'care.ofChild': ({ childId }) => ({
      pairings: care.repo.ofChild(childId),
      talks: care.records.talksOfChild(childId),
      visits: care.records.visitsOfChild(childId),
      support: care.records.supportOfChild(childId),
    }),
    'care.mine': ({ teacherId }, ctx) => {
      const me = teacherOf(ctx);
      // Another teacher's list is for admins (the principal checking on the pairings).
      const whose = teacherId ?? me;
      if (whose === null) return [];
      if (whose !== me && ctx.session.teacher?.role !== 'admin' && !ctx.session.system) throw new AppError('api.forbidden');
      return due.mine(dayOf(ctx.now), whose, (a) => attention.mayRead(a, ctx));
    },
    'care.exportPairings': async (_i, ctx) => {
      const today = dayOf(ctx.now);
      const rows = care.repo.current(today);
      ctx.audit({ action: 'care.exportPairings', entity: 'child', detail: { rows: rows.length } });
      return toFileOut(`结对帮扶名单-${today}.xlsx`, await writePairings(rows, `结对帮扶名单（${today}）`));
    },

    'care.logTalk': (input, ctx) => care.logTalk(input, ctx),
    'care.followUpDone': ({ id, day }, ctx) => care.followUpDone(id, day, ctx),
    'care.talks': ({ from, to }) => {
      checkRange(from, to);
      return care.records.talksBetween(from, to);
    },

    'care.logVisit': (input, ctx) => care.logVisit(input, ctx),
    'care.visits': ({ from, to }) => {
      checkRange(from, to);
      return care.records.visitsBetween(from, to);
    },

    'care.logGuardian': (input, ctx) => care.logGuardian(input, ctx),
    'care.guardianContacts': ({ from, to }) => {
      checkRange(from, to);
      return care.records.guardiansBetween(from, to);
    },
    'care.saveMeeting': (input, ctx) => care.saveMeeting(input, ctx),
    'care.meetings': ({ from, to }) => {
      checkRange(from, to);
      return care.records.meetingsBetween(from, to);
    },

    'care.mark': (input, ctx) => attention.mark(input, ctx),
    'care.unmark': ({ id, toDay }, ctx) => {
      attention.unmark(id, toDay, ctx);
      return { ok: true as const };
    },
    'care.attentionList': (_i, ctx) => attention.list(ctx),
    'care.attention': ({ id }, ctx) => attention.read(id, ctx),
    'care.savePlan': (input, ctx) => {
      attention.savePlan(input, ctx);
      return { ok: true as const };
    },
    'care.reviewPlan': ({ id, day, note }, ctx) => {
      attention.reviewPlan(id, day, note, ctx);
      return { ok: true as const };
    },
    'care.addNote': (input, ctx) => {
      attention.addNote(input, ctx);
      return { ok: true as const };
    },

    'care.logSupport': (input, ctx) => care.logSupport(input, ctx),
    'care.support': ({ from, to }) => {
      checkRange(from, to);
      return care.records.supportBetween(from, to);
    },
    'care.priority': ({ grades }, ctx) => {
      const left = due.leftBehindIds(dayOf(ctx.now));
      return care.priority(grades, ctx.now, (id) => left.has(id));
    },

    'care.due': ({ mine }, ctx) => due.due(dayOf(ctx.now), mine ? teacherOf(ctx) : null, (a) => attention.mayRead(a, ctx)),
    'care.figures': ({ from, to }) => {
      checkRange(from, to);
      return stats.care.figures(from, to);
    },
    'care.rules': () => care.rules(),
    'care.setRules': ({ rules }, ctx) => care.setRules(rules, ctx),
  };
}
