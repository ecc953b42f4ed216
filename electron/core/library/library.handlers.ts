import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import type { BookImportPreview } from '../../../shared/domain/bookImport.js';
import type { Db } from '../db/open.js';
import type { HandlerTable } from '../context.js';
import type { LibraryService } from './library.service.js';
import { prepareBookImport, writeBookImport, type PreparedBookRow } from './booklist/import.js';
import { writeBookTemplate, writeCatalogue } from './booklist/export.js';
import { createPreviewStore, layoutOf } from '../xlsx/previews.js';
import type { Stats } from '../stats/stats.js';

export function libraryHandlers(
  db: Db,
  library: LibraryService,
  stats: Stats,
): HandlerTable<
  | 'library.categories'
  | 'library.saveCategory'
  | 'library.removeCategory'
  | 'library.books'
  | 'library.titles'
  | 'library.book'
  | 'library.isbn'
  | 'library.createBook'
  | 'library.updateBook'
  | 'library.addCopies'
  | 'library.setCopyStatus'
  | 'library.labels'
  | 'library.scan'
  | 'library.borrower'
  | 'library.lend'
  | 'library.return'
  | 'library.renew'
  | 'library.loans'
  | 'library.printOverdue'
  | 'library.childHistory'
  | 'library.stats'
  | 'library.rules'
  | 'library.setRules'
  | 'library.importPreview'
  | 'library.importCommit'
  | 'library.importTemplate'
  | 'library.export'
> {
  const repo = library.repo;
  const previews = createPreviewStore<PreparedBookRow>();
  const today = (now: number) => dayOf(now);

  return {
    'library.categories': () => library.categories(),
    'library.saveCategory': ({ id, name }, ctx) => library.saveCategory(id, name, ctx),
    'library.removeCategory': ({ id }, ctx) => library.removeCategory(id, ctx),
    'library.books': (f) => library.books(f),
    'library.titles': ({ categoryId }) => library.titles(categoryId),
    'library.book': ({ id }, ctx) => library.detail(id, today(ctx.now)),
    'library.isbn': ({ isbn }) => ({ isbn, book: isbn === null ? null : (repo.bookByIsbn(isbn) ?? null) }),
    'library.createBook': ({ book, copies }, ctx) => library.createBook(book, copies, ctx),
    'library.updateBook': ({ id, book }, ctx) => library.updateBook(id, book, ctx),
    'library.addCopies': ({ bookId, copies }, ctx) => library.addCopies(bookId, copies, ctx),
    'library.setCopyStatus': ({ copyId, status, reason }, ctx) => library.setCopyStatus(copyId, status, reason, ctx),
    'library.labels': ({ copyIds }) => repo.labels(copyIds),

    'library.scan': ({ code }, ctx) => library.scan(code, today(ctx.now)),
    'library.borrower': ({ childId }, ctx) => library.borrower(childId, today(ctx.now)),
    'library.lend': ({ childId, barcode, overrideReason, sameTitleOk }, ctx) => library.lend(childId, barcode, overrideReason, ctx, sameTitleOk),
    'library.return': ({ barcode }, ctx) => library.giveBack(barcode, ctx),
    'library.renew': ({ loanId }, ctx) => library.renew(loanId, ctx),
    'library.loans': (f, ctx) => repo.openLoans({ ...f, overdue: f.status === 'overdue' }, today(ctx.now)),
    'library.printOverdue': (f, ctx) => {
      const rows = repo.openLoans({ ...f, overdue: f.status === 'overdue' }, today(ctx.now));
      ctx.audit({ action: 'library.printOverdue', entity: 'loan', detail: { rows: rows.length, grade: f.grade, classNo: f.classNo } });
      return rows;
    },
    'library.childHistory': ({ childId }, ctx) => repo.historyOf(childId, today(ctx.now)),
    'library.stats': ({ from, to }) => ({ from, to, ...stats.library(from, to) }),
    'library.rules': () => library.rules(),
    'library.setRules': ({ rules }, ctx) => library.setRules(rules, ctx),

    'library.importPreview': async ({ fileName, data }, ctx) => {
      const { headers, rows, skipped } = await prepareBookImport(Buffer.from(data, 'base64'), {
        categories: library.categories(),
        bookByIsbn: (isbn) => repo.bookByIsbn(isbn)?.id,
        bookByTitle: (title, author) => repo.bookByTitle(title, author)?.id,
        barcodeTaken: (b) => repo.barcodeTaken(b),
        barcodeOwner: (b) => repo.barcodeOwner(b),
      });
      if (rows.length === 0) throw new AppError('import.noRows');
      const importId = previews.keep(fileName, rows, ctx);
      const preview: BookImportPreview = {
        importId,
        fileName,
        ...layoutOf(headers),
        rows: rows.map((r) => r.row),
        counts: {
          titles: rows.filter((r) => r.row.status === 'new' && r.firstOfTitle).length,
          copies: rows.filter((r) => r.row.status === 'new' || r.row.status === 'copies').reduce((n, r) => n + r.row.count, 0),
          existing: rows.filter((r) => r.row.status === 'existing').length,
          error: rows.filter((r) => r.row.status === 'error').length,
        },
        skipped,
      };
      return preview;
    },
    'library.importCommit': ({ importId }, ctx) => {
      return previews.commit(importId, ctx, (p) => writeBookImport(db, library, p, ctx));
    },
    'library.importTemplate': async (_input, ctx) => {
      ctx.audit({ action: 'library.template', entity: 'book' });
      return { fileName: '图书清单模板.xlsx', data: (await writeBookTemplate()).toString('base64') };
    },
    'library.export': async (_input, ctx) => {
      const rows = repo.catalogue();
      ctx.audit({ action: 'library.export', entity: 'book', detail: { rows: rows.length } });
      return { fileName: `图书清单-${dayOf(ctx.now)}.xlsx`, data: (await writeCatalogue(rows)).toString('base64') };
    },
  };
}
