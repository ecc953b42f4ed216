import dayjs from 'dayjs';
import type { EventDetail, EventStats } from '../../../shared/domain/events.js';
import type { HandlerTable } from '../context.js';
import type { EventsService } from './events.service.js';
import type { Stats } from '../stats/stats.js';
import { safeText } from '../xlsx/safeText.js';
import { newWorkbook, toFileOut, writeHeader, writeTitle, xlsxBytes } from '../xlsx/workbook.js';

const STATUS = { confirmed: '已报名', waitlist: '候补', cancelled: '已取消' } as const;

/** The sign-up list and the attendance of every session, as .xlsx. */
async function writeEvent(d: EventDetail): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('报名表');
  writeTitle(ws, `${d.event.title} 报名表`);
  const sessions = d.sessions;
  writeHeader(ws, 2, ['序号', '姓名', '年级', '班级', '优先（农村留守儿童、事实无人抚养儿童、孤儿）', '状态', '候补顺序', ...sessions.map((s) => `${dayjs(s.startsAt).format('M/D')} 出勤`)]);
  d.signups.forEach((s, i) => {
    ws.getRow(i + 3).values = [
      i + 1,
      safeText(s.name),
      s.grade,
      s.classNo,
      s.leftBehind ? '是' : '否',
      STATUS[s.status],
      s.position,
      ...sessions.map((x) => (s.status !== 'confirmed' ? null : (d.attendance[x.id] ?? []).includes(s.childId) ? '✓' : x.present === null ? null : '缺')),
    ];
  });
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 12 : 9;
  });
  return xlsxBytes(wb);
}

export function eventsHandlers(
  events: EventsService,
  stats: Stats,
): HandlerTable<
  | 'events.categories'
  | 'events.saveCategory'
  | 'events.removeCategory'
  | 'events.list'
  | 'events.get'
  | 'events.create'
  | 'events.update'
  | 'events.setStatus'
  | 'events.signUp'
  | 'events.cancel'
  | 'events.attendance'
  | 'events.ofChild'
  | 'events.stats'
  | 'events.printData'
  | 'events.export'
  | 'kiosk.events'
  | 'kiosk.signUp'
  | 'kiosk.cancelSignUp'
> {
  return {
    'events.categories': () => events.categories(),
    'events.saveCategory': ({ id, name }, ctx) => events.saveCategory(id, name, ctx),
    'events.removeCategory': ({ id }, ctx) => events.removeCategory(id, ctx),
    'events.list': ({ when }, ctx) => events.repo.list(when, ctx.now),
    'events.get': ({ id }) => events.detail(id),
    'events.create': (input, ctx) => events.create(input, ctx),
    'events.update': ({ id, event }, ctx) => events.update(id, event, ctx),
    'events.setStatus': ({ id, status }, ctx) => events.setStatus(id, status, ctx),
    'events.signUp': ({ eventId, childId, overCapacityReason }, ctx) => events.signUp(eventId, childId, 'teacher', overCapacityReason, ctx),
    'events.cancel': ({ eventId, childId }, ctx) => events.cancel(eventId, childId, 'teacher', ctx),
    'events.attendance': ({ sessionId, present }, ctx) => events.markAttendance(sessionId, present, ctx),
    'events.ofChild': ({ childId }) =>
      events.repo.ofChild(childId).map(({ title, startsAt, eventStatus, attended, sessions, ...r }) => ({
        ...events.repo.toSignup(r),
        title,
        startsAt,
        eventStatus,
        attended,
        sessions,
      })),
    // Taking part is a share of the children in school in the range, as in the term summary.
    'events.stats': ({ from, to }): EventStats => ({ from, to, ...stats.events(from, to), activeChildren: stats.inSchool(from, to) }),
    'events.printData': ({ id, kind }, ctx) => {
      const d = events.detail(id);
      ctx.audit({ action: `events.print.${kind}`, entity: 'event', entityId: id, detail: { rows: d.signups.length } });
      return d;
    },
    'events.export': async ({ id }, ctx) => {
      const d = events.detail(id);
      ctx.audit({ action: 'events.export', entity: 'event', entityId: id, detail: { rows: d.signups.length } });
      return toFileOut(`${d.event.title}-报名表.xlsx`, await writeEvent(d));
    },
    'kiosk.events': ({ childId }, ctx) => events.kioskEvents(childId, ctx.now),
    'kiosk.signUp': ({ childId, eventId }, ctx) => {
      const { signup } = events.signUp(eventId, childId, 'kiosk', null, ctx);
      return { status: signup.status === 'waitlist' ? 'waitlist' : 'confirmed', position: signup.position };
    },
    'kiosk.cancelSignUp': ({ childId, eventId }, ctx) => {
      events.cancel(eventId, childId, 'kiosk', ctx);
      return { ok: true as const };
    },
  };
}
