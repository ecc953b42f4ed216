import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import { normalizeQuery } from '../../../shared/domain/search.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { HandlerTable } from '../context.js';
import type { VisitsService } from './visits.service.js';
import { writeRegister } from './register.js';
import { createChildrenRepo } from '../children/children.repo.js';
import type { Stats } from '../stats/stats.js';

export function attendanceHandlers(
  db: Db,
  visits: VisitsService,
  stats: Stats,
): HandlerTable<
  | 'kiosk.classes'
  | 'kiosk.classChildren'
  | 'kiosk.search'
  | 'kiosk.card'
  | 'kiosk.toggle'
  | 'attendance.board'
  | 'attendance.signIn'
  | 'attendance.signOut'
  | 'attendance.correct'
  | 'attendance.deleteVisit'
  | 'attendance.undo'
  | 'attendance.signOutAll'
  | 'attendance.childVisits'
  | 'settings.hours'
  | 'settings.setHours'
  | 'attendance.stats'
  | 'attendance.register'
  | 'attendance.exportRegister'
> {
  const children = createChildrenRepo(db);
  const register = (day: string) => visits.repo.register(day);

  return {
    'kiosk.classes': () => children.kioskClasses(),
    'kiosk.classChildren': ({ grade, classNo }) => children.kioskOfClass(grade, classNo),
    'kiosk.search': ({ q }) => {
      const query = normalizeQuery(q);
      return query === '' ? [] : children.kioskSearch(query);
    },
    'kiosk.card': ({ code }) => {
      // Scanners type what they read; a stray space or lower case must not matter.
      const child = children.kioskByCard(code.normalize('NFKC').trim().toUpperCase());
      if (!child) throw new AppError('kiosk.unknownCard');
      return child;
    },
    'kiosk.toggle': ({ childId }, ctx) => visits.toggle(childId, ctx),
    'attendance.board': ({ day }, ctx) => visits.board(day ?? dayOf(ctx.now), ctx.now),
    'attendance.signIn': ({ childId }, ctx) =>
      write(db, () => {
        const v = visits.signIn(childId, 'teacher', ctx);
        ctx.audit({ action: 'attendance.signIn', entity: 'visit', entityId: v.id, detail: { childId } });
        return v;
      }),
    'attendance.signOut': ({ childId }, ctx) =>
      write(db, () => {
        const v = visits.signOut(childId, 'teacher', ctx);
        ctx.audit({ action: 'attendance.signOut', entity: 'visit', entityId: v.id, detail: { childId } });
        return v;
      }),
    'attendance.correct': ({ visitId, inAt, outAt, reason }, ctx) => visits.correct(visitId, inAt, outAt, reason, ctx),
    'attendance.deleteVisit': ({ visitId, reason }, ctx) => {
      visits.remove(visitId, reason, ctx);
      return { ok: true as const };
    },
    'attendance.undo': ({ visitId, action }, ctx) => visits.undo(visitId, action, ctx),
    'attendance.signOutAll': ({ childIds }, ctx) => visits.signOutAll(childIds, ctx),
    'attendance.childVisits': ({ childId, from, to }) => visits.repo.ofChild(childId, from, to),
    'attendance.stats': ({ from, to }) => stats.visitsByDay(from, to),
    'attendance.register': ({ day }, ctx) => {
      ctx.audit({ action: 'attendance.printRegister', entity: 'visit', detail: { day } });
      return register(day);
    },
    'attendance.exportRegister': async ({ day }, ctx) => {
      const rows = register(day);
      ctx.audit({ action: 'attendance.exportRegister', entity: 'visit', detail: { day, rows: rows.length } });
      return { fileName: `出勤登记表-${day}.xlsx`, data: (await writeRegister(day, rows)).toString('base64') };
    },
    'settings.hours': () => visits.hours(),
    'settings.setHours': ({ hours }, ctx) => visits.setHours(hours, ctx),
  };
}
