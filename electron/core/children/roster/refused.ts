import type { Raw } from '../../../../shared/domain/normalize.js';
import type { RowProblem } from '../../../../shared/domain/roster.js';
import { cellText } from '../../../../shared/domain/normalize.js';
import type { RosterHeader } from './headers.js';
import { TEMPLATE_HEADERS, type RosterField } from './headers.js';
import { readCell } from '../../xlsx/read.js';
import { ZH } from '../../xlsx/labels.js';
import { safeText } from '../../xlsx/safeText.js';
import { newWorkbook, writeHeader, xlsxBytes } from '../../xlsx/workbook.js';

/** One sheet's header as the file wrote it: a label per column, column 1 first. */
export interface SheetLabels {
  sheet: string;
  labels: string[];
}

/**
 * The header of a sheet in one row: the label the import matched (父亲姓名 for 父亲 over 姓名), else the cell's
 * own text, else the cell above it (a merged two-row header). Written back, it imports as the original did.
 */
export function labelsOf(h: RosterHeader): SheetLabels {
  const row = h.sheet.getRow(h.row);
  const above = h.row > 1 ? h.sheet.getRow(h.row - 1) : null;
  const labels = Array.from({ length: h.width }, (_, i) => {
    const mapped = h.columns.get(i + 1);
    if (mapped) return mapped.header;
    const own = cellText(readCell(row.getCell(i + 1)).value);
    if (own !== '') return own;
    return above ? cellText(readCell(above.getCell(i + 1)).value) : '';
  });
  // Trailing empty header cells carry no data the import reads.
  while (labels.length > 0 && labels.at(-1) === '') labels.pop();
  return { sheet: h.sheet.name, labels };
}

export interface RefusedRow {
  sheet: string;
  row: number;
  values: Raw[];
  problems: RowProblem[];
}

const VALIDATION = ZH.validation as Record<string, string>;
const FIELD = (field: string): string => TEMPLATE_HEADERS[field as RosterField] ?? ZH.children.fields[field as keyof typeof ZH.children.fields] ?? field;

/** A problem as the preview says it, in Chinese: 出生日期：“2015-02-30”…. */
export function problemText(p: RowProblem): string {
  const template = VALIDATION[p.message] ?? VALIDATION.invalid ?? p.message;
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(p.params?.[k] ?? ''));
  return `${FIELD(p.field)}：${text}`;
}

/**
 * The refused rows in the file's own columns, one sheet per sheet read, with 问题 added at the end and the original
 * row number beside it. Fixed, the file imports like the original: 问题 and 原行号 are columns no import reads.
 */
export async function writeRefused(sheets: readonly SheetLabels[], rows: readonly RefusedRow[]): Promise<Buffer> {
  const wb = await newWorkbook();
  for (const s of sheets) {
    const mine = rows.filter((r) => r.sheet === s.sheet);
    if (mine.length === 0) continue;
    const ws = wb.addWorksheet(s.sheet.slice(0, 31));
    const width = Math.max(s.labels.length, ...mine.map((r) => r.values.length));
    const labels = Array.from({ length: width }, (_, i) => s.labels[i] ?? '');
    writeHeader(ws, 1, [...labels, '问题', '原行号'], { shaded: true, frozen: true });
    mine.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      for (let c = 0; c < width; c++) {
        const v = r.values[c];
        // Dates stay dates and numbers numbers; text is written so Excel never runs it as a formula.
        row.getCell(c + 1).value = v === null || v === undefined ? null : typeof v === 'string' ? safeText(v) : v;
      }
      const errors = r.problems.filter((p) => p.level === 'error');
      row.getCell(width + 1).value = safeText((errors.length > 0 ? errors : r.problems).map(problemText).join('；'));
      row.getCell(width + 2).value = r.row;
    });
    ws.columns.forEach((col, i) => {
      col.width = i === width ? 60 : 14;
    });
  }
  return xlsxBytes(wb);
}
