import dayjs from 'dayjs';
import { mondayOf, type Day } from '../../../shared/domain/dates.js';
import { eventCategoryKeys, type EventCategoryKey, type EventStats } from '../../../shared/domain/events.js';
import type { LibraryStats } from '../../../shared/domain/library.js';
import { childCategories, livesWithValues, type SummaryFigures } from '../../../shared/domain/summary.js';
import type { Db } from '../db/open.js';
import { createStatsRepo, type DayRange } from './stats.repo.js';
import { createCareStats } from './care.js';
import { createCalendar } from '../rota/calendar.js';

/** How many readers and titles the "top" lists show, on every screen and printout. */
export const TOP = 10;

export function dayRange(from: Day, to: Day): DayRange {
  return { from, to, fromMs: dayjs(from).valueOf(), toEnd: dayjs(to).endOf('day').valueOf() };
}

/** The calendar months of a range, as YYYY-MM. */
export function monthsOf(from: Day, to: Day): string[] {
  const out: string[] = [];
  for (let m = dayjs(from).startOf('month'); !m.isAfter(to, 'day'); m = m.add(1, 'month')) out.push(m.format('YYYY-MM'));
  return out;
}

const isEventKey = (key: string | null): key is EventCategoryKey => key !== null && (eventCategoryKeys as readonly string[]).includes(key);

export interface DayFigures {
  day: Day;
  visits: number;
  children: number;
}

/** The reading figures of a range (library.stats without the range). */
export type LibraryFigures = Omit<LibraryStats, 'from' | 'to'>;

/** The events figures of a range (events.stats without the range and its denominator). */
export type EventFigures = Omit<EventStats, 'from' | 'to' | 'activeChildren'> & Pick<SummaryFigures['events'], 'sessions' | 'list'>;

/**
 * Every figure of the house, each defined once here; the term summary, the library's, the events' and
 * the room's figures all read them, so a number is the same on every screen and printout. The words
 * the UI shows for each are in shared/domain/summary.ts (and the locales' summary.help.*).
 *
 * A child is "in school" at some time in a range when the record was created by the range's end and the
 * child had not left before its start: a child who joined mid-term counts from that day. Grade and who
 * is away are read from the records as they are now.
 */
