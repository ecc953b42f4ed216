import { z } from 'zod';
import { checked, id, optionalLine, requiredLine } from './fields.js';
import { normalizeIsbn } from './isbn.js';
import type { Day } from './dates.js';

/** The categories a new reading room starts with (editable); built-in ones are translated by key. */
export const categoryKeys = ['picture', 'fairy', 'science', 'literature', 'history', 'comics', 'study', 'other'] as const;
export type CategoryKey = (typeof categoryKeys)[number];

/** A copy's own condition; "on loan" is not stored but read from its open loan. */
export const copyStatuses = ['available', 'lost', 'damaged', 'withdrawn'] as const;
export type CopyStatus = (typeof copyStatuses)[number];
export type CopyState = CopyStatus | 'onLoan';

export const copySources = ['bought', 'donated'] as const;
export type CopySource = (typeof copySources)[number];

export const isbnField = z.string().nullish().transform(checked((s: string | null | undefined) => normalizeIsbn(s)));

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
export const barcodeField = z
  .string({ error: 'validation:required' })
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

export interface Category {
  id: number;
  /** Set for the built-in categories (translated in the UI); null for the room's own. */
  key: CategoryKey | null;
  name: string;
  books: number;
}

export interface BookListItem {
  id: number;
  isbn: string | null;
  title: string;
  author: string;
  publisher: string;
  year: number | null;
  categoryId: number | null;
  copies: number;
  available: number;
  onLoan: number;
}

export interface CopyLoanInfo {
  loanId: number;
  childId: number;
  childName: string;
  grade: number;
  classNo: number;
  lentOn: Day;
  dueOn: Day;
}

export interface Copy {
  id: number;
  bookId: number;
  barcode: string;
  status: CopyStatus;
  state: CopyState;
  source: CopySource;
  donor: string;
  addedOn: Day;
  note: string;
  loan: CopyLoanInfo | null;
}

export interface Loan {
  id: number;
  copyId: number;
  barcode: string;
  bookId: number;
  title: string;
  childId: number;
  childName: string;
  grade: number;
  classNo: number;
  lentOn: Day;
  dueOn: Day;
  renewals: number;
  returnedOn: Day | null;
  outcome: 'returned' | 'lost' | null;
  overrideReason: string | null;
  /** Days past the due date today (0 when not overdue or returned). */
  daysOverdue: number;
}

export interface BookDetail {
  book: BookListItem;
  copies: Copy[];
  /** Most recent first. */
  history: Loan[];
}

/** A child at the lending desk: open loans, and whether they may borrow now. */
export interface Borrower {
  id: number;
  name: string;
  grade: number;
  classNo: number;
  active: boolean;
  loans: Loan[];
  overdue: number;
  maxLoans: number;
}

export type ScanResult =
  | { kind: 'child'; borrower: Borrower }
  | { kind: 'copy'; copy: Copy; title: string }
  | { kind: 'isbn'; isbn: string; book: BookListItem | null };

export interface LibraryStats {
  from: Day;
  to: Day;
  loans: number;
  readers: number;
  titles: number;
  topReaders: { childId: number; name: string; grade: number; classNo: number; loans: number }[];
  topTitles: { bookId: number; title: string; author: string; loans: number }[];
}

export interface CopyLabel {
  copyId: number;
  barcode: string;
  title: string;
}
