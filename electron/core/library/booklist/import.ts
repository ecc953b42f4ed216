import { cellText, type Raw } from '../../../../shared/domain/normalize.js';
import { toFieldIssues } from '../../../../shared/api/validation.js';
import { barcodeField, bookInput, categoryKeys, type BookFields, type Category, type CopySource } from '../../../../shared/domain/library.js';
import type { RowProblem } from '../../../../shared/domain/roster.js';
import type { BookImportPreview, BookImportRow } from '../../../../shared/domain/bookImport.js';
import type { Db } from '../../db/open.js';
import { write } from '../../db/write.js';
import type { CallContext } from '../../context.js';
import type { LibraryService } from '../library.service.js';
import { key } from '../../xlsx/headers.js';
import { readWorkbook } from '../../xlsx/read.js';
import { dataRows } from '../../xlsx/rows.js';
import { bookListSheets, type BookField, type BookListHeader } from './headers.js';

const MAX_ROWS = 10000;

/** The built-in categories' Chinese and English names, so a list written either way finds them. */
const CATEGORY_WORDS: Record<(typeof categoryKeys)[number], string[]> = {
  picture: ['绘本', '图画书', 'picture books', 'picture book'],
  fairy: ['童话', '寓言', 'fairy tales', 'fairy tale'],
  science: ['科普', '科学', '百科', 'science'],
  literature: ['文学', '小说', '儿童文学', 'literature'],
  history: ['历史', '传记', 'history'],
  comics: ['漫画', '连环画', 'comics'],
  study: ['教辅', '工具书', '字典', 'study aids', 'study'],
  other: ['其他', '其它', 'other'],
};

export interface PreparedBookRow {
  row: BookImportRow;
  fields: BookFields | null;
  /** ISBN, or title and author: rows with the same key are copies of one title. */
  titleKey: string;
  bookId: number | null;
  firstOfTitle: boolean;
  source: CopySource;
  donor: string;
}

export interface BookLookups {
  categories: Category[];
  bookByIsbn(isbn: string): number | undefined;
  bookByTitle(title: string, author: string): number | undefined;
  barcodeTaken(barcode: string): boolean;
  /** The title a copy with this accession number belongs to. */
  barcodeOwner(barcode: string): { bookId: number; title: string } | undefined;
}

function yearOf(raw: Raw): { value: number | null; bad: boolean } {
  if (raw instanceof Date) return { value: raw.getUTCFullYear(), bad: false };
  const text = cellText(raw).normalize('NFKC');
  if (text === '') return { value: null, bad: false };
  // 2016, 2016年, 2016年5月, 2016.5, 2016-05, 201605
  const m = /^(\d{4})(?:\s*年.*|[.\-/]\d{1,2}.*|\d{2}.*)?$/.exec(text);
  if (!m) return { value: null, bad: true };
  return { value: Number(m[1]), bad: false };
}

function sourceOf(raw: Raw, donor: string): { value: CopySource; unknown: string | null } {
  const text = cellText(raw);
  if (text === '') return { value: donor === '' ? 'bought' : 'donated', unknown: null };
  if (/捐|赠|donat/i.test(text)) return { value: 'donated', unknown: null };
  if (/购|买|采|订|bought|purchas/i.test(text)) return { value: 'bought', unknown: null };
  return { value: donor === '' ? 'bought' : 'donated', unknown: text };
}

function categoryId(raw: Raw, categories: Category[]): { id: number | null; unknown: string | null } {
  const text = cellText(raw);
  if (text === '') return { id: null, unknown: null };
  const k = key(text);
  const byName = categories.find((c) => key(c.name) === k);
  if (byName) return { id: byName.id, unknown: null };
  const builtIn = categories.find((c) => c.key !== null && CATEGORY_WORDS[c.key].some((w) => key(w) === k));
  return builtIn ? { id: builtIn.id, unknown: null } : { id: null, unknown: text };
}

/** Reads a book list into preview rows; nothing is written. */
export async function prepareBookImport(
  bytes: Buffer,
  look: BookLookups,
): Promise<{ headers: BookListHeader[]; rows: PreparedBookRow[]; skipped: BookImportPreview['skipped'] }> {
  const headers = bookListSheets(await readWorkbook(bytes));
  const rows: PreparedBookRow[] = [];
  const skipped = { hidden: 0, totals: 0, empty: 0 };
  const barcodesSeen = new Map<string, number>();
  const titlesSeen = new Map<string, number | null>();
  for (const header of headers) {
    for (const { r, cells, cellErrors } of dataRows(header, skipped, MAX_ROWS - rows.length)) {
      rows.push(prepareRow(header.sheet.name, r, cells, cellErrors, look, barcodesSeen, titlesSeen));
    }
  }
  return { headers, rows, skipped };
}

