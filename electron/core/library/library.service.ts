import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import { searchKeys } from '../../../shared/domain/search.js';
import { bookQuery } from '../../../shared/domain/match.js';
import { looksLikeIsbn, normalizeIsbn } from '../../../shared/domain/isbn.js';
import {
  categoryKeys,
  cleanCode,
  type BookDetail,
  type BookFields,
  type Borrower,
  type Category,
  type CategoryKey,
  type Copy,
  type CopySource,
  type CopyStatus,
  type LibraryRules,
  type Loan,
  type ScanResult,
} from '../../../shared/domain/library.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createLibraryRepo, type BookRow } from './library.repo.js';
import type { ChildrenRepo } from '../children/children.repo.js';
import { createCategoriesService, type CategoryKind } from '../categories/categories.service.js';
import type { CategoryRow } from '../categories/categories.repo.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { changeSetting } from '../settings/settings.service.js';

const UNAVAILABLE = { lost: 'library.copyLost', damaged: 'library.copyDamaged', withdrawn: 'library.copyWithdrawn' } as const;
const BOOK_CATEGORIES: CategoryKind<CategoryKey> = {
  domain: 'library',
  entity: 'category',
  table: 'book_categories',
  usedBy: 'books',
  keys: categoryKeys,
};
const toCategory = ({ used, ...c }: CategoryRow<CategoryKey>): Category => ({ ...c, books: used });

