import { z } from 'zod';
import { classNo, count, dayText, grade, id, instant, optionalLine, optionalNote, requiredLine } from './fields.js';

export const eventCategoryKeys = ['sports', 'contest', 'outing', 'health', 'talk', 'club', 'other'] as const;
export type EventCategoryKey = (typeof eventCategoryKeys)[number];
export const eventStatuses = ['planned', 'cancelled', 'held'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const signupStatuses = ['confirmed', 'waitlist', 'cancelled'] as const;
export type SignupStatus = (typeof signupStatuses)[number];

const instantIn = z.number({ error: 'validation:required' }).int().positive();

export const eventInput = z
  .object({
    title: requiredLine(50),
    categoryId: id.nullish().transform((v) => v ?? null),
    description: optionalNote(1000),
    place: optionalLine(50),
    startsAt: instantIn,
    endsAt: instantIn,
    /** Null: as many as come. */
    capacity: z
      .number({ error: 'validation:number' })
      .int({ error: 'validation:number' })
      .min(1, { error: 'validation:capacity' })
      .max(1000, { error: 'validation:tooBig' })
      .nullish()
      .transform((v) => v ?? null),
    grades: z
      .array(z.number().int().min(1).max(6))
      .min(1, { error: 'validation:gradesNone' })
      .transform((g) => [...new Set(g)].sort((a, b) => a - b)),
    opensAt: instantIn.nullish().transform((v) => v ?? null),
    closesAt: instantIn.nullish().transform((v) => v ?? null),
    leftBehindFirst: z.boolean().default(true),
    /** A weekly interest group meets this many weeks; a one-off event once. */
    weeks: z.number({ error: 'validation:number' }).int().min(1, { error: 'validation:tooSmall' }).max(40, { error: 'validation:tooBig' }).default(1),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation:endTimeBeforeStart' });
    if (e.closesAt !== null && e.closesAt > e.startsAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'validation:closesAfterStart' });
    if (e.opensAt !== null && e.closesAt !== null && e.opensAt >= e.closesAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'validation:closesBeforeOpens' });
  });
export type EventInput = z.input<typeof eventInput>;
export type EventFields = z.output<typeof eventInput>;

export const eventCategorySchema = z.object({ id, key: z.enum(eventCategoryKeys).nullable(), name: z.string() });
export type EventCategory = z.infer<typeof eventCategorySchema>;

export const eventSessionSchema = z.object({
  id,
  startsAt: instant,
  endsAt: instant,
  day: dayText,
  /** Present / marked (null: attendance not taken yet). */
  present: count.nullable(),
});
export type EventSession = z.infer<typeof eventSessionSchema>;

export const eventItemSchema = z.object({
  id,
  title: z.string(),
  categoryId: id.nullable(),
  description: z.string(),
  place: z.string(),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().positive().nullable(),
  grades: z.array(grade),
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
  leftBehindFirst: z.boolean(),
  status: z.enum(eventStatuses),
  sessions: count,
  /** The end of the last session (a weekly group runs until then). */
  lastEndsAt: instant,
  confirmed: count,
  waitlist: count,
});
export type EventItem = z.infer<typeof eventItemSchema>;

export const signupSchema = z.object({
  id,
  eventId: id,
  childId: id,
  name: z.string(),
  grade,
  classNo,
  leftBehind: z.boolean(),
  status: z.enum(signupStatuses),
  priority: z.boolean(),
  overCapacityReason: z.string().nullable(),
  signedBy: z.enum(['kiosk', 'teacher']),
  createdAt: instant,
  promotedAt: instant.nullable(),
  /** 1-based place on the waitlist. */
  position: z.number().int().positive().nullable(),
});
export type Signup = z.infer<typeof signupSchema>;

export const eventDetailSchema = z.object({
  event: eventItemSchema,
  sessions: z.array(eventSessionSchema),
  signups: z.array(signupSchema),
  /** Per session id: child ids marked present. */
  attendance: z.record(z.string().regex(/^\d+$/), z.array(id)),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

/** What the kiosk shows of an event: nothing about other children but how many places are left. */
export const kioskEventSchema = z.object({
  id,
  title: z.string(),
  categoryKey: z.enum(eventCategoryKeys).nullable(),
  categoryName: z.string().nullable(),
  startsAt: instant,
  endsAt: instant,
  place: z.string(),
  sessions: count,
  placesLeft: count.nullable(),
  mine: z.enum(['confirmed', 'waitlist']).nullable(),
  position: z.number().int().positive().nullable(),
});
export type KioskEvent = z.infer<typeof kioskEventSchema>;

export const signupResultSchema = z.object({
  signup: signupSchema,
  /** Who moved up from the waitlist when this sign-up was cancelled. */
  promoted: signupSchema.nullable(),
});
export type SignupResult = z.infer<typeof signupResultSchema>;

/** A child's sign-ups, with what the child's page shows of each event. */
export const childSignupSchema = signupSchema.extend({
  title: z.string(),
  startsAt: instant,
  eventStatus: z.enum(eventStatuses),
  attended: count,
  sessions: count,
});
export type ChildSignup = z.infer<typeof childSignupSchema>;

export const eventStatsSchema = z.object({
  from: dayText,
  to: dayText,
  held: z.array(z.object({ categoryId: id.nullable(), key: z.enum(eventCategoryKeys).nullable(), name: z.string().nullable(), events: count })),
  signups: count,
  attendances: count,
  activeChildren: count,
  takingPart: count,
});
export type EventStats = z.infer<typeof eventStatsSchema>;