function prepareRow(
  sheet: string,
  r: number,
  cells: Partial<Record<BookField, Raw>>,
  problems: RowProblem[],
  look: BookLookups,
  barcodesSeen: Map<string, number>,
  titlesSeen: Map<string, number | null>,
): PreparedBookRow {
  const err = (field: string, message: string, params?: Record<string, string | number>) =>
    problems.push({ field, message, ...(params ? { params } : {}), level: 'error' });
  const warn = (field: string, message: string, params?: Record<string, string | number>) =>
    problems.push({ field, message, ...(params ? { params } : {}), level: 'warning' });

  const year = yearOf(cells.year);
  if (year.bad) err('year', 'year');
  const category = categoryId(cells.category, look.categories);
  if (category.unknown) warn('category', 'categoryUnknown', { value: category.unknown });
  const donor = cellText(cells.donor);
  const source = sourceOf(cells.source, donor);
  if (source.unknown) warn('source', 'sourceUnknown', { value: source.unknown });

  let fields: BookFields | null = null;
  const parsed = bookInput.safeParse({
    isbn: cellText(cells.isbn),
    title: cellText(cells.title),
    author: cellText(cells.author),
    publisher: cellText(cells.publisher),
    year: year.value,
    categoryId: category.id,
  });
  if (parsed.success) fields = parsed.data;
  else for (const i of toFieldIssues(parsed.error)) if (!problems.some((p) => p.field === i.path && p.level === 'error')) err(i.path, i.message, i.params);

  let barcode: string | null = null;
  const rawBarcode = cellText(cells.barcode);
  if (rawBarcode !== '') {
    const b = barcodeField.safeParse(rawBarcode);
    if (!b.success) err('barcode', 'barcode', { value: rawBarcode });
    else {
      barcode = b.data;
      const twin = barcodesSeen.get(barcode);
      if (twin !== undefined) err('barcode', 'duplicateBarcodeInFile', { value: barcode, row: twin });
      else barcodesSeen.set(barcode, r);
    }
  }
  let count = 1;
  const rawCount = cellText(cells.count).normalize('NFKC').replace(/册|本/g, '');
  if (rawCount !== '') {
    const n = Number(rawCount);
    if (!Number.isInteger(n) || n < 1 || n > 200) err('count', 'count');
    else if (barcode !== null && n > 1) warn('count', 'countWithBarcode', { value: n });
    else count = n;
  }

  const titleKey = fields ? (fields.isbn ?? `${fields.title}\u0000${fields.author}`) : `row${r}`;
  let bookId: number | null = null;
  let firstOfTitle = false;
  let status: BookImportRow['status'] = problems.some((p) => p.level === 'error') || !fields ? 'error' : 'new';
  if (status !== 'error' && fields) {
    const existing = fields.isbn ? look.bookByIsbn(fields.isbn) : look.bookByTitle(fields.title, fields.author);
    const owner = barcode !== null ? look.barcodeOwner(barcode) : undefined;
    if (owner && owner.bookId !== existing) {
      // The number is on a copy of another title: a typing mistake, not "already there".
      err('barcode', 'barcodeTaken', { value: barcode!, title: owner.title });
      status = 'error';
    } else if (existing !== undefined) {
      bookId = existing;
      // A title the room has: its listed copies are added; a line without accession numbers adds nothing.
      status = barcode !== null && !owner ? 'copies' : 'existing';
    } else {
      firstOfTitle = !titlesSeen.has(titleKey);
      titlesSeen.set(titleKey, r);
    }
  }
  return {
    row: {
      sheet,
      row: r,
      status,
      isbn: fields?.isbn ?? null,
      title: fields?.title ?? cellText(cells.title),
      author: fields?.author ?? cellText(cells.author),
      category: cellText(cells.category),
      barcode,
      count: status === 'error' || status === 'existing' ? 0 : barcode !== null ? 1 : count,
      problems,
    },
    fields: status === 'error' ? null : fields,
    titleKey,
    bookId,
    firstOfTitle,
    source: source.value,
    donor,
  };
}

/** The previewed rows in one transaction; a copy whose accession number was taken meanwhile is skipped. */
export function writeBookImport(
  db: Db,
  library: LibraryService,
  p: { fileName: string; rows: PreparedBookRow[] },
  ctx: CallContext,
): { created: number; existing: number; errors: number; copies: number; newCopyIds: number[] } {
  return write(db, () => {
    const made = new Map<string, number>();
    const newCopyIds: number[] = [];
    // Numbers the file gives are kept free while other rows are numbered automatically.
    const reserved = new Set(p.rows.flatMap((r) => (r.fields && r.row.barcode !== null ? [r.row.barcode] : [])));
    let created = 0;
    let existing = 0;
    for (const r of p.rows) {
      if (!r.fields || r.row.status === 'existing') {
        if (r.row.status === 'existing') existing++;
        continue;
      }
      const barcode = r.row.barcode;
      const copies = { count: r.row.count, source: r.source, donor: r.donor };
      const barcodes = barcode !== null ? [barcode] : undefined;
      // Written meanwhile (another window confirmed the same file): nothing to add.
      if (barcode !== null && library.repo.barcodeTaken(barcode)) {
        existing++;
        continue;
      }
      const now = r.fields.isbn ? library.repo.bookByIsbn(r.fields.isbn)?.id : library.repo.bookByTitle(r.fields.title, r.fields.author)?.id;
      const bookId = made.get(r.titleKey) ?? r.bookId;
      if (bookId === null || bookId === undefined) {
        if (now !== undefined) {
          // A title new in the preview exists now: its auto-numbered copies would be a second lot.
          if (barcode === null) {
            existing++;
            continue;
          }
          newCopyIds.push(...library.insertCopies(now, copies, ctx.now, barcodes, reserved));
          continue;
        }
        const { id, copyIds } = library.insertBookWithCopies(r.fields, copies, barcodes, ctx.now, reserved);
        made.set(r.titleKey, id);
        newCopyIds.push(...copyIds);
        created++;
      } else {
        newCopyIds.push(...library.insertCopies(bookId, copies, ctx.now, barcodes, reserved));
      }
    }
    const errors = p.rows.filter((r) => r.row.status === 'error').length;
    ctx.audit({ action: 'library.import', entity: 'book', detail: { file: p.fileName, created, copies: newCopyIds.length, existing, errors } });
    return { created, existing, errors, copies: newCopyIds.length, newCopyIds };
  });
}
