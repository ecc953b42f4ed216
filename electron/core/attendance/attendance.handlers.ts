import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import { givenName } from '../../../shared/domain/names.js';
import { normalizeQuery } from '../../../shared/domain/search.js';
import type { KioskChild } from '../../../shared/domain/attendance.js';
import type { Db } from '../db/open.js';
import type { HandlerTable } from '../context.js';
import type { VisitsService } from './visits.service.js';
import type { RegisterRow } from '../../../shared/api/attendance.js';
import { writeRegister } from './register.js';
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
  | 'attendance.childVisits'
  | 'settings.hours'
  | 'settings.setHours'
  | 'attendance.stats'
  | 'attendance.register'
  | 'attendance.exportRegister'
> {
  const registerRows = db.prepare(`
    SELECT v.child_id AS childId, c.name, c.grade, c.class_no AS classNo, v.in_at AS inAt, v.out_at AS outAt,
      v.in_by AS inBy, v.out_by AS outBy, v.not_signed_out AS notSignedOut
    FROM visits v JOIN children c ON c.id = v.child_id
    WHERE v.day = ? ORDER BY c.grade, c.class_no, c.search_full, v.in_at`);
  const register = (day: string) =>
    (registerRows.all(day) as (Omit<RegisterRow, 'notSignedOut'> & { notSignedOut: number })[]).map((r) => ({
      ...r,
      notSignedOut: r.notSignedOut === 1,
    }));
  // Only what the kiosk may show: a name, a class, in or out. Active children only.
  const KIOSK = `SELECT c.id, c.name, c.grade, c.class_no AS classNo,
      EXISTS (SELECT 1 FROM visits v WHERE v.child_id = c.id AND v.out_at IS NULL) AS isIn
    FROM children c WHERE c.status = 'active'`;
  const classes = db.prepare("SELECT DISTINCT grade, class_no AS classNo FROM children WHERE status = 'active' ORDER BY grade, class_no");
  const ofClass = db.prepare(`${KIOSK} AND c.grade = ? AND c.class_no = ? ORDER BY c.search_full`);
  const byInitials = db.prepare(
    `${KIOSK} AND (instr(c.search_initials, @q) = 1 OR instr(c.search_full, @q) = 1 OR instr(replace(c.name, '·', ''), @q) = 1)
     ORDER BY c.search_initials = @q DESC, c.grade, c.class_no, c.search_full LIMIT 12`,
  );
  const byCard = db.prepare(`${KIOSK} AND c.card_code = ?`);
  const setHours = db.prepare("INSERT INTO settings (key, value) VALUES ('openingHours', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");

  type Row = Omit<KioskChild, 'givenName' | 'state'> & { isIn: number };
  const toKiosk = (r: Row): KioskChild => ({
    id: r.id,
    name: r.name,
    givenName: givenName(r.name),
    grade: r.grade,
    classNo: r.classNo,
    state: r.isIn === 1 ? 'in' : 'out',
  });

  return {
    'kiosk.classes': () => classes.all() as { grade: number; classNo: number }[],
    'kiosk.classChildren': ({ grade, classNo }) => (ofClass.all(grade, classNo) as Row[]).map(toKiosk),
    'kiosk.search': ({ q }) => {
      const query = normalizeQuery(q);
      return query === '' ? [] : (byInitials.all({ q: query }) as Row[]).map(toKiosk);
    },
    'kiosk.card': ({ code }) => {
      // Scanners type what they read; a stray space or lower case must not matter.
      const r = byCard.get(code.normalize('NFKC').trim().toUpperCase()) as Row | undefined;
      if (!r) throw new AppError('kiosk.unknownCard');
      return toKiosk(r);
    },
    'kiosk.toggle': ({ childId }, ctx) => visits.toggle(childId, ctx),
    'attendance.board': ({ day }, ctx) => visits.board(day ?? dayOf(ctx.now), ctx.now),
    'attendance.signIn': ({ childId }, ctx) => {
      const v = visits.signIn(childId, 'teacher', ctx);
      ctx.audit({ action: 'attendance.signIn', entity: 'visit', entityId: v.id, detail: { childId } });
      return v;
    },
    'attendance.signOut': ({ childId }, ctx) => {
      const v = visits.signOut(childId, 'teacher', ctx);
      ctx.audit({ action: 'attendance.signOut', entity: 'visit', entityId: v.id, detail: { childId } });
      return v;
    },
    'attendance.correct': ({ visitId, inAt, outAt, reason }, ctx) => visits.correct(visitId, inAt, outAt, reason, ctx),
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
    'settings.setHours': ({ hours }, ctx) =>
      db.transaction(() => {
        const before = visits.hours();
        setHours.run(JSON.stringify(hours));
        ctx.audit({ action: 'settings.hours', entity: 'settings', detail: { openingHours: { from: before, to: hours } } });
        return visits.hours();
      })(),
  };
}
