import { z } from 'zod';
import { checked, classNo, count, day, dayText, grade, id, optionalLine, optionalNote, personName, requiredLine, text } from './fields.js';
import { normalizePhones } from './normalize.js';

/*
 * The care work (关爱帮扶): mentors and pairings, talks, home visits, guardians, close attention, support.
 * Inputs are parsed by the core with these schemas; answers are plain checks (no transforms).
 */

export * from './careKinds.js';
import { personKinds, pairingRoles, talkTopics, visitMet, visitHow, guardianHow, meetingKinds, attentionReasons, noteKinds, supportKinds, supportSources, dueKinds } from './careKinds.js';

/** The child a record is about, as every list shows it. */
const ofChild = { childId: id, childName: z.string(), grade, classNo };

// ------------------------------------------------------------------ rules (Settings)

const perPeriod = z
  .number({ error: 'validation:number' })
  .int({ error: 'validation:number' })
  .min(0, { error: 'validation:tooSmall' })
  .max(10, { error: 'validation:tooBig' });

/** The targets the due lists and the figures measure against (0: no target). */
export const careRules = z.object({
  /** Talks with each left-behind child by the class teacher or a mentor, per calendar month. */
  talksPerMonth: perPeriod,
  /** Talks by each 爱心妈妈 with her child, per week (Monday to Sunday). */
  caringMotherPerWeek: perPeriod,
  /** Home visits to each left-behind child's family per term. */
  visitsPerTerm: perPeriod,
  /** Contacts with each left-behind child's temporary guardian per calendar month. */
  guardianPerMonth: perPeriod,
});
export type CareRules = z.output<typeof careRules>;
export const DEFAULT_CARE_RULES: CareRules = { talksPerMonth: 1, caringMotherPerWeek: 1, visitsPerTerm: 1, guardianPerMonth: 1 };

// ------------------------------------------------------------------ people and pairings

export const personInput = z.object({
  id: id.nullish().transform((v) => v ?? null),
  name: personName(30),
  phone: text()
    .nullish()
    .transform((p) => p ?? '')
    .transform(checked(normalizePhones))
    .refine((p) => p.length <= 1, { error: 'validation:tooMany', params: { max: 1 } })
    .transform((p) => p[0] ?? ''),
  kind: z.enum(personKinds, { error: 'validation:required' }),
  note: optionalLine(100),
  active: z.boolean().default(true),
});
export type PersonInput = z.input<typeof personInput>;

export const personSchema = z.object({
  id,
  name: z.string(),
  phone: z.string(),
  kind: z.enum(personKinds),
  note: z.string(),
  active: z.boolean(),
  /** Children paired with this person now. */
  children: count,
});
export type Person = z.infer<typeof personSchema>;

export const pairInput = z.object({
  childId: id,
  role: z.enum(pairingRoles, { error: 'validation:required' }),
  /** Exactly one, as the role says: a teacher, a person or another child. */
  teacherId: id.nullish().transform((v) => v ?? null),
  personId: id.nullish().transform((v) => v ?? null),
  peerId: id.nullish().transform((v) => v ?? null),
  fromDay: day,
});
export type PairInput = z.input<typeof pairInput>;

export const pairingSchema = z.object({
  id,
  ...ofChild,
  role: z.enum(pairingRoles),
  teacherId: id.nullable(),
  personId: id.nullable(),
  peerId: id.nullable(),
  /** The mentor's name: the teacher's, the person's or the other child's. */
  mentorName: z.string(),
  mentorPhone: z.string(),
  fromDay: dayText,
  toDay: dayText.nullable(),
  endReason: z.string(),
});
export type Pairing = z.infer<typeof pairingSchema>;

// ------------------------------------------------------------------ talks

