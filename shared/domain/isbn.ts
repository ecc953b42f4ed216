import type { Checked } from './normalize.js';

/**
 * ISBNs as a scanner or a teacher types them (BAD-INPUTS 33): hyphens, spaces, full-width digits, a
 * lower-case `x`. ISBN-10 is converted to ISBN-13 (978 prefix); the check digit is always verified.
 */

function check13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

function check10(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** Digits (and a final X) only: `978-7-02-000220-7`, `７８７ ０２`, `7-5307-3021-x`. */
export function isbnDigits(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\-‐‑–—_.·]/g, '').replace(/^ISBN:?/i, '').toUpperCase();
}

export function isbn10to13(isbn10: string): string {
  const body = `978${isbn10.slice(0, 9)}`;
  return body + check13(body);
}

/** A valid ISBN-13 from what was typed or scanned, or why not. Blank is `null` (books without an ISBN). */
export function normalizeIsbn(raw: string | null | undefined): Checked<string | null> {
  const s = isbnDigits(raw ?? '');
  if (s === '') return { ok: true, value: null };
  if (/^\d{9}[\dX]$/.test(s)) {
    if (check10(s.slice(0, 9)) !== s[9]) return { ok: false, issue: { message: 'isbnCheck', params: { value: raw!.trim() } } };
    return { ok: true, value: isbn10to13(s) };
  }
  if (/^97[89]\d{10}$/.test(s)) {
    if (check13(s.slice(0, 12)) !== s[12]) return { ok: false, issue: { message: 'isbnCheck', params: { value: raw!.trim() } } };
    return { ok: true, value: s };
  }
  return { ok: false, issue: { message: 'isbn', params: { value: raw!.trim() } } };
}

/** Whether a scanned code looks like an ISBN (a book's own EAN-13, not our copy label). */
export function looksLikeIsbn(raw: string): boolean {
  const s = isbnDigits(raw);
  return /^97[89]\d{10}$/.test(s) || /^\d{9}[\dX]$/.test(s);
}

/** A made-up but valid Chinese ISBN-13 (978-7-…), for demo data. */
export function makeIsbn(n: number): string {
  const body = `9787${String(n).padStart(8, '0').slice(-8)}`;
  return body + check13(body);
}
