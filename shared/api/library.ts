import { z } from 'zod';
import { domain } from './procedure.js';
import { count, day, id, requiredLine, text } from '../domain/fields.js';
import {
  barcodeField,
  bookInput,
  copiesInput,
  copyStatuses,
  isbnField,
  libraryRules,
  bookDetailSchema,
  bookListItemSchema,
  titleItemSchema,
  borrowerSchema,
  categorySchema,
  copyLabelSchema,
  copySchema,
  libraryStatsSchema,
  loanSchema,
  scanResultSchema,
} from '../domain/library.js';
import { fileOutSchema, importResultSchema } from '../domain/roster.js';
import { bookImportPreviewSchema } from '../domain/bookImport.js';

const T = 'teacher' as const;
/** Loans and borrowers show children's names and classes. */
const reads = ['library', 'children'] as const;
const changes = ['library'] as const;

const loanFilter = z.object({
  status: z.enum(['open', 'overdue']).default('open'),
  grade: z.number().int().min(1).max(6).nullish().transform((v) => v ?? null),
  classNo: z.number().int().min(1).max(30).nullish().transform((v) => v ?? null),
});
const fileIn = z.object({ fileName: text().max(255), data: text().max(28_000_000) });
const categoryList = z.array(categorySchema);
const newCopyIds = z.array(id);
const withNewCopies = z.object({ detail: bookDetailSchema, newCopyIds });
const loans = z.array(loanSchema);

export const library = domain('library', {
  categories: { access: T, input: z.object({}), output: categoryList, reads },
  saveCategory: { access: T, input: z.object({ id: id.nullish(), name: requiredLine(20) }), output: categoryList, changes },
  removeCategory: { access: T, input: z.object({ id }), output: categoryList, changes },
  books: {
    access: T,
    input: z.object({
      q: text().max(50).default(''),
      categoryId: id.nullish().transform((v) => v ?? null),
      limit: z.number().int().min(1).max(10000).default(500),
    }),
    output: z.array(bookListItemSchema),
    reads,
  },
  /** Every title of a category (or all), with search keys: the desk filters it as the teacher types. */
  titles: {
    access: T,
    input: z.object({ categoryId: id.nullish().transform((v) => v ?? null) }),
    output: z.array(titleItemSchema),
    reads,
  },
  book: { access: T, input: z.object({ id }), output: bookDetailSchema, reads },
  /** Intake: a scanned or typed ISBN, checked, and the title it belongs to if the room has it. */
  isbn: { access: T, input: z.object({ isbn: isbnField }), output: z.object({ isbn: z.string().nullable(), book: bookListItemSchema.nullable() }), reads },
  createBook: { access: T, input: z.object({ book: bookInput, copies: copiesInput }), output: withNewCopies, changes },
  updateBook: { access: T, input: z.object({ id, book: bookInput }), output: bookDetailSchema, changes },
  addCopies: { access: T, input: z.object({ bookId: id, copies: copiesInput }), output: withNewCopies, changes },
  /** Marks a copy lost, damaged, withdrawn or available again, with a reason (audited). */
  setCopyStatus: {
    access: T,
    input: z.object({ copyId: id, status: z.enum(copyStatuses, { error: 'validation:invalid' }), reason: requiredLine(100) }),
    output: copySchema,
    changes,
  },
  labels: { access: T, input: z.object({ copyIds: z.array(id).min(1).max(10000) }), output: z.array(copyLabelSchema), reads },
  /** The lending desk's one input: a contact card, a copy's barcode, or an ISBN. */
  scan: { access: T, input: z.object({ code: text().max(100) }), output: scanResultSchema, reads },
  borrower: { access: T, input: z.object({ childId: id }), output: borrowerSchema, reads },
  lend: {
    access: T,
    input: z.object({
      childId: id,
      barcode: barcodeField,
      /** Lends despite an overdue book; the reason is audited. */
      overrideReason: requiredLine(100).nullish().transform((v) => v ?? null),
      /** Lends although the child already has a copy of this title (the desk asked the teacher). */
      sameTitleOk: z.boolean().default(false),
    }),
    output: z.object({ loan: loanSchema, borrower: borrowerSchema }),
    changes,
  },
  return: { access: T, input: z.object({ barcode: barcodeField }), output: z.object({ loan: loanSchema }), changes },
  renew: { access: T, input: z.object({ loanId: id }), output: loanSchema, changes },
  loans: { access: T, input: loanFilter, output: loans, reads },
  /** The overdue list for printing slips by class; printing names is audited like an export. */
  printOverdue: { access: T, input: loanFilter, output: loans, reads },
  childHistory: { access: T, input: z.object({ childId: id }), output: loans, reads },
  stats: { access: T, input: z.object({ from: day, to: day }), output: libraryStatsSchema, reads },
  rules: { access: T, input: z.object({}), output: libraryRules, reads },
  setRules: { access: 'admin', input: z.object({ rules: libraryRules }), output: libraryRules, changes },
  importPreview: { access: T, input: fileIn, output: bookImportPreviewSchema },
  importCommit: {
    access: T,
    input: z.object({ importId: text().max(64) }),
    output: importResultSchema.extend({ copies: count, newCopyIds }),
    changes,
  },
  importTemplate: { access: T, input: z.object({}), output: fileOutSchema },
  export: { access: T, input: z.object({}), output: fileOutSchema },
});
