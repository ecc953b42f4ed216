import { z } from 'zod';
import { classNo, count, grade, id } from './fields.js';
import { awayParentsValues } from './normalize.js';
import { birthText, genderSchema, missingFields } from './child.js';
import { childCategorySchema, parentSituationSchema } from './family.js';

/** One problem of one import row; `message` is a key of the `validation` namespace. */
export const rowProblemSchema = z.object({
  field: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  level: z.enum(['error', 'warning']),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

export const importRowSchema = z.object({
  /** The sheet and row number as Excel shows them. */
  sheet: z.string(),
  row: z.number().int().positive(),
  status: z.enum(['new', 'existing', 'error']),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: birthText.nullable(),
  grade: z.number().int().nullable(),
  classNo: z.number().int().nullable(),
  awayParents: z.enum(awayParentsValues).nullable(),
  /** The category `categoryOf` derives for the row (shared/domain/family.ts). */
  category: childCategorySchema.nullable(),
  guardian: z.string(),
  phones: z.array(z.string()),
  problems: z.array(rowProblemSchema),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** What the preview of any spreadsheet import says of the file's layout. */
export const fileLayoutSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number().int().positive(),
  /** Each recognised column: the header as written and the field it fills. */
  columns: z.array(z.object({ header: z.string(), field: z.string() })),
  ignoredColumns: z.array(z.string()),
  skipped: z.object({ hidden: count, totals: count, empty: count }),
});

export const importPreviewSchema = fileLayoutSchema.extend({
  rows: z.array(importRowSchema),
  counts: z.object({ new: count, existing: count, error: count, warning: count }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({ created: count, existing: count, errors: count });
export type ImportResult = z.infer<typeof importResultSchema>;

export const fileOutSchema = z.object({
  fileName: z.string().min(1),
  /** base64 */
  data: z.base64(),
});
export type FileOut = z.infer<typeof fileOutSchema>;

const phones = z.array(z.string());
const parentCard = z.object({ name: z.string(), phones, workPlace: z.string() }).nullable();

export const printCardSchema = z.object({
  id,
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: birthText.nullable(),
  grade,
  classNo,
  awayParents: z.enum(awayParentsValues),
  fatherSituation: parentSituationSchema,
  motherSituation: parentSituationSchema,
  category: childCategorySchema,
  pupilNo: z.string(),
  cardCode: z.string(),
  guardian: z.object({ name: z.string(), relation: z.string().nullable(), phones }).nullable(),
  father: parentCard,
  mother: parentCard,
  address: z.string(),
  mentorName: z.string().nullable(),
});
export type PrintCard = z.infer<typeof printCardSchema>;

const rate = z.number().min(0).max(1);

export const completenessSchema = z.object({
  total: count,
  complete: count,
  rate,
  byGrade: z.array(z.object({ grade, total: count, complete: count, rate })),
  /** How many active records lack each field. */
  byField: z.partialRecord(z.enum(missingFields), count),
});
export type Completeness = z.infer<typeof completenessSchema>;

export const classCountSchema = z.object({ grade, classNo, children: count });
export type ClassCount = z.infer<typeof classCountSchema>;