export const talkInput = z.object({
  childId: id,
  day,
  /** Who talked: a teacher (the mentor or another) or a person (an 爱心妈妈); neither: the signed-in teacher. */
  teacherId: id.nullish().transform((v) => v ?? null),
  personId: id.nullish().transform((v) => v ?? null),
  topics: z.array(z.enum(talkTopics, { error: 'validation:invalid' })).min(1, { error: 'validation:required' }).max(talkTopics.length),
  summary: optionalNote(500),
  followUp: optionalLine(200),
  followUpBy: day.nullish().transform((v) => v ?? null),
});
export type TalkInput = z.input<typeof talkInput>;

export const talkSchema = z.object({
  id,
  ...ofChild,
  day: dayText,
  teacherId: id.nullable(),
  personId: id.nullable(),
  byName: z.string(),
  topics: z.array(z.enum(talkTopics)),
  summary: z.string(),
  followUp: z.string(),
  followUpBy: dayText.nullable(),
  followUpDone: dayText.nullable(),
});
export type Talk = z.infer<typeof talkSchema>;

// ------------------------------------------------------------------ home visits

export const homeVisitInput = z.object({
  childId: id,
  day,
  teacherIds: z.array(id).min(1, { error: 'validation:required' }).max(6),
  met: z.enum(visitMet, { error: 'validation:required' }),
  how: z.enum(visitHow, { error: 'validation:required' }),
  found: optionalNote(1000),
  agreed: optionalNote(1000),
});
export type HomeVisitInput = z.input<typeof homeVisitInput>;

export const homeVisitSchema = z.object({
  id,
  ...ofChild,
  day: dayText,
  teacherNames: z.array(z.string()),
  met: z.enum(visitMet),
  how: z.enum(visitHow),
  found: z.string(),
  agreed: z.string(),
});
export type HomeVisit = z.infer<typeof homeVisitSchema>;

// ------------------------------------------------------------------ guardians

export const guardianContactInput = z.object({
  childId: id,
  day,
  how: z.enum(guardianHow, { error: 'validation:required' }),
  note: optionalLine(200),
});
export const guardianContactSchema = z.object({
  id,
  ...ofChild,
  day: dayText,
  how: z.enum(guardianHow),
  note: z.string(),
});
export type GuardianContact = z.infer<typeof guardianContactSchema>;

export const meetingInput = z.object({
  day,
  kind: z.enum(meetingKinds, { error: 'validation:required' }),
  title: requiredLine(60),
  /** The families who came, by child (siblings: one of them). */
  childIds: z.array(id).max(2000),
});
export const meetingSchema = z.object({
  id,
  day: dayText,
  kind: z.enum(meetingKinds),
  title: z.string(),
  families: count,
  childIds: z.array(id),
});
export type Meeting = z.infer<typeof meetingSchema>;

// ------------------------------------------------------------------ close attention

export const attentionInput = z.object({
  childId: id,
  reasons: z.array(z.enum(attentionReasons, { error: 'validation:invalid' })).min(1, { error: 'validation:required' }).max(attentionReasons.length),
  detail: optionalNote(500),
  fromDay: day,
});
export const planInput = z.object({
  attentionId: id,
  goals: optionalNote(1000).refine((v) => v.length > 0, { error: 'validation:required' }),
  measures: optionalNote(1000).refine((v) => v.length > 0, { error: 'validation:required' }),
  people: optionalLine(100),
  reviewOn: day,
});
export const noteInput = z.object({
  attentionId: id,
  kind: z.enum(noteKinds, { error: 'validation:required' }),
  day,
  body: optionalNote(4000).refine((v) => v.length > 0, { error: 'validation:required' }),
});

export const planSchema = z.object({
  id,
  goals: z.string(),
  measures: z.string(),
  people: z.string(),
  reviewOn: dayText,
  reviewedOn: dayText.nullable(),
  reviewNote: z.string(),
  writerName: z.string().nullable(),
});
export type Plan = z.infer<typeof planSchema>;
export const noteSchema = z.object({
  id,
  kind: z.enum(noteKinds),
  day: dayText,
  body: z.string(),
  writerName: z.string().nullable(),
});
export type AttentionNote = z.infer<typeof noteSchema>;

