import { z } from 'zod';
import { domain, ok } from './procedure.js';
import { day, dayText, id, requiredLine } from '../domain/fields.js';
import {
  attentionInput,
  attentionItemSchema,
  attentionRecordSchema,
  careFiguresSchema,
  careRules,
  dueItemSchema,
  guardianContactInput,
  guardianContactSchema,
  homeVisitInput,
  homeVisitSchema,
  meetingInput,
  meetingSchema,
  myChildSchema,
  noteInput,
  pairInput,
  pairingSchema,
  personInput,
  personSchema,
  planInput,
  priorityChildSchema,
  priorityPurposes,
  supportInput,
  supportSchema,
  talkInput,
  talkSchema,
} from '../domain/care.js';
import { fileOutSchema } from '../domain/roster.js';

const T = 'teacher' as const;
const reads = ['care', 'children', 'teachers'] as const;
const changes = ['care'] as const;
const range = z.object({ from: day, to: day });

export const care = domain('care', {
  // People and pairings
  people: { access: T, input: z.object({}), output: z.array(personSchema), reads },
  savePerson: { access: T, input: personInput, output: personSchema, changes },
  pair: { access: T, input: pairInput, output: pairingSchema, changes },
  /** Ends a pairing (the history keeps it). */
  unpair: { access: T, input: z.object({ id, toDay: day, reason: requiredLine(100) }), output: pairingSchema, changes },
  /** Current pairings (all: with the ended ones). */
  pairings: { access: T, input: z.object({ all: z.boolean().default(false) }), output: z.array(pairingSchema), reads },
  ofChild: {
    access: T,
    input: z.object({ childId: id }),
    output: z.object({ pairings: z.array(pairingSchema), talks: z.array(talkSchema), visits: z.array(homeVisitSchema), support: z.array(supportSchema) }),
    reads,
  },
  /** 我的结对儿童: the signed-in teacher's children (or another teacher's, for an admin), with what is due. */
  mine: { access: T, input: z.object({ teacherId: id.nullish() }), output: z.array(myChildSchema), reads },
  /** 结对帮扶名单 as .xlsx. */
  exportPairings: { access: T, input: z.object({}), output: fileOutSchema },

  // Talks
  logTalk: { access: T, input: talkInput, output: talkSchema, changes },
  followUpDone: { access: T, input: z.object({ id, day }), output: talkSchema, changes },
  talks: { access: T, input: range, output: z.array(talkSchema), reads },

  // Home visits
  logVisit: { access: T, input: homeVisitInput, output: homeVisitSchema, changes },
  visits: { access: T, input: range, output: z.array(homeVisitSchema), reads },

  // Guardians
  logGuardian: { access: T, input: guardianContactInput, output: guardianContactSchema, changes },
  guardianContacts: { access: T, input: range, output: z.array(guardianContactSchema), reads },
  saveMeeting: { access: T, input: meetingInput, output: meetingSchema, changes },
  meetings: { access: T, input: range, output: z.array(meetingSchema), reads },

  // Close attention
  mark: { access: T, input: attentionInput, output: attentionItemSchema, changes },
  unmark: { access: T, input: z.object({ id, toDay: day }), output: ok, changes },
  attentionList: { access: T, input: z.object({}), output: z.array(attentionItemSchema), reads },
  /** The record with plans and notes: writer, current mentors and admins only; the read is audited. */
  attention: { access: T, input: z.object({ id }), output: attentionRecordSchema, reads },
  savePlan: { access: T, input: planInput, output: ok, changes },
  reviewPlan: { access: T, input: z.object({ id, day, note: requiredLine(500) }), output: ok, changes },
  addNote: { access: T, input: noteInput, output: ok, changes },

  // Support
  logSupport: { access: T, input: supportInput, output: supportSchema, changes },
  support: { access: T, input: range, output: z.array(supportSchema), reads },
  /** 三个优先: active children of the grades chosen, left-behind first, then who has received least. */
  priority: {
    access: T,
    input: z.object({ purpose: z.enum(priorityPurposes), grades: z.array(z.number().int().min(1).max(6)).max(6).default([]) }),
    output: z.array(priorityChildSchema),
    reads,
  },

  // What is due, figures, rules
  due: { access: T, input: z.object({ mine: z.boolean().default(true) }), output: z.object({ weekEnd: dayText, items: z.array(dueItemSchema) }), reads },
  figures: { access: T, input: range, output: careFiguresSchema, reads },
  rules: { access: T, input: z.object({}), output: careRules, reads },
  setRules: { access: 'admin', input: z.object({ rules: careRules }), output: careRules, changes },
});
