import type { Db } from '../db/open.js';
import type { BookFields, BookListItem, TitleItem, Copy, CopyLoanInfo, Loan } from '../../../shared/domain/library.js';
import type { Query } from '../../../shared/domain/match.js';
import type { CatalogueRow } from './booklist/export.js';

const LOAN = `l.id, l.copy_id AS copyId, cp.barcode, cp.book_id AS bookId, b.title, l.child_id AS childId, c.name AS childName,
  c.grade, c.class_no AS classNo, l.lent_on AS lentOn, l.due_on AS dueOn, l.renewals, l.returned_on AS returnedOn,
  l.outcome, l.override_reason AS overrideReason,
  CASE WHEN l.returned_at IS NULL AND l.due_on < @today THEN CAST(julianday(@today) - julianday(l.due_on) AS INTEGER) ELSE 0 END AS daysOverdue`;
const LOAN_FROM = 'loans l JOIN copies cp ON cp.id = l.copy_id JOIN books b ON b.id = cp.book_id JOIN children c ON c.id = l.child_id';

const BOOK = `b.id, b.isbn, b.title, b.author, b.publisher, b.year, b.category_id AS categoryId,
  (SELECT count(*) FROM copies x WHERE x.book_id = b.id AND x.status <> 'withdrawn') AS copies,
  (SELECT count(*) FROM copies x WHERE x.book_id = b.id AND x.status = 'available'
     AND NOT EXISTS (SELECT 1 FROM loans o WHERE o.copy_id = x.id AND o.returned_at IS NULL)) AS available,
  (SELECT count(*) FROM copies x JOIN loans o ON o.copy_id = x.id AND o.returned_at IS NULL WHERE x.book_id = b.id) AS onLoan`;

const COPY = `cp.id, cp.book_id AS bookId, cp.barcode, cp.status, cp.source, cp.donor, cp.added_on AS addedOn, cp.note,
  l.id AS loanId, l.child_id AS childId, c.name AS childName, c.grade, c.class_no AS classNo, l.lent_on AS lentOn, l.due_on AS dueOn`;
const COPY_FROM = `copies cp LEFT JOIN loans l ON l.copy_id = cp.id AND l.returned_at IS NULL LEFT JOIN children c ON c.id = l.child_id`;

type RawCopy = Omit<Copy, 'state' | 'loan'> & { [K in keyof CopyLoanInfo]: CopyLoanInfo[K] | null };
function toCopy(r: RawCopy): Copy {
  const { loanId, childId, childName, grade, classNo, lentOn, dueOn, ...rest } = r;
  const loan = loanId === null ? null : { loanId, childId: childId!, childName: childName!, grade: grade!, classNo: classNo!, lentOn: lentOn!, dueOn: dueOn! };
  return { ...rest, state: loan ? 'onLoan' : rest.status, loan };
}

export interface BookRow extends BookFields {
  searchFull: string;
  searchInitials: string;
}

type Today = { today: string };

