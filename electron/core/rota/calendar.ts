import dayjs from 'dayjs';
import type { Day } from '../../../shared/domain/dates.js';
import type { CalendarEntry } from '../../../shared/domain/rota.js';
import type { OpeningHours } from '../../../shared/domain/hours.js';
import type { Db } from '../db/open.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { createRotaRepo } from './rota.repo.js';

export interface OpenDay {
  day: Day;
  open: boolean;
  /** What decided: the weekly opening hours, a closure (寒假, 国庆节), or a special opening (暑期托管). */
  reason: 'hours' | 'closure' | 'special';
  calendarName: string | null;
}

/**
 * The room's calendar: the ONE answer to "was the room open that day", used by the rota, the board,
 * the call-home list and the summary's "days open". A special opening wins over a closure, a closure
 * over the weekly hours (a weekday with no hours is closed).
 */
export function createCalendar(db: Db) {
  const repo = createRotaRepo(db);
  const settings = createSettingsRepo(db);

  function decide(day: Day, entries: readonly CalendarEntry[], hours: OpeningHours): OpenDay {
    const on = entries.filter((e) => e.from <= day && e.to >= day);
    const special = on.find((e) => e.kind === 'open');
    if (special) return { day, open: true, reason: 'special', calendarName: special.name };
    const closure = on.find((e) => e.kind === 'closed');
    if (closure) return { day, open: false, reason: 'closure', calendarName: closure.name };
    return { day, open: hours[dayjs(day).day()] !== null, reason: 'hours', calendarName: null };
  }

  /** Each day of [from, to], in order. */
  function days(from: Day, to: Day): OpenDay[] {
    const entries = repo.calendarIn(from, to);
    const hours = settings.read(SETTING.openingHours);
    const out: OpenDay[] = [];
    for (let d = dayjs(from); !d.isAfter(to, 'day'); d = d.add(1, 'day')) out.push(decide(d.format('YYYY-MM-DD'), entries, hours));
    return out;
  }

  return {
    days,
    day: (day: Day): OpenDay => days(day, day)[0]!,
    isOpen: (day: Day): boolean => days(day, day)[0]!.open,
    /**
     * The days of [from, to] a calendar closure (寒假, 国庆节) shuts, for filtering days with visits. A weekday
     * without hours is not among them: children who came on an unlisted Sunday show the room was open.
     */
    closedIn: (from: Day, to: Day): Set<Day> => new Set(days(from, to).filter((d) => d.reason === 'closure').map((d) => d.day)),
  };
}

export type Calendar = ReturnType<typeof createCalendar>;
