import { z } from 'zod';
import { procedure } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import { eventInput, eventStatuses, type EventCategory, type EventDetail, type EventItem, type EventStats, type KioskEvent, type Signup, type SignupResult } from '../domain/events.js';
import type { FileOut } from '../domain/roster.js';

const T = 'teacher' as const;

export const categories = procedure<EventCategory[]>()({ name: 'events.categories', access: T, input: z.object({}) });
export const saveCategory = procedure<EventCategory[]>()({
  name: 'events.saveCategory',
  access: T,
  input: z.object({ id: id.nullish(), name: requiredLine(20) }),
});
export const removeCategory = procedure<EventCategory[]>()({ name: 'events.removeCategory', access: T, input: z.object({ id }) });
export const list = procedure<EventItem[]>()({
  name: 'events.list',
  access: T,
  input: z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') }),
});
export const get = procedure<EventDetail>()({ name: 'events.get', access: T, input: z.object({ id }) });
export const create = procedure<EventDetail>()({ name: 'events.create', access: T, input: eventInput });
export const update = procedure<EventDetail>()({ name: 'events.update', access: T, input: z.object({ id, event: eventInput }) });
export const setStatus = procedure<EventDetail>()({
  name: 'events.setStatus',
  access: T,
  input: z.object({ id, status: z.enum(eventStatuses) }),
});
/** A teacher signs a child up; with a reason, past the capacity (audited). */
export const signUp = procedure<SignupResult>()({
  name: 'events.signUp',
  access: T,
  input: z.object({ eventId: id, childId: id, overCapacityReason: requiredLine(100).nullish().transform((v) => v ?? null) }),
});
export const cancel = procedure<SignupResult>()({ name: 'events.cancel', access: T, input: z.object({ eventId: id, childId: id }) });
export const attendance = procedure<EventDetail>()({
  name: 'events.attendance',
  access: T,
  input: z.object({ sessionId: id, present: z.array(id).max(1000) }),
});
export const ofChild = procedure<(Signup & { title: string; startsAt: number; eventStatus: string; attended: number; sessions: number })[]>()({
  name: 'events.ofChild',
  access: T,
  input: z.object({ childId: id }),
});
export const stats = procedure<EventStats>()({ name: 'events.stats', access: T, input: z.object({ from: day, to: day }) });
export const printData = procedure<EventDetail>()({
  name: 'events.printData',
  access: T,
  input: z.object({ id, kind: z.enum(['signups', 'attendance']) }),
});
export const exportEvent = procedure<FileOut>()({ name: 'events.export', access: T, input: z.object({ id }) });

/** The kiosk: open events this child may join, with the places left; sign up or cancel. */
export const kioskEvents = procedure<KioskEvent[]>()({ name: 'kiosk.events', access: 'kiosk', input: z.object({ childId: id }) });
export const kioskSignUp = procedure<{ status: 'confirmed' | 'waitlist'; position: number | null }>()({
  name: 'kiosk.signUp',
  access: 'kiosk',
  input: z.object({ childId: id, eventId: id }),
});
export const kioskCancel = procedure<{ ok: true }>()({ name: 'kiosk.cancelSignUp', access: 'kiosk', input: z.object({ childId: id, eventId: id }) });