export function createLibraryRepo(db: Db) {
  const insertBook = db
    .prepare<BookRow & { now: number }, number>(`
    INSERT INTO books (isbn, title, author, publisher, year, category_id, search_full, search_initials, created_at, updated_at)
    VALUES (@isbn, @title, @author, @publisher, @year, @categoryId, @searchFull, @searchInitials, @now, @now) RETURNING id`)
    .pluck();
  const updateBook = db.prepare<BookRow & { id: number; now: number }>(`
    UPDATE books SET isbn = @isbn, title = @title, author = @author, publisher = @publisher, year = @year,
      category_id = @categoryId, search_full = @searchFull, search_initials = @searchInitials, updated_at = @now
    WHERE id = @id`);
  const book = db.prepare<[number], BookListItem>(`SELECT ${BOOK} FROM books b WHERE b.id = ?`);
  const bookByIsbn = db.prepare<[string], BookListItem>(`SELECT ${BOOK} FROM books b WHERE b.isbn = ?`);
  const bookByTitle = db.prepare<[string, string], BookListItem>(`SELECT ${BOOK} FROM books b WHERE b.isbn IS NULL AND b.title = ? AND b.author = ?`);
  const books = db.prepare<{ q: string | null; han: 0 | 1; categoryId: number | null; limit: number }, BookListItem>(`
    SELECT ${BOOK} FROM books b
    WHERE (@categoryId IS NULL OR b.category_id = @categoryId)
      AND (@q IS NULL
        OR (@han = 1 AND (instr(b.title, @q) > 0 OR instr(b.author, @q) > 0))
        OR (@han = 0 AND (instr(b.search_initials, @q) = 1 OR instr(b.search_full, @q) > 0 OR b.isbn = @q
          OR instr(lower(b.title), @q) > 0 OR instr(lower(b.author), @q) > 0
          OR EXISTS (SELECT 1 FROM copies x WHERE x.book_id = b.id AND x.barcode = upper(@q)))))
    ORDER BY b.search_full, b.id LIMIT @limit`);

  // The desk's catalogue: every title with its search keys and barcodes, filtered in the page as the
  // teacher types (shared/domain/match.ts), so a keystroke never waits for the core.
  const titles = db.prepare<{ categoryId: number | null }, BookListItem & { searchFull: string; searchInitials: string; barcodes: string }>(`
    SELECT ${BOOK}, b.search_full AS searchFull, b.search_initials AS searchInitials,
      (SELECT json_group_array(x.barcode) FROM copies x WHERE x.book_id = b.id) AS barcodes
    FROM books b WHERE (@categoryId IS NULL OR b.category_id = @categoryId)
    ORDER BY b.search_full, b.id`);

  const copy = db.prepare<[number], RawCopy>(`SELECT ${COPY} FROM ${COPY_FROM} WHERE cp.id = ?`);
  const copyByBarcode = db.prepare<[string], RawCopy>(`SELECT ${COPY} FROM ${COPY_FROM} WHERE cp.barcode = ?`);
  const copiesOf = db.prepare<[number], RawCopy>(`SELECT ${COPY} FROM ${COPY_FROM} WHERE cp.book_id = ? ORDER BY cp.barcode`);
  const barcodeTaken = db.prepare<[string], number>('SELECT 1 FROM copies WHERE barcode = ?').pluck();
  const barcodeOwner = db.prepare<[string], { bookId: number; title: string }>(
    'SELECT b.id AS bookId, b.title FROM copies cp JOIN books b ON b.id = cp.book_id WHERE cp.barcode = ?',
  );
  // Automatic accession numbers are six digits and count up from the highest one given so far.
  const lastNumber = db
    .prepare<[], number | null>("SELECT max(CAST(barcode AS INTEGER)) FROM copies WHERE barcode GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'")
    .pluck();
  const insertCopy = db
    .prepare<[number, string, string, string, string, number], number>(`
    INSERT INTO copies (book_id, barcode, source, donor, added_on, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`)
    .pluck();
  const setCopyStatus = db.prepare<[string, string, number]>('UPDATE copies SET status = ?, note = ? WHERE id = ?');
  const titleOfCopy = db.prepare<[number], string>('SELECT b.title FROM copies cp JOIN books b ON b.id = cp.book_id WHERE cp.id = ?').pluck();
  const labels = db.prepare<[string], { copyId: number; barcode: string; title: string }>(`
    SELECT cp.id AS copyId, cp.barcode, b.title FROM copies cp JOIN books b ON b.id = cp.book_id
    WHERE cp.id IN (SELECT value FROM json_each(?)) ORDER BY cp.barcode`);
  const catalogue = db.prepare<[], CatalogueRow>(`
    SELECT cp.barcode, b.isbn, b.title, b.author, b.publisher, b.year, k.key AS categoryKey, k.name AS category,
      cp.source, cp.donor, cp.added_on AS addedOn, cp.status,
      EXISTS (SELECT 1 FROM loans l WHERE l.copy_id = cp.id AND l.returned_at IS NULL) AS onLoan
    FROM copies cp JOIN books b ON b.id = cp.book_id LEFT JOIN book_categories k ON k.id = b.category_id
    ORDER BY cp.barcode`);

  const insertLoan = db
    .prepare<[number, number, number, string, string, number | null, string | null], number>(`
    INSERT INTO loans (copy_id, child_id, lent_at, lent_on, due_on, lent_by, override_reason)
    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`)
    .pluck();
  const closeLoan = db.prepare<[number, string, number | null, 'returned' | 'lost', number]>(`
    UPDATE loans SET returned_at = max(?, lent_at), returned_on = max(?, lent_on), returned_by = ?, outcome = ? WHERE id = ? AND returned_at IS NULL`);
  const renewLoan = db.prepare<[string, number]>('UPDATE loans SET due_on = ?, renewals = renewals + 1 WHERE id = ? AND returned_at IS NULL');
  const loan = db.prepare<Today & { id: number }, Loan>(`SELECT ${LOAN} FROM ${LOAN_FROM} WHERE l.id = @id`);
  const openLoansOf = db.prepare<Today & { childId: number }, Loan>(`
    SELECT ${LOAN} FROM loans l INDEXED BY loans_open_child JOIN copies cp ON cp.id = l.copy_id JOIN books b ON b.id = cp.book_id
      JOIN children c ON c.id = l.child_id
    WHERE l.child_id = @childId AND l.returned_at IS NULL ORDER BY l.due_on, l.id`);
  const openCounts = db.prepare<Today & { childId: number }, { open: number; overdue: number }>(`
    SELECT count(*) AS open, count(*) FILTER (WHERE due_on < @today) AS overdue
    FROM loans INDEXED BY loans_open_child WHERE child_id = @childId AND returned_at IS NULL`);
  const historyOf = db.prepare<Today & { childId: number }, Loan>(
    `SELECT ${LOAN} FROM ${LOAN_FROM} WHERE l.child_id = @childId ORDER BY l.lent_at DESC, l.id DESC LIMIT 500`,
  );
  const historyOfBook = db.prepare<Today & { bookId: number }, Loan>(
    `SELECT ${LOAN} FROM ${LOAN_FROM} WHERE cp.book_id = @bookId ORDER BY l.lent_at DESC, l.id DESC LIMIT 500`,
  );
  const openLoans = db.prepare<Today & { overdue: 0 | 1; grade: number | null; classNo: number | null }, Loan>(`
    SELECT ${LOAN} FROM loans l INDEXED BY loans_open_due JOIN copies cp ON cp.id = l.copy_id JOIN books b ON b.id = cp.book_id
      JOIN children c ON c.id = l.child_id
    WHERE l.returned_at IS NULL AND (@overdue = 0 OR l.due_on < @today)
      AND (@grade IS NULL OR c.grade = @grade) AND (@classNo IS NULL OR c.class_no = @classNo)
    ORDER BY c.grade, c.class_no, c.search_full, l.due_on, l.id`);

  const copyOf = (r: RawCopy | undefined) => (r ? toCopy(r) : undefined);

  return {
    insertBook: (b: BookRow, now: number) => insertBook.get({ ...b, now })!,
    updateBook: (id: number, b: BookRow, now: number) => updateBook.run({ ...b, id, now }),
    book: (id: number) => book.get(id),
    bookByIsbn: (isbn: string) => bookByIsbn.get(isbn),
    bookByTitle: (title: string, author: string) => bookByTitle.get(title, author),
    books: (f: { q: Query | null; categoryId: number | null; limit: number }) =>
      books.all({ q: f.q?.text ?? null, han: f.q?.han ? 1 : 0, categoryId: f.categoryId, limit: f.limit }),
    titles: (categoryId: number | null): TitleItem[] =>
      titles.all({ categoryId }).map((r) => ({ ...r, barcodes: JSON.parse(r.barcodes) as string[] })),

    copy: (id: number) => copyOf(copy.get(id)),
    copyByBarcode: (barcode: string) => copyOf(copyByBarcode.get(barcode)),
    copiesOf: (bookId: number) => copiesOf.all(bookId).map(toCopy),
    barcodeTaken: (barcode: string) => barcodeTaken.get(barcode) !== undefined,
    barcodeOwner: (barcode: string) => barcodeOwner.get(barcode),
    lastNumber: () => lastNumber.get() ?? 0,
    insertCopy: (bookId: number, barcode: string, source: string, donor: string, addedOn: string, now: number) =>
      insertCopy.get(bookId, barcode, source, donor, addedOn, now)!,
    setCopyStatus: (id: number, status: string, note: string) => setCopyStatus.run(status, note, id),
    titleOfCopy: (id: number) => titleOfCopy.get(id),
    labels: (ids: readonly number[]) => labels.all(JSON.stringify(ids)),
    /** Every copy with its title, for the catalogue export. */
    catalogue: () => catalogue.all(),

    insertLoan: (copyId: number, childId: number, at: number, on: string, due: string, by: number | null, reason: string | null) =>
      insertLoan.get(copyId, childId, at, on, due, by, reason)!,
    closeLoan: (id: number, at: number, on: string, by: number | null, outcome: 'returned' | 'lost') => closeLoan.run(at, on, by, outcome, id).changes,
    renewLoan: (id: number, due: string) => renewLoan.run(due, id).changes,
    loan: (id: number, today: string) => loan.get({ id, today }),
    openLoansOf: (childId: number, today: string) => openLoansOf.all({ childId, today }),
    openCounts: (childId: number, today: string) => openCounts.get({ childId, today })!,
    historyOf: (childId: number, today: string) => historyOf.all({ childId, today }),
    historyOfBook: (bookId: number, today: string) => historyOfBook.all({ bookId, today }),
    openLoans: (f: { overdue: boolean; grade: number | null; classNo: number | null }, today: string) =>
      openLoans.all({ overdue: f.overdue ? 1 : 0, grade: f.grade, classNo: f.classNo, today }),
  };
}

export type LibraryRepo = ReturnType<typeof createLibraryRepo>;
