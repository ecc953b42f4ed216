import { z } from 'zod';
import { classNo, count, dayText, grade, id, instant, language, monthText } from './fields.js';
import { awayParentsValues } from './normalize.js';
import { careFiguresSchema } from './care.js';
import { childCategories, childCategorySchema } from './family.js';

/** Whom a child lives with, by the first that applies: a parent, grandparents, other relatives, someone else, not recorded. */
export const livesWithValues = ['parent', 'grandparents', 'relatives', 'other', 'unknown'] as const;
export type LivesWith = (typeof livesWithValues)[number];
export { childCategories };

const reader = z.object({ childId: id, name: z.string(), grade, classNo, loans: count });

/**
 * The term summary's figures. Each is defined once, here, in words the UI help repeats
 * (locales: summary.help.*), and computed once in electron/core/stats/stats.ts, which the library's,
 * the events' and the room's own figures read too.
 */
export const summaryFiguresSchema = z.object({
  from: dayText,
  to: dayText,
  /** The whole school's pupils in the term containing `from`, as the principal entered it (null: not entered). */
  school: z.object({ term: z.string().nullable(), pupils: count.nullable() }).optional(),
  children: z.object({
    /** In the school at any time in the range: joined on or before `to`, not left before `from`. */
    active: count,
    byGrade: z.array(z.object({ grade, children: count })),
    byAway: z.array(z.object({ awayParents: z.enum(awayParentsValues), children: count })),
    /**
     * Every category (categoryOf, shared/domain/family.ts), zeros included; sums to `active`. Optional: summaries
     * saved before version 2 of the figures lack it (and the others marked so).
     */
    byCategory: z.array(z.object({ category: childCategorySchema, children: count })).optional(),
    /** Whom each child lives with; sums to `active`. */
    livesWith: z.array(z.object({ livesWith: z.enum(livesWithValues), children: count })).optional(),
    /** Records created in the range / marked as left with a leaving date in the range. */
    joined: count,
    left: count,
    /** Of the children in school at `to`: records with every required field, as the records are now. */
    complete: count,
    completeTotal: count,
  }),
  room: z.object({
    /** Days with at least one visit. */
    daysOpen: count,
    visits: count,
    distinctChildren: count,
    /** visits / daysOpen */
    perOpenDay: z.number().nonnegative(),
    /** Weekday (0 Sunday … 6 Saturday) with the most visits, and how many. */
    busiestWeekday: z.object({ weekday: z.number().int().min(0).max(6), visits: count }).nullable(),
    /** The single day with the most visits (on a tie the earliest), and how many. */
    busiestDay: z.object({ day: dayText, visits: count }).nullable().optional(),
    /** Visits per week (Monday-based). */
    byWeek: z.array(z.object({ week: dayText, visits: count })),
  }),
  contact: z.object({
    voice: count,
    video: count,
    letters: count,
    /** Per calendar month of the range: left-behind children in school that month, and those with a contact with a parent. */
    byMonth: z.array(
      z.object({ month: monthText, children: count, contacted: count, voice: count, video: count, letters: count }),
    ),
    /** Left-behind children with no contact with a parent in at least one month of the range. */
    missed: z.array(z.object({ childId: id, name: z.string(), grade, classNo, months: z.array(monthText) })),
  }),
  birthdays: z.object({ parties: count, celebrated: count }),
  library: z.object({
    loans: count,
    readers: count,
    topReaders: z.array(reader),
    topTitles: z.array(z.object({ bookId: id, title: z.string(), loans: count })),
    /** Copies out and past their due date at the end of `to`. */
    overdueAtEnd: count,
  }),
  events: z.object({
    held: z.array(z.object({ key: z.string().nullable(), name: z.string().nullable(), events: count })),
    signups: count,
    attendances: count,
    /** Children in school in the range who attended at least one event session. */
    takingPart: count,
    /** Sessions with someone present: attendances are counted per session, sign-ups once per child and event. */
    sessions: count.optional(),
    /** Each event held, by its first day, with its sessions and the children present at one at least. */
    list: z.array(z.object({ eventId: id, title: z.string(), day: dayText, sessions: count, participants: count })).optional(),
  }),
  /** The care work (关爱帮扶), counts only: electron/core/stats/care.ts. Absent in summaries kept before it. */
  care: careFiguresSchema.optional(),
});
export type SummaryFigures = z.infer<typeof summaryFiguresSchema>;

/** A kept summary as listed: without its figures and paragraph. */
export const summarySnapshotItemSchema = z.object({
  id,
  title: z.string(),
  from: dayText,
  to: dayText,
  language,
  createdAt: instant,
  teacherName: z.string().nullable(),
});
export type SummarySnapshotItem = z.infer<typeof summarySnapshotItemSchema>;

export const summarySnapshotSchema = summarySnapshotItemSchema.extend({
  figures: summaryFiguresSchema,
  paragraph: z.string(),
});
export type SummarySnapshot = z.infer<typeof summarySnapshotSchema>;
