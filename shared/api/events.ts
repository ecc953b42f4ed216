import { z } from 'zod';
import { domain } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import {
  childSignupSchema,
  eventCategorySchema,
  eventDetailSchema,
  eventInput,
  eventItemSchema,
  eventStatsSchema,
  eventStatuses,
  signupResultSchema,
} from '../domain/events.js';
import { fileOutSchema } from '../domain/roster.js';

const T = 'teacher' as const;
const reads = ['events', 'children'] as const;
const changes = ['events'] as const;
const categoryList = z.array(eventCategorySchema);
const detail = eventDetailSchema;
const signupResult = signupResultSchema;

export const events = domain('events', {
  categories: { access: T, input: z.object({}), output: categoryList, reads },
  saveCategory: { access: T, input: z.object({ id: id.nullish(), name: requiredLine(20) }), output: categoryList, changes },
  removeCategory: { access: T, input: z.object({ id }), output: categoryList, changes },
  list: { access: T, input: z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') }), output: z.array(eventItemSchema), reads },
  get: { access: T, input: z.object({ id }), output: detail, reads },
  create: { access: T, input: eventInput, output: detail, changes },
  update: { access: T, input: z.object({ id, event: eventInput }), output: detail, changes },
  setStatus: { access: T, input: z.object({ id, status: z.enum(eventStatuses) }), output: detail, changes },
  /** A teacher signs a child up; with a reason, past the capacity (audited). */
  signUp: {
    access: T,
    input: z.object({ eventId: id, childId: id, overCapacityReason: requiredLine(100).nullish().transform((v) => v ?? null) }),
    output: signupResult,
    changes,
  },
  cancel: { access: T, input: z.object({ eventId: id, childId: id }), output: signupResult, changes },
  attendance: { access: T, input: z.object({ sessionId: id, present: z.array(id).max(1000) }), output: detail, changes },
  ofChild: {
    access: T,
    input: z.object({ childId: id }),
    output: z.array(childSignupSchema),
    reads,
  },
  stats: { access: T, input: z.object({ from: day, to: day }), output: eventStatsSchema, reads },
  printData: { access: T, input: z.object({ id, kind: z.enum(['signups', 'attendance']) }), output: detail, reads },
  export: { access: T, input: z.object({ id }), output: fileOutSchema },
});
