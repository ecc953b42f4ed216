import { z } from 'zod';
import { domain } from './procedure.js';
import { day, id, language, requiredLine, text } from '../domain/fields.js';
import { summaryFiguresSchema, summarySnapshotItemSchema, summarySnapshotSchema } from '../domain/summary.js';
import { fileOutSchema } from '../domain/roster.js';

const T = 'teacher' as const;
const range = z.object({ from: day, to: day });

export const summary = domain('summary', {
  compute: {
    access: T,
    input: range,
    output: summaryFiguresSchema,
    reads: ['children', 'visits', 'library', 'calls', 'birthdays', 'events', 'terms', 'settings'],
  },
  /** Keeps the summary as printed: the figures are computed again by the core, the paragraph as edited. */
  save: {
    access: T,
    input: range.extend({ title: requiredLine(60), language, paragraph: text().max(20_000, { error: 'validation:tooLong' }) }),
    output: summarySnapshotSchema,
    changes: ['summary'],
  },
  snapshots: { access: T, input: z.object({}), output: z.array(summarySnapshotItemSchema), reads: ['summary'] },
  snapshot: { access: T, input: z.object({ id }), output: summarySnapshotSchema, reads: ['summary'] },
  export: { access: T, input: z.object({ from: day.nullish(), to: day.nullish(), snapshotId: id.nullish() }), output: fileOutSchema },
  /** The whole school's pupils in the term containing `from` (admin): the left-behind share needs them. */
  setPupils: {
    access: 'admin',
    input: z.object({ from: day, pupils: z.number({ error: 'validation:number' }).int({ error: 'validation:number' }).min(0, { error: 'validation:tooSmall' }).max(20000, { error: 'validation:tooBig' }).nullable() }),
    output: z.object({ term: z.string(), pupils: z.number().int().nullable() }),
    changes: ['terms'],
  },
  /** A saved summary as JSON (shared/domain/summaryJson.ts, documented in the README): counts only, for the county. */
  exportJson: { access: T, input: z.object({ snapshotId: id }), output: fileOutSchema },
});