/** A child under close attention as any teacher may see it: that they are, since when, no reasons. */
export const attentionItemSchema = z.object({
  id,
  ...ofChild,
  fromDay: dayText,
  toDay: dayText.nullable(),
  /** The next review of the current plan, if any (what is due; the plan itself is not shown). */
  reviewOn: dayText.nullable(),
  /** The signed-in teacher may open the record (writer, current mentor, admin). */
  canRead: z.boolean(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** The whole record: only for the writer, the child's current mentors and admins; every read is audited. */
export const attentionRecordSchema = attentionItemSchema.extend({
  reasons: z.array(z.enum(attentionReasons)),
  detail: z.string(),
  writerName: z.string().nullable(),
  plans: z.array(planSchema),
  notes: z.array(noteSchema),
});
export type AttentionRecord = z.infer<typeof attentionRecordSchema>;

// ------------------------------------------------------------------ support

export const supportInput = z.object({
  childId: id,
  day,
  kind: z.enum(supportKinds, { error: 'validation:required' }),
  /** Yuan, up to two decimals; 0 for things. */
  amountYuan: z.number({ error: 'validation:number' }).min(0, { error: 'validation:tooSmall' }).max(1_000_000, { error: 'validation:tooBig' }).default(0),
  items: optionalLine(100),
  source: z.enum(supportSources, { error: 'validation:required' }),
  sourceName: optionalLine(50),
});
export const supportSchema = z.object({
  id,
  ...ofChild,
  day: dayText,
  kind: z.enum(supportKinds),
  amountFen: count,
  items: z.string(),
  source: z.enum(supportSources),
  sourceName: z.string(),
});
export type Support = z.infer<typeof supportSchema>;

/** One child on the 三个优先 list: left-behind children first, then who has had least. */
export const priorityChildSchema = z.object({
  childId: id,
  name: z.string(),
  grade,
  classNo,
  leftBehind: z.boolean(),
  /** Support received in the last twelve months (fen), and the last day. */
  receivedFen: count,
  lastDay: dayText.nullable(),
});
export type PriorityChild = z.infer<typeof priorityChildSchema>;

// ------------------------------------------------------------------ what is due

export const dueItemSchema = z.object({
  kind: z.enum(dueKinds),
  childId: id,
  name: z.string(),
  grade,
  classNo,
  /** By when (the end of the month, week or term, or the day set). */
  by: dayText,
  /** Done so far in the period, and the target. */
  done: count,
  target: count,
  /** The talk with the follow-up, or the plan to review. */
  refId: id.nullable(),
  note: z.string(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

/** A child of 我的结对儿童: the pairing, when they last talked and were visited, and what is due. */
export const myChildSchema = z.object({
  pairing: pairingSchema,
  lastTalk: dayText.nullable(),
  lastVisit: dayText.nullable(),
  underAttention: z.boolean(),
  due: z.array(dueItemSchema),
});
export type MyChild = z.infer<typeof myChildSchema>;

// ------------------------------------------------------------------ figures

/** The care figures of a range (electron/core/stats/care.ts defines each; the summary shows them). */
export const careFiguresSchema = z.object({
  /** Left-behind children in school in the range; of them, those with a mentor at some time in it. */
  leftBehind: count,
  paired: count,
  talks: z.object({
    talks: count,
    /** Distinct children talked with. */
    children: count,
    /** (child, month) pairs of left-behind children in school that month, and those that met the monthly target. */
    childMonths: count,
    metTarget: count,
  }),
  visits: z.object({ visits: count, families: count }),
  guardians: z.object({ contacts: count, meetings: count, families: count }),
  attention: z.object({ children: count, plansDue: count, reviewedOnTime: count }),
  support: z.object({ records: count, children: count, totalFen: count }),
});
export type CareFigures = z.infer<typeof careFiguresSchema>;

export const yuan = (fen: number): string => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);
