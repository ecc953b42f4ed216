import { AppError } from '../../../shared/errors.js';
import dayjs from 'dayjs';
import type { EventDetail, EventStats } from '../../../shared/domain/events.js';
import type { Db } from '../db/open.js';
import type { HandlerTable } from '../context.js';
import type { EventsService } from './events.service.js';
import { safeText } from '../xlsx/safeText.js';
import { newWorkbook, toFileOut, writeHeader, writeTitle, xlsxBytes } from '../xlsx/workbook.js';

const STATUS = { confirmed: '已报名', waitlist: '候补', cancelled: '已取消' } as const;

/** The sign-up list and the attendance of every session, as .xlsx. */
async function writeEvent(d: EventDetail): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('报名表');
  writeTitle(ws, `${d.event.title} 报名表`);
  const sessions = d.sessions;
  writeHeader(ws, 2, ['序号', '姓名', '年级', '班级', '留守儿童', '状态', '候补顺序', ...sessions.map((s) => `${dayjs(s.startsAt).format('M/D')} 出勤`)]);
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
  db: Db,
  events: EventsService,
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
  const held = db.prepare(`
    SELECT e.category_id AS categoryId, k.key, k.name, count(*) AS events
    FROM events e LEFT JOIN event_categories k ON k.id = e.category_id
    WHERE e.status = 'held' AND e.starts_at BETWEEN ? AND ? GROUP BY e.category_id ORDER BY k.position`);
  const signups = db.prepare(`
    SELECT count(*) FROM signups x JOIN events e ON e.id = x.event_id
    WHERE x.status = 'confirmed' AND e.status <> 'cancelled' AND e.starts_at BETWEEN ? AND ?`).pluck();
  const attendances = db.prepare(`
    SELECT count(*) FROM event_attendance a JOIN event_sessions s ON s.id = a.session_id
    WHERE a.present = 1 AND s.starts_at BETWEEN ? AND ?`).pluck();
  const takingPart = db.prepare(`
    SELECT count(DISTINCT a.child_id) FROM event_attendance a JOIN event_sessions s ON s.id = a.session_id
    JOIN children c ON c.id = a.child_id
    WHERE a.present = 1 AND s.starts_at BETWEEN ? AND ? AND c.status = 'active'`).pluck();
  const active = db.prepare("SELECT count(*) FROM children WHERE status = 'active'").pluck();

  return {
    'events.categories': () => events.repo.categories(),
    'events.saveCategory': ({ id, name }, ctx) =>
      db.transaction(() => {
        const repo = events.repo;
        if (repo.categoryNamed(name, id ?? null) !== undefined) throw new AppError('events.duplicateCategory', { name });
        if (id) {
          const before = repo.categoryRow(id);
          if (!before) throw new AppError('events.categoryNotFound');
          repo.renameCategory(id, name);
          ctx.audit({ action: 'events.category', entity: 'eventCategory', entityId: id, detail: { name: { from: before.name, to: name } } });
        } else {
          const newId = repo.insertCategory(name);
          ctx.audit({ action: 'events.category', entity: 'eventCategory', entityId: newId, detail: { name } });
        }
        return repo.categories();
      })(),
    'events.removeCategory': ({ id }, ctx) =>
      db.transaction(() => {
        const repo = events.repo;
        const c = repo.categoryRow(id);
        if (!c) throw new AppError('events.categoryNotFound');
        const used = repo.categoryUsed(id);
        if (used > 0) throw new AppError('events.categoryInUse', { events: used });
        repo.deleteCategory(id);
        ctx.audit({ action: 'events.categoryRemove', entity: 'eventCategory', entityId: id, detail: { name: c.name } });
        return repo.categories();
      })(),
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
    'events.stats': ({ from, to }): EventStats => {
      const { fromMs, toMs } = events.dayRange(from, to);
      return {
        from,
        to,
        held: held.all(fromMs, toMs) as EventStats['held'],
        signups: Number(signups.get(fromMs, toMs)),
        attendances: Number(attendances.get(fromMs, toMs)),
        activeChildren: Number(active.get()),
        takingPart: Number(takingPart.get(fromMs, toMs)),
      };
    },
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
