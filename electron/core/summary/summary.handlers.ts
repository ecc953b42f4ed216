import { AppError } from '../../../shared/errors.js';
import { daysBetween } from '../../../shared/domain/dates.js';
import type { SummaryFigures, SummarySnapshot } from '../../../shared/domain/summary.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { HandlerTable } from '../context.js';
import type { SummaryService } from './summary.service.js';
import { createSummaryRepo } from './summary.repo.js';
import { AWAY_LABEL, ZH } from '../xlsx/labels.js';
import { toSummaryJson } from '../../../shared/domain/summaryJson.js';
import { percentText } from '../../../shared/domain/percent.js';
import { createStats, type Stats } from '../stats/stats.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { careRows } from '../care/summaryRows.js';
import { safeText } from '../xlsx/safeText.js';
import { newWorkbook, toFileOut, writeTitle, xlsxBytes } from '../xlsx/workbook.js';

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The figures as a sheet of label–value rows, for pasting into the bureau's own forms. */
async function writeFigures(f: SummaryFigures, title: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('学期数据');
  const rows: [string, string | number][] = [
    ['统计时段', `${f.from} 至 ${f.to}`],
    ['服务儿童（人）', f.children.active],
    ...f.children.byGrade.map((g) => [`  其中 ${g.grade} 年级`, g.children] as [string, number]),
    ...f.children.byAway.map((a) => [`  其中 ${AWAY_LABEL[a.awayParents]}`, a.children] as [string, number]),
    ['本期新建档案（人）', f.children.joined],
    ['本期离开（人）', f.children.left],
    ['期末建档率', percentText(f.children.complete, f.children.completeTotal)],
    ['开放天数', f.room.daysOpen],
    ['接待人次', f.room.visits],
    ['来过的儿童（人）', f.room.distinctChildren],
    ['平均每个开放日人次', f.room.perOpenDay],
    ['最忙的一天', f.room.busiestWeekday ? `${WEEKDAY[f.room.busiestWeekday.weekday]}（${f.room.busiestWeekday.visits} 人次）` : '—'],
    ['亲情电话（次）', f.contact.voice],
    ['亲情视频（次）', f.contact.video],
    ['写给父母的信（封）', f.contact.letters],
    ...f.contact.byMonth.map((m) => [`  ${m.month} 与父母联系`, `${m.contacted}/${m.children}`] as [string, string]),
    ['集体生日（次）', f.birthdays.parties],
    ['过集体生日的儿童（人次）', f.birthdays.celebrated],
    ['借阅图书（册次）', f.library.loans],
    ['借阅人数', f.library.readers],
    ['期末逾期未还（册）', f.library.overdueAtEnd],
    ...f.events.held.map((e) => [`举办活动：${e.name ?? '未分类'}`, e.events] as [string, number]),
    ['活动报名（人次）', f.events.signups],
    ['活动出勤（人次）', f.events.attendances],
    ['参加过活动的儿童（人）', f.events.takingPart],
    ...careRows(f.care),
  ];
  writeTitle(ws, title);
  rows.forEach((r, i) => {
    ws.getRow(i + 2).values = [r[0], typeof r[1] === 'string' ? safeText(r[1]) : r[1]];
  });
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 24;
  const readers = wb.addWorksheet('阅读之星');
  readers.getRow(1).values = ['名次', '姓名', '年级', '班级', '借阅（册）'];
  f.library.topReaders.forEach((r, i) => (readers.getRow(i + 2).values = [i + 1, safeText(r.name), r.grade, r.classNo, r.loans]));
  const missed = wb.addWorksheet('未与父母联系');
  missed.getRow(1).values = ['姓名', '年级', '班级', '没有联系的月份'];
  f.contact.missed.forEach((m, i) => (missed.getRow(i + 2).values = [safeText(m.name), m.grade, m.classNo, m.months.join('、')]));
  return xlsxBytes(wb);
}

export function summaryHandlers(db: Db, summary: SummaryService, stats?: Stats): HandlerTable<'summary.compute' | 'summary.save' | 'summary.snapshots' | 'summary.snapshot' | 'summary.export' | 'summary.exportJson' | 'summary.setPupils'> {
  const repo = createSummaryRepo(db);
  const get = (id: number): SummarySnapshot => {
    const s = repo.one(id);
    if (!s) throw new AppError('summary.notFound');
    return s;
  };
  const check = (from: string, to: string) => {
    if (to < from || daysBetween(from, to) > 400) throw new AppError('summary.badRange');
  };
  return {
    'summary.compute': ({ from, to }) => {
      check(from, to);
      return summary.compute(from, to);
    },
    'summary.save': ({ from, to, title, language, paragraph }, ctx) => {
      check(from, to);
      return write(db, () => {
        const figures = summary.compute(from, to);
        const id = repo.insert({ title, from, to, language, figures, paragraph, teacherId: ctx.session.teacher?.id ?? null, now: ctx.now });
        ctx.audit({ action: 'summary.save', entity: 'summary', entityId: id, detail: { from, to } });
        return get(id);
      });
    },
    'summary.snapshots': () => repo.list(),
    'summary.snapshot': ({ id }) => get(id),
    'summary.export': async ({ from, to, snapshotId }, ctx) => {
      let figures: SummaryFigures;
      let title: string;
      if (snapshotId) {
        const s = get(snapshotId);
        figures = s.figures;
        title = s.title;
      } else {
        if (!from || !to) throw new AppError('summary.badRange');
        check(from, to);
        figures = summary.compute(from, to);
        title = `学期工作数据 ${from} 至 ${to}`;
      }
      ctx.audit({ action: 'summary.export', entity: 'summary', entityId: snapshotId ?? null, detail: { from: figures.from, to: figures.to } });
      return toFileOut(`${title}.xlsx`, await writeFigures(figures, title));
    },
    'summary.setPupils': ({ from, pupils }, ctx) => {
      const st = stats ?? createStats(db);
      return write(db, () => {
        const term = st.termOf(from);
        if (!term) throw new AppError('summary.noTerm');
        st.setPupils(term.id, pupils);
        ctx.audit({ action: 'summary.setPupils', entity: 'term', entityId: term.id, detail: { pupils } });
        return { term: term.name, pupils };
      });
    },
    'summary.exportJson': ({ snapshotId }, ctx) => {
      const s = get(snapshotId);
      const settings = createSettingsRepo(db);
      const kinds = ZH.events.categories as Record<string, string>;
      const doc = toSummaryJson(s, { school: settings.read(SETTING.schoolName), room: settings.read(SETTING.roomName) }, (key, name) => (key ? (kinds[key] ?? key) : (name ?? '未分类')));
      ctx.audit({ action: 'summary.exportJson', entity: 'summary', entityId: snapshotId, detail: { from: s.from, to: s.to } });
      return { fileName: `${s.title}.json`, data: Buffer.from(JSON.stringify(doc, null, 2), 'utf8').toString('base64') };
    },
  };
}
