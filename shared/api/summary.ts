import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
import { day, id, language, requiredLine } from '../domain/fields.js';
import type { SummaryFigures, SummarySnapshot } from '../domain/summary.js';
import type { FileOut } from '../domain/roster.js';

const T = 'teacher' as const;
const range = z.object({ from: day, to: day });

export const summary = domain('summary', {
  compute: {
    access: T,
    input: range,
    output: typed<SummaryFigures>(),
    reads: ['children', 'visits', 'library', 'calls', 'birthdays', 'events', 'terms', 'settings'],
  },
  /** Keeps the summary as printed: the figures are computed again by the core, the paragraph as edited. */
  save: {
    access: T,
    input: range.extend({ title: requiredLine(60), language, paragraph: z.string().max(20_000, { error: 'validation:tooLong' }) }),
    output: typed<SummarySnapshot>(),
    changes: ['summary'],
  },
  snapshots: { access: T, input: z.object({}), output: typed<Omit<SummarySnapshot, 'figures' | 'paragraph'>[]>(), reads: ['summary'] },
  snapshot: { access: T, input: z.object({ id }), output: typed<SummarySnapshot>(), reads: ['summary'] },
  export: { access: T, input: z.object({ from: day.nullish(), to: day.nullish(), snapshotId: id.nullish() }), output: typed<FileOut>() },
});
