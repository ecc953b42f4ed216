import { looksLikeIsbn, normalizeIsbn } from './isbn.js';

/**
 * What a typed search means, and what it matches: one definition for the core's queries (the
 * repositories' SQL takes a `Query`) and the desk's lists, which filter in the page as the teacher
 * types. `match.test.ts` holds the SQL and these functions equal on generated data.
 *
 * No pinyin here (this file is in the desk's start-up code): the search keys are made once, when a
 * record is saved (`searchKeys` in search.ts), and travel with the list.
 */
export interface Query {
  /** Lower-case, no spaces or `·`; Chinese kept as typed. */
  text: string;
  /** The query holds Chinese characters: it is matched against the name itself, not its pinyin. */
  han: boolean;
}

/** What a typed query is matched against: lower-case, no spaces; Chinese kept as typed. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/[\s·'’]+/g, '');
}

const HAN = /\p{Script=Han}/u;

/** A typed name search, or null for "everyone". */
export function nameQuery(raw: string): Query | null {
  const text = normalizeQuery(raw);
  return text === '' ? null : { text, han: HAN.test(text) };
}

/** A typed catalogue search: a scanned or typed ISBN (hyphens, ISBN-10) finds its title. */
export function bookQuery(raw: string): Query | null {
  const isbn = looksLikeIsbn(raw) ? normalizeIsbn(raw) : null;
  const text = isbn?.ok && isbn.value ? isbn.value : normalizeQuery(raw);
  return text === '' ? null : { text, han: HAN.test(text) };
}

export interface NameKeys {
  name: string;
  searchFull: string;
  searchInitials: string;
}

/** 王小明 by 小明, by `wxm` (initials from the start), by `xiaoming` (anywhere in the full pinyin). */
export function matchesName(item: NameKeys, q: Query | null): boolean {
  if (q === null) return true;
  if (q.han) return item.name.replaceAll('·', '').includes(q.text);
  return item.searchInitials.startsWith(q.text) || item.searchFull.includes(q.text);
}

export interface BookKeys {
  title: string;
  author: string;
  isbn: string | null;
  searchFull: string;
  searchInitials: string;
  /** The barcodes of the title's copies: a scanned copy finds its title. */
  barcodes: readonly string[];
}

export function matchesBook(book: BookKeys, q: Query | null): boolean {
  if (q === null) return true;
  if (q.han) return book.title.includes(q.text) || book.author.includes(q.text);
  return (
    book.searchInitials.startsWith(q.text) ||
    book.searchFull.includes(q.text) ||
    book.isbn === q.text ||
    book.title.toLowerCase().includes(q.text) ||
    book.author.toLowerCase().includes(q.text) ||
    book.barcodes.includes(q.text.toUpperCase())
  );
}
