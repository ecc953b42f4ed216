import { z } from 'zod';
import { procedure } from './procedure.js';
import { day, id, language, requiredLine } from '../domain/fields.js';
import type { SummaryFigures, SummarySnapshot } from '../domain/summary.js';
import type { FileOut } from '../domain/roster.js';

const range = z.object({ from: day, to: day });

export const compute = procedure<SummaryFigures>()({ name: 'summary.compute', access: 'teacher', input: range });
/** Keeps the summary as printed: the figures are computed again by the core, the paragraph as edited. */
export const save = procedure<SummarySnapshot>()({
  name: 'summary.save',
  access: 'teacher',
  input: range.extend({
    title: requiredLine(60),
    language,
    paragraph: z.string().max(20_000, { error: 'validation:tooLong' }),
  }),
});
export const snapshots = procedure<Omit<SummarySnapshot, 'figures' | 'paragraph'>[]>()({ name: 'summary.snapshots', access: 'teacher', input: z.object({}) });
export const snapshot = procedure<SummarySnapshot>()({ name: 'summary.snapshot', access: 'teacher', input: z.object({ id }) });
export const exportSummary = procedure<FileOut>()({
  name: 'summary.export',
  access: 'teacher',
  input: z.object({ from: day.nullish(), to: day.nullish(), snapshotId: id.nullish() }),
});
