import { AppError } from '../../../shared/errors.js';
import { daysBetween } from '../../../shared/domain/dates.js';
import dayjs from 'dayjs';
import type { Call } from '../../../shared/domain/calls.js';
import type { HandlerTable } from '../context.js';
import type { CallsService } from './calls.service.js';
import { safeText } from '../xlsx/safeText.js';
import { newWorkbook, toFileOut, writeHeader, writeTitle, xlsxBytes } from '../xlsx/workbook.js';

/** The screen's list is cut here (and says so); the export has every row. */
export const LIST_LIMIT = 2000;
const MAX_RANGE_DAYS = 3 * 366;

const ROLE = { father: '父亲', mother: '母亲', guardian: '监护人', other: '其他' } as const;
const KIND = { voice: '电话', video: '视频', letter: '书信' } as const;
const DIRECTION = { out: '孩子打给家长', in: '家长打来' } as const;

/** The call log as .xlsx for the school's own records; notes included (the export is audited). */
async function writeCalls(calls: readonly Call[], title: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('亲情电话记录');
  writeTitle(ws, title);
  writeHeader(ws, 2, ['日期', '时间', '姓名', '年级', '班级', '联系人', '方式', '发起', '时长（分钟）', '值班教师', '备注'], { frozen: true });
  calls.forEach((c, i) => {
    ws.getRow(i + 3).values = [
      c.day,
      dayjs(c.at).format('HH:mm'),
      safeText(c.childName),
      c.grade,
      c.classNo,
      safeText(`${ROLE[c.withRole]}${c.withName ? ` ${c.withName}` : ''}`),
      KIND[c.kind],
      c.kind === 'letter' ? (c.direction === 'out' ? '孩子写给家长' : '家长来信') : DIRECTION[c.direction],
      c.seconds === null ? null : Math.round((c.seconds / 60) * 10) / 10,
      c.teacherName ? safeText(c.teacherName) : null,
      c.note ? safeText(c.note) : null,
    ];
  });
  ws.columns.forEach((col, i) => {
    col.width = [12, 8, 12, 6, 6, 16, 8, 14, 12, 12, 40][i] ?? 12;
  });
  return xlsxBytes(wb);
}

export function callsHandlers(
  calls: CallsService,
): HandlerTable<'calls.log' | 'calls.remove' | 'calls.list' | 'calls.ofChild' | 'calls.callHome' | 'calls.monthly' | 'calls.export' | 'calls.rules' | 'calls.setRules'> {
  return {
    'calls.log': (input, ctx) => calls.log(input, ctx),
    'calls.remove': ({ id, reason }, ctx) => {
      calls.remove(id, reason, ctx);
      return { ok: true as const };
    },
    'calls.list': ({ from, to }) => {
      if (daysBetween(from, to) > MAX_RANGE_DAYS || to < from) throw new AppError('range.tooLong', { days: MAX_RANGE_DAYS });
      return calls.repo.between(from, to, LIST_LIMIT);
    },
    'calls.ofChild': ({ childId }) => ({ calls: calls.repo.ofChild(childId), byMonth: calls.repo.byMonth(childId) }),
    'calls.callHome': (_input, ctx) => calls.callHome(ctx.now),
    'calls.monthly': ({ month }, ctx) => calls.monthly(month, ctx.now),
    'calls.export': async ({ from, to }, ctx) => {
      if (daysBetween(from, to) > MAX_RANGE_DAYS || to < from) throw new AppError('range.tooLong', { days: MAX_RANGE_DAYS });
      const rows = calls.repo.between(from, to);
      ctx.audit({ action: 'calls.export', entity: 'call', detail: { from, to, rows: rows.length } });
      return toFileOut(`亲情电话记录-${from}至${to}.xlsx`, await writeCalls(rows, `亲情电话记录 ${from} 至 ${to}`));
    },
    'calls.rules': () => calls.rules(),
    'calls.setRules': ({ rules }, ctx) => calls.setRules(rules, ctx),
  };
}
