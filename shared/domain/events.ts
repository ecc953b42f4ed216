import { z } from 'zod';
import { id, optionalLine, requiredLine } from './fields.js';
import { charLength, cleanNote } from './text.js';
import type { Day } from './dates.js';

export const eventCategoryKeys = ['sports', 'contest', 'outing', 'health', 'talk', 'club', 'other'] as const;
export type EventCategoryKey = (typeof eventCategoryKeys)[number];
export const eventStatuses = ['planned', 'cancelled', 'held'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export type SignupStatus = 'confirmed' | 'waitlist' | 'cancelled';

const instant = z.number({ error: 'validation:required' }).int().positive();

export const eventInput = z
  .object({
    title: requiredLine(50),
    categoryId: id.nullish().transform((v) => v ?? null),
    description: z
      .string()
      .nullish()
      .transform((s) => cleanNote(s ?? ''))
      .refine((s) => charLength(s) <= 1000, { error: 'validation:tooLong', params: { max: 1000 } }),
    place: optionalLine(50),
    startsAt: instant,
    endsAt: instant,
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
    opensAt: instant.nullish().transform((v) => v ?? null),
    closesAt: instant.nullish().transform((v) => v ?? null),
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

export interface EventCategory {
  id: number;
  key: EventCategoryKey | null;
  name: string;
}

export interface EventSession {
  id: number;
  startsAt: number;
  endsAt: number;
  day: Day;
  /** Present / marked (null: attendance not taken yet). */
  present: number | null;
}

export interface EventItem {
  id: number;
  title: string;
  categoryId: number | null;
  description: string;
  place: string;
  startsAt: number;
  endsAt: number;
  capacity: number | null;
  grades: number[];
  opensAt: number | null;
  closesAt: number | null;
  leftBehindFirst: boolean;
  status: EventStatus;
  sessions: number;
  /** The end of the last session (a weekly group runs until then). */
  lastEndsAt: number;
  confirmed: number;
  waitlist: number;
}

export interface Signup {
  id: number;
  eventId: number;
  childId: number;
  name: string;
  grade: number;
  classNo: number;
  leftBehind: boolean;
  status: SignupStatus;
  priority: boolean;
  overCapacityReason: string | null;
  signedBy: 'kiosk' | 'teacher';
  createdAt: number;
  promotedAt: number | null;
  /** 1-based place on the waitlist. */
  position: number | null;
}

export interface EventDetail {
  event: EventItem;
  sessions: EventSession[];
  signups: Signup[];
  /** Per session id: child ids marked present. */
  attendance: Record<number, number[]>;
}

/** What the kiosk shows of an event: nothing about other children but how many places are left. */
export interface KioskEvent {
  id: number;
  title: string;
  categoryKey: EventCategoryKey | null;
  categoryName: string | null;
  startsAt: number;
  endsAt: number;
  place: string;
  sessions: number;
  placesLeft: number | null;
  mine: 'confirmed' | 'waitlist' | null;
  position: number | null;
}

export interface SignupResult {
  signup: Signup;
  /** Who moved up from the waitlist when this sign-up was cancelled. */
  promoted: Signup | null;
}

export interface EventStats {
  from: Day;
  to: Day;
  held: { categoryId: number | null; key: EventCategoryKey | null; name: string | null; events: number }[];
  signups: number;
  attendances: number;
  activeChildren: number;
  takingPart: number;
}
