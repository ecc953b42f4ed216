import { z } from 'zod';
import { procedure } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import {
  barcodeField,
  bookInput,
  copiesInput,
  copyStatuses,
  isbnField,
  libraryRules,
  type BookDetail,
  type BookListItem,
  type Borrower,
  type Category,
  type Copy,
  type CopyLabel,
  type LibraryRules,
  type LibraryStats,
  type Loan,
  type ScanResult,
} from '../domain/library.js';
import type { FileOut, ImportResult } from '../domain/roster.js';
import type { BookImportPreview } from '../domain/bookImport.js';

const T = 'teacher' as const;

export const categories = procedure<Category[]>()({ name: 'library.categories', access: T, input: z.object({}) });
export const saveCategory = procedure<Category[]>()({
  name: 'library.saveCategory',
  access: T,
  input: z.object({ id: id.nullish(), name: requiredLine(20) }),
});
export const removeCategory = procedure<Category[]>()({ name: 'library.removeCategory', access: T, input: z.object({ id }) });

export const books = procedure<BookListItem[]>()({
  name: 'library.books',
  access: T,
  input: z.object({
    q: z.string().max(50).default(''),
    categoryId: id.nullish().transform((v) => v ?? null),
    limit: z.number().int().min(1).max(10000).default(500),
  }),
});
export const book = procedure<BookDetail>()({ name: 'library.book', access: T, input: z.object({ id }) });
/** Intake: a scanned or typed ISBN, checked, and the title it belongs to if the room has it. */
export const isbn = procedure<{ isbn: string | null; book: BookListItem | null }>()({
  name: 'library.isbn',
  access: T,
  input: z.object({ isbn: isbnField }),
});
export const createBook = procedure<{ detail: BookDetail; newCopyIds: number[] }>()({
  name: 'library.createBook',
  access: T,
  input: z.object({ book: bookInput, copies: copiesInput }),
});
export const updateBook = procedure<BookDetail>()({
  name: 'library.updateBook',
  access: T,
  input: z.object({ id, book: bookInput }),
});
export const addCopies = procedure<{ detail: BookDetail; newCopyIds: number[] }>()({
  name: 'library.addCopies',
  access: T,
  input: z.object({ bookId: id, copies: copiesInput }),
});
/** Marks a copy lost, damaged, withdrawn or available again, with a reason (audited). */
export const setCopyStatus = procedure<Copy>()({
  name: 'library.setCopyStatus',
  access: T,
  input: z.object({ copyId: id, status: z.enum(copyStatuses, { error: 'validation:invalid' }), reason: requiredLine(100) }),
});
export const labels = procedure<CopyLabel[]>()({
  name: 'library.labels',
  access: T,
  input: z.object({ copyIds: z.array(id).min(1).max(10000) }),
});

/** The lending desk's one input: a contact card, a copy's barcode, or an ISBN. */
export const scan = procedure<ScanResult>()({ name: 'library.scan', access: T, input: z.object({ code: z.string().max(100) }) });
export const borrower = procedure<Borrower>()({ name: 'library.borrower', access: T, input: z.object({ childId: id }) });
export const lend = procedure<{ loan: Loan; borrower: Borrower }>()({
  name: 'library.lend',
  access: T,
  input: z.object({
    childId: id,
    barcode: barcodeField,
    /** Lends despite an overdue book; the reason is audited. */
    overrideReason: requiredLine(100).nullish().transform((v) => v ?? null),
  }),
});
export const giveBack = procedure<{ loan: Loan }>()({ name: 'library.return', access: T, input: z.object({ barcode: barcodeField }) });
export const renew = procedure<Loan>()({ name: 'library.renew', access: T, input: z.object({ loanId: id }) });

const loanFilter = z.object({
  status: z.enum(['open', 'overdue']).default('open'),
  grade: z.number().int().min(1).max(6).nullish().transform((v) => v ?? null),
  classNo: z.number().int().min(1).max(30).nullish().transform((v) => v ?? null),
});
export const loans = procedure<Loan[]>()({ name: 'library.loans', access: T, input: loanFilter });
/** The overdue list for printing slips by class; printing names is audited like an export. */
export const printOverdue = procedure<Loan[]>()({ name: 'library.printOverdue', access: T, input: loanFilter });
export const childHistory = procedure<Loan[]>()({ name: 'library.childHistory', access: T, input: z.object({ childId: id }) });
export const stats = procedure<LibraryStats>()({ name: 'library.stats', access: T, input: z.object({ from: day, to: day }) });

export const rules = procedure<LibraryRules>()({ name: 'library.rules', access: T, input: z.object({}) });
export const setRules = procedure<LibraryRules>()({ name: 'library.setRules', access: 'admin', input: z.object({ rules: libraryRules }) });

const fileIn = z.object({ fileName: z.string().max(255), data: z.string().max(28_000_000) });
export const importPreview = procedure<BookImportPreview>()({ name: 'library.importPreview', access: T, input: fileIn });
export const importCommit = procedure<ImportResult & { copies: number; newCopyIds: number[] }>()({
  name: 'library.importCommit',
  access: T,
  input: z.object({ importId: z.string().max(64) }),
});
export const importTemplate = procedure<FileOut>()({ name: 'library.importTemplate', access: T, input: z.object({}) });
export const exportCatalogue = procedure<FileOut>()({ name: 'library.export', access: T, input: z.object({}) });
