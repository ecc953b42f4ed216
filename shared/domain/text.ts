/**
 * Text cleaning shared by every form and import (see BAD-INPUTS.md, names 1–5, 8, 12).
 * Pure functions: no Node, no DOM.
 */

// Never text: NUL and the other control characters (tab and line breaks aside), lone halves of a surrogate
// pair (a character cut in two; a whole one outside the BMP, like 𠇔, is kept), and the bidi controls that
// make a name or a note read differently from how it is stored (U+202A–202E, U+2066–2069, LRM, RLM, ALM).
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Zero-width characters and the BOM that WeChat and Excel paste along with names.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Every kind of space, including U+3000 (ideographic space) and NBSP.
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
// Middle-dot look-alikes used between the parts of minority names (阿依古丽·买买提).
const DOT_VARIANTS = /\s*[\u00B7\u2027\u2022\u30FB\uFF65\u2219\u22C5\uFF0E.]\s*/g;
const HAN = /\p{Script=Han}/u;

/** Length in characters as a person counts them: a character outside the BMP is one. */
export function charLength(s: string): number {
  return [...s].length;
}

/**
 * What every text field of every procedure goes through (the `text` schema in fields.ts), and every cell
 * an import reads: the characters above removed, nothing else changed.
 */
export function cleanText(raw: string): string {
  return raw.replace(UNSAFE, '');
}

/** Removes invisible characters, trims, collapses runs of spaces to one ASCII space. */
export function cleanLine(raw: string): string {
  return cleanText(raw).normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * A person's name: a line, with spaces between Chinese characters removed (王　芳 → 王芳),
 * and middle-dot variants made one `·`. Latin names keep their single spaces.
 */
export function cleanPersonName(raw: string): string {
  let s = cleanLine(raw);
  s = s.replace(/ /g, (space, offset: number, whole: string) => {
    const before = [...whole.slice(0, offset)].pop() ?? '';
    const after = [...whole.slice(offset + 1)][0] ?? '';
    return HAN.test(before) || HAN.test(after) ? '' : space;
  });
  if (HAN.test(s)) s = s.replace(DOT_VARIANTS, '·');
  return s;
}

/** A multi-line note: invisible characters removed, each line's ends trimmed, line breaks kept. */
export function cleanNote(raw: string): string {
  return cleanText(raw)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+$/u, '').replace(/^[ \t\u3000]+/u, ''))
    .join('\n')
    .trim();
}
