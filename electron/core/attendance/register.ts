import dayjs from 'dayjs';
import type { RegisterRow } from '../../../shared/api/attendance.js';
import { safeText } from '../xlsx/safeText.js';
import { newWorkbook, writeHeader, writeTitle, xlsxBytes } from '../xlsx/workbook.js';

const BY = { kiosk: '儿童自己', teacher: '教师', closing: '闭馆未签退' } as const;
const GRADE = ['', '一', '二', '三', '四', '五', '六'];

/** The day's 出勤登记表 as .xlsx: one row per visit, in the order of the printed register. */
export async function writeRegister(day: string, rows: readonly RegisterRow[]): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('出勤登记表');
  writeTitle(ws, `出勤登记表 ${day}`, { mergeTo: 7 });
  writeHeader(ws, 2, ['序号', '姓名', '班级', '签到', '签退', '记录方式', '备注']);
  rows.forEach((r, i) => {
    ws.getRow(i + 3).values = [
      i + 1,
      safeText(r.name),
      `${GRADE[r.grade]}年级${r.classNo}班`,
      dayjs(r.inAt).format('HH:mm'),
      r.outAt === null ? '' : dayjs(r.outAt).format('HH:mm'),
      `${BY[r.inBy]} / ${r.outBy ? BY[r.outBy] : '—'}`,
      r.notSignedOut ? '未签退' : '',
    ];
  });
  [6, 14, 14, 8, 8, 18, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return xlsxBytes(wb);
}
