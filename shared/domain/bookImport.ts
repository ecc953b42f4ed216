import { z } from 'zod';
import { count } from './fields.js';
import { fileLayoutSchema, rowProblemSchema } from './roster.js';

/** One row of a book list as the preview shows it. */
export const bookImportRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  /** new: a new title and its copies; copies: new copies of a title the room has; existing: nothing to add. */
  status: z.enum(['new', 'copies', 'existing', 'error']),
  isbn: z.string().nullable(),
  title: z.string(),
  author: z.string(),
  category: z.string(),
  /** Copies this row adds: its accession number, or how many to number automatically. */
  barcode: z.string().nullable(),
  count,
  problems: z.array(rowProblemSchema),
});
export type BookImportRow = z.infer<typeof bookImportRowSchema>;

export const bookImportPreviewSchema = fileLayoutSchema.extend({
  rows: z.array(bookImportRowSchema),
  counts: z.object({ titles: count, copies: count, existing: count, error: count }),
});
export type BookImportPreview = z.infer<typeof bookImportPreviewSchema>;