/** `children`: the children's repo, the one reader of that table (for borrowers and card scans). */
export function createLibraryService(db: Db, children: ChildrenRepo) {
  const repo = createLibraryRepo(db);
  const settings = createSettingsRepo(db);
  const categories = createCategoriesService(db, BOOK_CATEGORIES);

  const rules = (): LibraryRules => settings.read(SETTING.libraryRules);

  function row(f: BookFields): BookRow {
    const keys = searchKeys(f.title, 'title');
    return { ...f, searchFull: keys.full, searchInitials: keys.initials };
  }

  function mustBook(id: number) {
    const b = repo.book(id);
    if (!b) throw new AppError('library.bookNotFound');
    return b;
  }

  function detail(id: number, today: string): BookDetail {
    return { book: mustBook(id), copies: repo.copiesOf(id), history: repo.historyOfBook(id, today) };
  }

  function checkCategory(categoryId: number | null): void {
    if (categoryId !== null && !categories.exists(categoryId)) throw new AppError('library.categoryNotFound');
  }

  function checkIsbnFree(isbn: string | null, exceptId: number | null): void {
    if (isbn === null) return;
    const other = repo.bookByIsbn(isbn);
    if (other && other.id !== exceptId) throw new AppError('library.duplicateIsbn', { isbn, title: other.title });
  }

  /** The next free six-digit accession number; `reserved` are numbers an import is about to give. */
  function nextBarcode(reserved: ReadonlySet<string>): string {
    for (let n = repo.lastNumber() + 1; ; n++) {
      const code = String(n).padStart(6, '0');
      if (!repo.barcodeTaken(code) && !reserved.has(code)) return code;
    }
  }

  function insertCopies(
    bookId: number,
    c: { count: number; source: CopySource; donor: string },
    now: number,
    barcodes?: readonly string[],
    reserved: ReadonlySet<string> = new Set(),
  ): number[] {
    const ids: number[] = [];
    const donor = c.source === 'donated' ? c.donor : '';
    const list = barcodes ?? Array.from({ length: c.count }, () => null);
    for (const given of list) {
      const barcode = given ?? nextBarcode(reserved);
      if (given && repo.barcodeTaken(given)) throw new AppError('library.duplicateBarcode', { barcode: given });
      ids.push(repo.insertCopy(bookId, barcode, c.source, donor, dayOf(now), now));
    }
    return ids;
  }

  function mustChild(id: number) {
    const c = children.brief(id);
    if (!c) throw new AppError('children.notFound');
    return c;
  }

  function borrower(childId: number, today: string): Borrower {
    const c = mustChild(childId);
    const loans = repo.openLoansOf(childId, today);
    return {
      id: c.id,
      name: c.name,
      grade: c.grade,
      classNo: c.classNo,
      active: c.status === 'active',
      loans,
      overdue: loans.filter((l) => l.daysOverdue > 0).length,
      maxLoans: rules().maxLoans,
    };
  }

  function mustCopy(barcode: string): Copy {
    const copy = repo.copyByBarcode(cleanCode(barcode));
    if (!copy) throw new AppError('library.unknownBarcode', { code: barcode });
    return copy;
  }

  return {
    repo,
    rules,
    detail,
    borrower,

    setRules: (next: LibraryRules, ctx: CallContext): LibraryRules => changeSetting(db, SETTING.libraryRules, next, 'library.rules', ctx),

    categories: () => categories.list().map(toCategory),
    saveCategory: (id: number | null | undefined, name: string, ctx: CallContext) => categories.save(id, name, ctx).map(toCategory),
    removeCategory: (id: number, ctx: CallContext) => categories.remove(id, ctx).map(toCategory),

    books(f: { q: string; categoryId: number | null; limit: number }) {
      return repo.books({ ...f, q: bookQuery(f.q) });
    },
    titles: (categoryId: number | null) => repo.titles(categoryId),

    createBook(f: BookFields, copies: { count: number; source: CopySource; donor: string }, ctx: CallContext) {
      return write(db, () => {
        checkIsbnFree(f.isbn, null);
        checkCategory(f.categoryId);
        const id = repo.insertBook(row(f), ctx.now);
        const newCopyIds = insertCopies(id, copies, ctx.now);
        ctx.audit({ action: 'library.createBook', entity: 'book', entityId: id, detail: { copies: newCopyIds.length } });
        return { detail: detail(id, dayOf(ctx.now)), newCopyIds };
      });
    },

    /** The import's write: a title with the given accession numbers (or `count` new ones). */
    insertBookWithCopies(
      f: BookFields,
      copies: { count: number; source: CopySource; donor: string },
      barcodes: readonly string[] | undefined,
      now: number,
      reserved: ReadonlySet<string>,
    ) {
      const id = repo.insertBook(row(f), now);
      return { id, copyIds: insertCopies(id, copies, now, barcodes, reserved) };
    },
    insertCopies,

    updateBook(id: number, f: BookFields, ctx: CallContext): BookDetail {
      return write(db, () => {
        const before = mustBook(id);
        checkIsbnFree(f.isbn, id);
        checkCategory(f.categoryId);
        repo.updateBook(id, row(f), ctx.now);
        const changed = (['isbn', 'title', 'author', 'publisher', 'year', 'categoryId'] as const).filter((k) => before[k] !== f[k]);
        ctx.audit({ action: 'library.updateBook', entity: 'book', entityId: id, detail: { fields: changed } });
        return detail(id, dayOf(ctx.now));
      });
    },

    addCopies(bookId: number, copies: { count: number; source: CopySource; donor: string }, ctx: CallContext) {
      return write(db, () => {
        mustBook(bookId);
        const newCopyIds = insertCopies(bookId, copies, ctx.now);
        ctx.audit({ action: 'library.addCopies', entity: 'book', entityId: bookId, detail: { copies: newCopyIds.length } });
        return { detail: detail(bookId, dayOf(ctx.now)), newCopyIds };
      });
    },

    /**
     * Lost closes the copy's loan as lost; damaged takes it back (it came back damaged); a copy on loan
     * cannot be withdrawn. Audited with the reason.
     */
    setCopyStatus(copyId: number, status: CopyStatus, reason: string, ctx: CallContext): Copy {
      return write(db, () => {
        const copy = repo.copy(copyId);
        if (!copy) throw new AppError('library.copyNotFound');
        const today = dayOf(ctx.now);
        if (copy.loan) {
          // Withdrawn or "back on the shelf" while a child still has it: return it first.
          if (status === 'withdrawn' || status === 'available') throw new AppError('library.copyOnLoan', { barcode: copy.barcode, name: copy.loan.childName });
          if (status === 'lost' || status === 'damaged') {
            repo.closeLoan(copy.loan.loanId, ctx.now, today, ctx.session.teacher?.id ?? null, status === 'lost' ? 'lost' : 'returned');
          }
        }
        repo.setCopyStatus(copyId, status, reason);
        ctx.audit({
          action: 'library.copyStatus',
          entity: 'copy',
          entityId: copyId,
          detail: { barcode: copy.barcode, status: { from: copy.state, to: status }, reason, ...(copy.loan ? { childId: copy.loan.childId } : {}) },
        });
        return repo.copy(copyId)!;
      });
    },

    scan(code: string, today: string): ScanResult {
      const clean = cleanCode(code);
      if (clean === '') throw new AppError('library.unknownCode', { code });
      const childId = children.idOfCard(clean);
      if (childId !== undefined) return { kind: 'child', borrower: borrower(childId, today) };
      const copy = repo.copyByBarcode(clean);
      if (copy) return { kind: 'copy', copy, title: repo.titleOfCopy(copy.id) ?? '' };
      if (looksLikeIsbn(clean)) {
        const isbn = normalizeIsbn(clean);
        if (isbn.ok && isbn.value) return { kind: 'isbn', isbn: isbn.value, book: repo.bookByIsbn(isbn.value) ?? null };
      }
      throw new AppError('library.unknownCode', { code: code.trim() });
    },

    /**
     * Lends a copy: the child is active, the copy available and not on loan, the child has no overdue
     * book (unless a teacher overrides with a reason), is under the limit and has no copy of the same title
     * (unless the teacher says so). The unique index on open
     * loans settles two desks lending the same copy at once.
     */
    lend(childId: number, barcode: string, overrideReason: string | null, ctx: CallContext, sameTitleOk = false): { loan: Loan; borrower: Borrower } {
      const today = dayOf(ctx.now);
      return write(db, () => {
        const child = mustChild(childId);
        if (child.status !== 'active') throw new AppError('library.childLeft', { name: child.name });
        const copy = mustCopy(barcode);
        if (copy.loan) {
          if (copy.loan.childId === childId) throw new AppError('library.alreadyLent', { barcode: copy.barcode, name: child.name });
          throw new AppError('library.copyOnLoan', { barcode: copy.barcode, name: copy.loan.childName });
        }
        if (copy.status !== 'available') throw new AppError(UNAVAILABLE[copy.status], { barcode: copy.barcode });
        const r = rules();
        const counts = repo.openCounts(childId, today);
        // The limit first: an override lifts the overdue block, never the limit.
        if (counts.open >= r.maxLoans) throw new AppError('library.limitReached', { name: child.name, max: r.maxLoans });
        if (counts.overdue > 0 && overrideReason === null) throw new AppError('library.childOverdue', { name: child.name, count: counts.overdue });
        // A second copy of a title the child already has is usually the wrong child or a double scan: asked first.
        const same = sameTitleOk ? undefined : repo.openLoansOf(childId, today).find((l) => l.bookId === copy.bookId);
        if (same) throw new AppError('library.sameTitle', { name: child.name, title: same.title, barcode: same.barcode });
        const due = dayjs(today).add(r.loanDays, 'day').format('YYYY-MM-DD');
        const reason = counts.overdue > 0 ? overrideReason : null;
        let loanId: number;
        try {
          loanId = repo.insertLoan(copy.id, childId, ctx.now, today, due, ctx.session.teacher?.id ?? null, reason);
        } catch (err) {
          if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('library.copyJustLent', { barcode: copy.barcode });
          throw err;
        }
        if (reason !== null) {
          ctx.audit({ action: 'library.override', entity: 'loan', entityId: loanId, detail: { childId, barcode: copy.barcode, overdue: counts.overdue, reason } });
        }
        return { loan: repo.loan(loanId, today)!, borrower: borrower(childId, today) };
      });
    },

    /** Takes a copy back from whoever has it. */
    giveBack(barcode: string, ctx: CallContext): { loan: Loan } {
      const today = dayOf(ctx.now);
      return write(db, () => {
        const copy = mustCopy(barcode);
        if (!copy.loan) throw new AppError('library.notOnLoan', { barcode: copy.barcode });
        repo.closeLoan(copy.loan.loanId, ctx.now, today, ctx.session.teacher?.id ?? null, 'returned');
        return { loan: repo.loan(copy.loan.loanId, today)! };
      });
    },

    /** A renewal starts a new loan period from the old due date; an overdue book must come back first. */
    renew(loanId: number, ctx: CallContext): Loan {
      const today = dayOf(ctx.now);
      return write(db, () => {
        const loan = repo.loan(loanId, today);
        if (!loan || loan.returnedOn !== null) throw new AppError('library.loanNotFound');
        const r = rules();
        if (loan.daysOverdue > 0) throw new AppError('library.renewOverdue', { title: loan.title });
        if (loan.renewals >= r.maxRenewals) throw new AppError('library.renewLimit', { max: r.maxRenewals });
        const due = dayjs(loan.dueOn < today ? today : loan.dueOn).add(r.loanDays, 'day').format('YYYY-MM-DD');
        repo.renewLoan(loanId, due);
        return repo.loan(loanId, today)!;
      });
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
