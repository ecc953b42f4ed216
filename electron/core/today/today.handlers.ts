import dayjs from 'dayjs';
import { dayOf, mondayOf } from '../../../shared/domain/dates.js';
import type { Db } from '../db/open.js';
import type { HandlerTable } from '../context.js';
import type { VisitsService } from '../attendance/visits.service.js';
import type { LibraryService } from '../library/library.service.js';
import type { CallsService } from '../calls/calls.service.js';
import type { BirthdaysService } from '../birthdays/birthdays.service.js';
import type { ChildrenService } from '../children/children.service.js';
import type { EventsService } from '../events/events.service.js';
import { createSettingsRepo } from '../settings/settings.repo.js';

const SHOWN = 8;
/**
 * Names shown on Today's "in the room" card, the first to come in first; the card counts the rest and the
 * board lists everyone. A room of a thousand (a big school's whole afternoon) drew a thousand name badges on
 * every visit of Today: 443–552 ms at 4× CPU throttling on the 10-year database, for a wall of names nobody reads.
 */
export const ROOM_SHOWN = 60;

/** The Today page in one call: each part is one indexed query, so it stays fast on years of data. */
export function todayHandlers(deps: {
  db: Db;
  visits: VisitsService;
  library: LibraryService;
  calls: CallsService;
  birthdays: BirthdaysService;
  children: ChildrenService;
  events: EventsService;
}): HandlerTable<'today.overview'> {
  const settings = createSettingsRepo(deps.db);
  return {
    'today.overview': (_input, ctx) => {
      const today = dayOf(ctx.now);
      deps.visits.closeStale(ctx.now);
      const room = deps.visits.repo.inRoom(today);
      // The week runs Monday to Sunday, as a Chinese school week is written.
      const monday = mondayOf(today);
      const week = deps.birthdays.between(monday, dayjs(monday).add(6, 'day').format('YYYY-MM-DD')).rows;
      const overdue = deps.library.repo.openLoans({ overdue: true, grade: null, classNo: null }, today);
      const callHome = deps.calls.callHome(ctx.now);
      const completeness = deps.children.completeness();
      return {
        today,
        inRoom: { count: room.length, children: room.slice(0, ROOM_SHOWN) },
        birthdaysToday: week.filter((b) => b.date === today),
        birthdaysWeek: week,
        overdue: { count: overdue.length, loans: [...overdue].sort((a, b) => b.daysOverdue - a.daysOverdue).slice(0, SHOWN) },
        callHome: { days: callHome.days, count: callHome.children.length, children: callHome.children.slice(0, SHOWN) },
        records: { total: completeness.total, incomplete: completeness.total - completeness.complete, rate: completeness.rate },
        term: settings.termOn(today) ?? null,
        // The next two weeks' events that still take place; a weekly group by its next session, not its first.
        events: deps.events.repo
          .list('upcoming', ctx.now)
          .filter((e) => e.status !== 'cancelled')
          .map((e) => {
            if (e.sessions <= 1) return e;
            const next = deps.events.repo.sessions(e.id).find((s) => s.endsAt >= ctx.now);
            return next ? { ...e, startsAt: next.startsAt, endsAt: next.endsAt } : e;
          })
          .filter((e) => e.startsAt <= dayjs(today).add(14, 'day').valueOf())
          .sort((a, b) => a.startsAt - b.startsAt)
          .slice(0, SHOWN),
      };
    },
  };
}
