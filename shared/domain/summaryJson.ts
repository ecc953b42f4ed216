import { z } from 'zod';
import { count, dayText, monthText } from './fields.js';
import { childCategories } from './family.js';
import { livesWithValues, type SummarySnapshot } from './summary.js';
import { categoriesOf } from './summaryText.js';

/**
 * A saved term summary as a machine-readable file, so that a county can collect every school's figures. Counts only:
 * no child's name leaves the school in it. The README ("The term summary as JSON") documents every field; a change
 * that breaks a reader raises `version`.
 */
export const SUMMARY_JSON_SCHEMA = 'childrens-home-desk/term-summary';
export const SUMMARY_JSON_VERSION = 1;

const byKey = <K extends readonly [string, ...string[]]>(keys: K) => z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K[number], typeof count>);

export const summaryJsonSchema = z.object({
  schema: z.literal(SUMMARY_JSON_SCHEMA),
  version: z.literal(SUMMARY_JSON_VERSION),
  schoolName: z.string(),
  roomName: z.string(),
  title: z.string(),
  from: dayText,
  to: dayText,
  savedAt: z.string(),
  /** The whole school's pupils that term, as the principal entered it; null when not entered. */
  pupilsInSchool: count.nullable(),
  children: z.object({
    served: count,
    byGrade: z.object({ '1': count, '2': count, '3': count, '4': count, '5': count, '6': count }),
    byCategory: byKey(childCategories),
    livesWith: byKey(livesWithValues).nullable(),
    joined: count,
    left: count,
    recordsComplete: count,
    recordsTotal: count,
  }),
  room: z.object({
    daysOpen: count,
    visits: count,
    childrenVisited: count,
    perOpenDay: z.number().nonnegative(),
    busiestWeekday: z.object({ weekday: z.number().int().min(0).max(6), visits: count }).nullable(),
    busiestDay: z.object({ day: dayText, visits: count }).nullable(),
  }),
  contact: z.object({
    voice: count,
    video: count,
    letters: count,
    byMonth: z.array(z.object({ month: monthText, children: count, contacted: count })),
    childrenMissingAMonth: count,
  }),
  birthdays: z.object({ parties: count, celebrated: count }),
  library: z.object({ loans: count, readers: count, overdueAtEnd: count, mostLoansByOneChild: count }),
  events: z.object({
    held: count,
    byKind: z.array(z.object({ kind: z.string(), events: count })),
    signups: count,
    attendances: count,
    sessions: count.nullable(),
    childrenTakingPart: count,
    list: z.array(z.object({ day: dayText, title: z.string(), sessions: count, participants: count })),
  }),
});
export type SummaryJson = z.infer<typeof summaryJsonSchema>;

/** The file for one saved summary. `kindName` names an event category as the school's screens do. */
export function toSummaryJson(s: SummarySnapshot, school: { school: string; room: string }, kindName: (key: string | null, name: string | null) => string): SummaryJson {
  const f = s.figures;
  const grade = (g: number) => f.children.byGrade.find((x) => x.grade === g)?.children ?? 0;
  const cats = categoriesOf(f);
  return {
    schema: SUMMARY_JSON_SCHEMA,
    version: SUMMARY_JSON_VERSION,
    schoolName: school.school,
    roomName: school.room,
    title: s.title,
    from: f.from,
    to: f.to,
    savedAt: new Date(s.createdAt).toISOString(),
    pupilsInSchool: f.school?.pupils ?? null,
    children: {
      served: f.children.active,
      byGrade: { '1': grade(1), '2': grade(2), '3': grade(3), '4': grade(4), '5': grade(5), '6': grade(6) },
      byCategory: Object.fromEntries(childCategories.map((c) => [c, cats.find((x) => x.category === c)?.children ?? 0])) as SummaryJson['children']['byCategory'],
      livesWith: f.children.livesWith
        ? (Object.fromEntries(livesWithValues.map((w) => [w, f.children.livesWith!.find((x) => x.livesWith === w)?.children ?? 0])) as NonNullable<SummaryJson['children']['livesWith']>)
        : null,
      joined: f.children.joined,
      left: f.children.left,
      recordsComplete: f.children.complete,
      recordsTotal: f.children.completeTotal,
    },
    room: {
      daysOpen: f.room.daysOpen,
      visits: f.room.visits,
      childrenVisited: f.room.distinctChildren,
      perOpenDay: f.room.perOpenDay,
      busiestWeekday: f.room.busiestWeekday,
      busiestDay: f.room.busiestDay ?? null,
    },
    contact: {
      voice: f.contact.voice,
      video: f.contact.video,
      letters: f.contact.letters,
      byMonth: f.contact.byMonth.map(({ month, children, contacted }) => ({ month, children, contacted })),
      childrenMissingAMonth: f.contact.missed.length,
    },
    birthdays: f.birthdays,
    library: { loans: f.library.loans, readers: f.library.readers, overdueAtEnd: f.library.overdueAtEnd, mostLoansByOneChild: f.library.topReaders[0]?.loans ?? 0 },
    events: {
      held: f.events.held.reduce((n, e) => n + e.events, 0),
      byKind: f.events.held.map((e) => ({ kind: kindName(e.key, e.name), events: e.events })),
      signups: f.events.signups,
      attendances: f.events.attendances,
      sessions: f.events.sessions ?? null,
      childrenTakingPart: f.events.takingPart,
      list: (f.events.list ?? []).map(({ day, title, sessions, participants }) => ({ day, title, sessions, participants })),
    },
  };
}