export function createStats(db: Db) {
  const repo = createStatsRepo(db);
  const calendar = createCalendar(db);

  /** Children in school at some time in the range: the denominator of every share of "our children". */
  const inSchool = (from: Day, to: Day): number => repo.inSchool(dayRange(from, to));

  /**
   * Children: in school in the range (by grade, by who is away); records created in the range; children
   * marked as left with a leaving day in the range; and of those in school at `to`, the records with
   * every required field (建档率), as the records are now.
   */
  function children(from: Day, to: Day): SummaryFigures['children'] {
    const r = dayRange(from, to);
    const end = repo.atEnd(r);
    return {
      active: repo.inSchool(r),
      byGrade: repo.byGrade(r),
      byAway: repo.byAway(r),
      byCategory: childCategories.map((category) => ({ category, children: repo.byCategory(r).find((x) => x.category === category)?.children ?? 0 })),
      livesWith: livesWithValues.map((w) => ({ livesWith: w, children: repo.livesWith(r).find((x) => x.livesWith === w)?.children ?? 0 })),
      joined: repo.joined(r),
      left: repo.left(r),
      complete: end.complete,
      completeTotal: end.total,
    };
  }

  /**
   * The room, day by day: the visits of each day with at least one (a visit is one sign-in, however
   * long; one never signed out counts once, on its day), and the children who came that day; the days a
   * calendar closure shuts are left out, as in `room`.
   */
  function visitsByDay(from: Day, to: Day): DayFigures[] {
    const all = repo.visitsAndChildrenPerDay(dayRange(from, to));
    const closed = all.length === 0 ? new Set<string>() : calendar.closedIn(from, to);
    return closed.size === 0 ? all : all.filter((d) => !closed.has(d.day));
  }

  /**
   * The room over the range: days open (days with a visit, but not those a closure in the room's calendar
   * shuts: a test sign-in during 寒假 makes no open day, and its visits are not counted), visits, the children who came at least once,
   * visits per open day (one decimal), the busiest weekday (on a tie the earlier, Sunday first) and the
   * visits of each Monday-based week. Days and visits are those of `visitsByDay`.
   */
  function room(from: Day, to: Day): SummaryFigures['room'] {
    const r = dayRange(from, to);
    const all = repo.visitsPerDay(r);
    const closed = all.length === 0 ? new Set<string>() : calendar.closedIn(from, to);
    const days = all.filter((d) => !closed.has(d.day));
    const visits = days.reduce((n, d) => n + d.visits, 0);
    const byWeekday = new Map<number, number>();
    const byWeek = new Map<string, number>();
    for (const d of days) {
      const weekday = dayjs(d.day).day();
      byWeekday.set(weekday, (byWeekday.get(weekday) ?? 0) + d.visits);
      const monday = mondayOf(d.day);
      byWeek.set(monday, (byWeek.get(monday) ?? 0) + d.visits);
    }
    const busiest = [...byWeekday].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const busiestDay = days.reduce<{ day: string; visits: number } | null>((best, d) => (!best || d.visits > best.visits ? { day: d.day, visits: d.visits } : best), null);
    return {
      daysOpen: days.length,
      visits,
      distinctChildren: repo.visitors(r),
      perOpenDay: days.length === 0 ? 0 : Math.round((visits / days.length) * 10) / 10,
      busiestWeekday: busiest ? { weekday: busiest[0], visits: busiest[1] } : null,
      busiestDay,
      byWeek: [...byWeek].sort((a, b) => a[0].localeCompare(b[0])).map(([week, v]) => ({ week, visits: v })),
    };
  }

  /**
   * Family contact: calls, video calls and letters logged in the range (with anyone), month by month; and
   * for each calendar month (the part inside the range), the left-behind children in school that month
   * and those with at least one contact with a parent. A child with none in some month is "missed".
   */
  function contact(from: Day, to: Day): SummaryFigures['contact'] {
    const r = dayRange(from, to);
    const kids = repo.leftBehind(r);
    const touched = new Set(repo.parentMonths(r).map((x) => `${x.childId}/${x.month}`));
    const perKind = new Map<string, { voice: number; video: number; letters: number }>();
    for (const { day, kind, n } of repo.kindsByDay(r)) {
      const month = day.slice(0, 7);
      const m = perKind.get(month) ?? { voice: 0, video: 0, letters: 0 };
      m[kind === 'letter' ? 'letters' : kind] += n;
      perKind.set(month, m);
    }
    const missed = new Map<number, string[]>();
    const byMonth = monthsOf(from, to).map((month) => {
      const mStart = `${month}-01` < from ? from : `${month}-01`;
      const mEnd = Math.min(dayjs(`${month}-01`).endOf('month').valueOf(), r.toEnd);
      const inMonth = kids.filter((k) => k.createdAt <= mEnd && (k.leftDate === null || k.leftDate >= mStart));
      let contacted = 0;
      for (const k of inMonth) {
        if (touched.has(`${k.childId}/${month}`)) contacted++;
        else missed.set(k.childId, [...(missed.get(k.childId) ?? []), month]);
      }
      const kinds = perKind.get(month);
      return { month, children: inMonth.length, contacted, voice: kinds?.voice ?? 0, video: kinds?.video ?? 0, letters: kinds?.letters ?? 0 };
    });
    const total = byMonth.reduce((n, m) => ({ voice: n.voice + m.voice, video: n.video + m.video, letters: n.letters + m.letters }), { voice: 0, video: 0, letters: 0 });
    return {
      ...total,
      byMonth,
      missed: kids.filter((x) => missed.has(x.childId)).map((x) => ({ childId: x.childId, name: x.name, grade: x.grade, classNo: x.classNo, months: missed.get(x.childId)! })),
    };
  }

  /** Group birthdays held in the range, and the children they celebrated (one per child per party). */
  const birthdays = (from: Day, to: Day): SummaryFigures['birthdays'] => repo.parties(dayRange(from, to));

  /**
   * Reading: books lent in the range (by the day lent, renewals not counted again), the children who
   * borrowed and the titles lent; the top readers (most loans; on a tie by class, then name) and titles
   * (most loans; on a tie by title).
   */
  function library(from: Day, to: Day): LibraryFigures {
    const r = dayRange(from, to);
    const readers = repo.topReaders(r, TOP);
    const titles = repo.topTitles(r, TOP);
    return {
      loans: readers[0]?.total ?? 0,
      readers: readers[0]?.readers ?? 0,
      titles: titles[0]?.titles ?? 0,
      topReaders: readers.map(({ childId, name, grade, classNo, loans }) => ({ childId, name, grade, classNo, loans })),
      topTitles: titles.map(({ bookId, title, author, loans }) => ({ bookId, title, author, loans })),
    };
  }

  /** Copies out and past their due date at the end of `to`: lent by then, not back by then, due before it. */
  const overdueAtEnd = (to: Day): number => repo.overdueAtEnd(to);

  /**
   * Events: events held (their first session in the range), by category; confirmed sign-ups to events of
   * the range not cancelled; attendances (a child present at a session on a day of the range); and the
   * children present at one session at least.
   */
  function events(from: Day, to: Day): EventFigures {
    const r = dayRange(from, to);
    const a = repo.attendances(r);
    return {
      held: repo.held(r).map((h) => ({ ...h, key: isEventKey(h.key) ? h.key : null })),
      signups: repo.signups(r),
      attendances: a.attendances,
      takingPart: a.takingPart,
      sessions: repo.sessionsHeld(r),
      list: repo.heldList(r),
    };
  }

  /** The whole school's pupils in the term containing `from` (entered per term; the app holds only the room's children). */
  function school(from: Day): NonNullable<SummaryFigures['school']> {
    const term = repo.termOf(from);
    return { term: term?.name ?? null, pupils: term?.pupils ?? null };
  }

  return { school, termOf: repo.termOf, setPupils: repo.setPupils, inSchool, children, visitsByDay, room, contact, birthdays, library, overdueAtEnd, events, care: createCareStats(db) };
}

export type Stats = ReturnType<typeof createStats>;
