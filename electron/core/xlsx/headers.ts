import { AppError } from '../../../shared/errors.js';
import { cellText } from '../../../shared/domain/normalize.js';
import { readCell } from './read.js';
import type { Workbook, Worksheet } from './workbook.js';

/** Header text folded for matching: full-width to ASCII, no spaces, no bracketed hints like （必填）. */
export function key(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

/** Every way schools write each column of a kind of list, matched after `key()` folding; a later word wins. */
export function synonyms<F extends string>() {
  const table = new Map<string, F>();
  return {
    add(field: F, ...names: string[]): void {
      for (const n of names) table.set(key(n), field);
    },
    fieldOf(label: string): F | null {
      return table.get(key(label)) ?? null;
    },
  };
}

export interface Header<F extends string = string> {
  sheet: Worksheet;
  /** The header's last row; data starts below it. */
  row: number;
  columns: Map<number, { header: string; field: F }>;
  ignored: string[];
  /** The sheet's width as exceljs saw it, read once. */
  width: number;
}

/** What a kind of list (roster, book list) reads its header with. */
export interface HeaderSpec<F extends string> {
  fieldOf(label: string): F | null;
  /** Upper cells of a two-row header that name a group (父亲 over 姓名 | 电话), by folded key. */
  groups: Record<string, string>;
  /** The field a header must have to be this kind of list. */
  required: F;
}

// exceljs computes rowCount and columnCount by walking every row on each read: read them once.
function texts(ws: Worksheet, row: number, columns: number): Map<number, string> {
  const out = new Map<number, string>();
  const r = ws.getRow(row);
  for (let c = 1; c <= columns; c++) {
    const t = cellText(readCell(r.getCell(c)).value);
    if (t !== '') out.set(c, t);
  }
  return out;
}

/**
 * Finds a list's header in the first rows of a sheet: a title row above it is passed over, and
 * a two-row header (父亲 over 姓名 | 电话 | 务工地, merged) is read as 父亲姓名, 父亲电话, 父亲务工地.
 */
export function findHeaderOf<F extends string>(ws: Worksheet, spec: HeaderSpec<F>): Header<F> | null {
  let best: Header<F> | null = null;
  const width = Math.min(ws.columnCount, 60);
  const rows = Math.min(ws.rowCount, 15);
  for (let r = 1; r <= rows; r++) {
    const top = texts(ws, r, width);
    const below = texts(ws, r + 1, width);
    for (const twoRows of [false, true]) {
      const columns = new Map<number, { header: string; field: F }>();
      const ignored: string[] = [];
      const cols = new Set([...top.keys(), ...(twoRows ? below.keys() : [])]);
      for (const c of [...cols].sort((a, b) => a - b)) {
        const upper = top.get(c) ?? '';
        const lower = twoRows ? (below.get(c) ?? '') : '';
        const group = spec.groups[key(upper)];
        const label = twoRows && lower !== '' ? (group ? `${upper}${lower}` : lower) : upper;
        const field = spec.fieldOf(label) ?? (twoRows && lower !== '' && !group ? spec.fieldOf(upper) : null);
        if (field && ![...columns.values()].some((x) => x.field === field)) columns.set(c, { header: label, field });
        else if (label !== '') ignored.push(label);
      }
      const fields = new Set([...columns.values()].map((x) => x.field));
      const usable = fields.has(spec.required) && fields.size >= 2;
      if (usable && (!best || columns.size > best.columns.size)) {
        best = {
          sheet: ws,
          row: twoRows ? r + 1 : r,
          columns,
          ignored: ignored.filter((h) => !/^(序号|编号|no\.?)$/i.test(h)),
          width,
        };
      }
    }
  }
  return best;
}

/** The header of every visible sheet that holds such a list (schools often keep one sheet per grade). */
export function findHeaders<F extends string>(wb: Workbook, spec: HeaderSpec<F>): Header<F>[] {
  const found = wb.worksheets.filter((ws) => ws.state === 'visible').flatMap((ws) => findHeaderOf(ws, spec) ?? []);
  if (found.length === 0) throw new AppError('import.noHeader');
  return found;
}
