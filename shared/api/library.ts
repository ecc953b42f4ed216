import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
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
/** Loans and borrowers show children's names and classes. */
const reads = ['library', 'children'] as const;
const changes = ['library'] as const;

const loanFilter = z.object({
  status: z.enum(['open', 'overdue']).default('open'),
  grade: z.number().int().min(1).max(6).nullish().transform((v) => v ?? null),
  classNo: z.number().int().min(1).max(30).nullish().transform((v) => v ?? null),
});
const fileIn = z.object({ fileName: z.string().max(255), data: z.string().max(28_000_000) });
const categoryList = typed<Category[]>();
const withNewCopies = typed<{ detail: BookDetail; newCopyIds: number[] }>();
const loans = typed<Loan[]>();

export const library = domain('library', {
  categories: { access: T, input: z.object({}), output: categoryList, reads },
  saveCategory: { access: T, input: z.object({ id: id.nullish(), name: requiredLine(20) }), output: categoryList, changes },
  removeCategory: { access: T, input: z.object({ id }), output: categoryList, changes },
  books: {
    access: T,
    input: z.object({
      q: z.string().max(50).default(''),
      categoryId: id.nullish().transform((v) => v ?? null),
      limit: z.number().int().min(1).max(10000).default(500),
    }),
    output: typed<BookListItem[]>(),
    reads,
  },
  book: { access: T, input: z.object({ id }), output: typed<BookDetail>(), reads },
  /** Intake: a scanned or typed ISBN, checked, and the title it belongs to if the room has it. */
  isbn: { access: T, input: z.object({ isbn: isbnField }), output: typed<{ isbn: string | null; book: BookListItem | null }>(), reads },
  createBook: { access: T, input: z.object({ book: bookInput, copies: copiesInput }), output: withNewCopies, changes },
  updateBook: { access: T, input: z.object({ id, book: bookInput }), output: typed<BookDetail>(), changes },
  addCopies: { access: T, input: z.object({ bookId: id, copies: copiesInput }), output: withNewCopies, changes },
  /** Marks a copy lost, damaged, withdrawn or available again, with a reason (audited). */
  setCopyStatus: {
    access: T,
    input: z.object({ copyId: id, status: z.enum(copyStatuses, { error: 'validation:invalid' }), reason: requiredLine(100) }),
    output: typed<Copy>(),
    changes,
  },
  labels: { access: T, input: z.object({ copyIds: z.array(id).min(1).max(10000) }), output: typed<CopyLabel[]>(), reads },
  /** The lending desk's one input: a contact card, a copy's barcode, or an ISBN. */
  scan: { access: T, input: z.object({ code: z.string().max(100) }), output: typed<ScanResult>(), reads },
  borrower: { access: T, input: z.object({ childId: id }), output: typed<Borrower>(), reads },
  lend: {
    access: T,
    input: z.object({
      childId: id,
      barcode: barcodeField,
      /** Lends despite an overdue book; the reason is audited. */
      overrideReason: requiredLine(100).nullish().transform((v) => v ?? null),
    }),
    output: typed<{ loan: Loan; borrower: Borrower }>(),
    changes,
  },
  return: { access: T, input: z.object({ barcode: barcodeField }), output: typed<{ loan: Loan }>(), changes },
  renew: { access: T, input: z.object({ loanId: id }), output: typed<Loan>(), changes },
  loans: { access: T, input: loanFilter, output: loans, reads },
  /** The overdue list for printing slips by class; printing names is audited like an export. */
  printOverdue: { access: T, input: loanFilter, output: loans, reads },
  childHistory: { access: T, input: z.object({ childId: id }), output: loans, reads },
  stats: { access: T, input: z.object({ from: day, to: day }), output: typed<LibraryStats>(), reads },
  rules: { access: T, input: z.object({}), output: typed<LibraryRules>(), reads },
  setRules: { access: 'admin', input: z.object({ rules: libraryRules }), output: typed<LibraryRules>(), changes },
  importPreview: { access: T, input: fileIn, output: typed<BookImportPreview>() },
  importCommit: {
    access: T,
    input: z.object({ importId: z.string().max(64) }),
    output: typed<ImportResult & { copies: number; newCopyIds: number[] }>(),
    changes,
  },
  importTemplate: { access: T, input: z.object({}), output: typed<FileOut>() },
  export: { access: T, input: z.object({}), output: typed<FileOut>() },
});
