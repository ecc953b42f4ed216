import { z } from 'zod';
import { checked, classNo, count, dayText, grade, id, optionalLine, requiredLine, text } from './fields.js';
import { normalizeIsbn } from './isbn.js';

/** The categories a new reading room starts with (editable); built-in ones are translated by key. */
export const categoryKeys = ['picture', 'fairy', 'science', 'literature', 'history', 'comics', 'study', 'other'] as const;
export type CategoryKey = (typeof categoryKeys)[number];

/** A copy's own condition; "on loan" is not stored but read from its open loan. */
export const copyStatuses = ['available', 'lost', 'damaged', 'withdrawn'] as const;
export type CopyStatus = (typeof copyStatuses)[number];
export type CopyState = CopyStatus | 'onLoan';

export const copySources = ['bought', 'donated'] as const;
export type CopySource = (typeof copySources)[number];

export const isbnField = text().nullish().transform(checked((s: string | null | undefined) => normalizeIsbn(s)));

export const bookInput = z.object({
  isbn: isbnField,
  title: requiredLine(100),
  author: optionalLine(100),
  publisher: optionalLine(100),
  year: z
    .number({ error: 'validation:number' })
    .int({ error: 'validation:number' })
    .min(1900, { error: 'validation:year' })
    .max(2100, { error: 'validation:year' })
    .nullish()
    .transform((v) => v ?? null),
  categoryId: id.nullish().transform((v) => v ?? null),
});
export type BookInput = z.input<typeof bookInput>;
export type BookFields = z.output<typeof bookInput>;

/** A whole number in a range; the messages get min/max from zod's issue. */
const int = (min: number, max: number) =>
  z
    .number({ error: 'validation:number' })
    .int({ error: 'validation:number' })
    .min(min, { error: 'validation:tooSmall' })
    .max(max, { error: 'validation:tooBig' });

export const copiesInput = z.object({
  count: int(1, 200),
  source: z.enum(copySources, { error: 'validation:invalid' }).default('bought'),
  donor: optionalLine(50),
});
export type CopiesInput = z.input<typeof copiesInput>;

/** A barcode as a scanner types it: full-width folded, no spaces, upper case. */
export function cleanCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** An accession number written on a copy (and printed as its barcode): letters, digits and `-`. */
export const barcodeField = text({ error: 'validation:required' })
  .transform(cleanCode)
  .refine((s) => s.length > 0, { error: 'validation:required' })
  .refine((s) => /^[A-Z0-9-]{1,20}$/.test(s), { error: 'validation:barcode' });

export const libraryRules = z.object({
  loanDays: int(1, 120),
  maxLoans: int(1, 20),
  maxRenewals: int(0, 10),
});
export type LibraryRules = z.output<typeof libraryRules>;
export const DEFAULT_RULES: LibraryRules = { loanDays: 14, maxLoans: 2, maxRenewals: 1 };

export const categorySchema = z.object({
  id,
  /** Set for the built-in categories (translated in the UI); null for the room's own. */
  key: z.enum(categoryKeys).nullable(),
  name: z.string(),
  books: count,
});
export type Category = z.infer<typeof categorySchema>;

export const bookListItemSchema = z.object({
  id,
  isbn: z.string().nullable(),
  title: z.string(),
  author: z.string(),
  publisher: z.string(),
  year: z.number().int().nullable(),
  categoryId: id.nullable(),
  copies: count,
  available: count,
  onLoan: count,
});
export type BookListItem = z.infer<typeof bookListItemSchema>;

/** A catalogue row as the desk's list holds it: searched in the page (shared/domain/match.ts). */
export const titleItemSchema = bookListItemSchema.extend({
  searchFull: z.string(),
  searchInitials: z.string(),
  barcodes: z.array(z.string()),
});
export type TitleItem = z.infer<typeof titleItemSchema>;

export const loanSchema = z.object({
  id,
  copyId: id,
  barcode: z.string(),
  bookId: id,
  title: z.string(),
  childId: id,
  childName: z.string(),
  grade,
  classNo,
  lentOn: dayText,
  dueOn: dayText,
  renewals: count,
  returnedOn: dayText.nullable(),
  outcome: z.enum(['returned', 'lost']).nullable(),
  overrideReason: z.string().nullable(),
  /** Days past the due date today (0 when not overdue or returned). */
  daysOverdue: count,
});
export type Loan = z.infer<typeof loanSchema>;

export const copyLoanInfoSchema = loanSchema
  .pick({ childId: true, childName: true, grade: true, classNo: true, lentOn: true, dueOn: true })
  .extend({ loanId: id });
export type CopyLoanInfo = z.infer<typeof copyLoanInfoSchema>;

export const copySchema = z.object({
  id,
  bookId: id,
  barcode: z.string(),
  status: z.enum(copyStatuses),
  state: z.enum([...copyStatuses, 'onLoan']),
  source: z.enum(copySources),
  donor: z.string(),
  addedOn: dayText,
  note: z.string(),
  loan: copyLoanInfoSchema.nullable(),
});
export type Copy = z.infer<typeof copySchema>;

export const bookDetailSchema = z.object({
  book: bookListItemSchema,
  copies: z.array(copySchema),
  /** Most recent first. */
  history: z.array(loanSchema),
});
export type BookDetail = z.infer<typeof bookDetailSchema>;

/** A child at the lending desk: open loans, and whether they may borrow now. */
export const borrowerSchema = z.object({
  id,
  name: z.string(),
  grade,
  classNo,
  active: z.boolean(),
  loans: z.array(loanSchema),
  overdue: count,
  maxLoans: count,
});
export type Borrower = z.infer<typeof borrowerSchema>;

export const scanResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('child'), borrower: borrowerSchema }),
  z.object({ kind: z.literal('copy'), copy: copySchema, title: z.string() }),
  z.object({ kind: z.literal('isbn'), isbn: z.string(), book: bookListItemSchema.nullable() }),
]);
export type ScanResult = z.infer<typeof scanResultSchema>;

export const libraryStatsSchema = z.object({
  from: dayText,
  to: dayText,
  loans: count,
  readers: count,
  titles: count,
  topReaders: z.array(z.object({ childId: id, name: z.string(), grade, classNo, loans: count })),
  topTitles: z.array(z.object({ bookId: id, title: z.string(), author: z.string(), loans: count })),
});
export type LibraryStats = z.infer<typeof libraryStatsSchema>;

export const copyLabelSchema = z.object({ copyId: id, barcode: z.string(), title: z.string() });
export type CopyLabel = z.infer<typeof copyLabelSchema>;
