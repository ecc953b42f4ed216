import type { Day } from './dates.js';

/**
 * The term summary's figures. Each is defined once, here, in words the UI help repeats
 * (locales: summary.help.*), and computed once in electron/core/stats/stats.ts, which the library's,
 * the events' and the room's own figures read too.
 */
export interface SummaryFigures {
  from: Day;
  to: Day;
  children: {
    /** In the school at any time in the range: joined on or before `to`, not left before `from`. */
    active: number;
    byGrade: { grade: number; children: number }[];
    byAway: { awayParents: 'father' | 'mother' | 'both' | 'none'; children: number }[];
    /** Records created in the range / marked as left with a leaving date in the range. */
    joined: number;
    left: number;
    /** Of the children in school at `to`: records with every required field, as the records are now. */
    complete: number;
    completeTotal: number;
  };
  room: {
    /** Days with at least one visit. */
    daysOpen: number;
    visits: number;
    distinctChildren: number;
    /** visits / daysOpen */
    perOpenDay: number;
    /** Weekday (0 Sunday … 6 Saturday) with the most visits, and how many. */
    busiestWeekday: { weekday: number; visits: number } | null;
    /** Visits per week (Monday-based). */
    byWeek: { week: Day; visits: number }[];
  };
  contact: {
    voice: number;
    video: number;
    letters: number;
    /** Per calendar month of the range: left-behind children in school that month, and those with a contact with a parent. */
    byMonth: { month: string; children: number; contacted: number; voice: number; video: number; letters: number }[];
    /** Left-behind children with no contact with a parent in at least one month of the range. */
    missed: { childId: number; name: string; grade: number; classNo: number; months: string[] }[];
  };
  birthdays: { parties: number; celebrated: number };
  library: {
    loans: number;
    readers: number;
    topReaders: { childId: number; name: string; grade: number; classNo: number; loans: number }[];
    topTitles: { bookId: number; title: string; loans: number }[];
    /** Copies out and past their due date at the end of `to`. */
    overdueAtEnd: number;
  };
  events: {
    held: { key: string | null; name: string | null; events: number }[];
    signups: number;
    attendances: number;
    /** Children in school in the range who attended at least one event session. */
    takingPart: number;
  };
}

export interface SummarySnapshot {
  id: number;
  title: string;
  from: Day;
  to: Day;
  language: 'zh-CN' | 'en';
  figures: SummaryFigures;
  paragraph: string;
  createdAt: number;
  teacherName: string | null;
}
