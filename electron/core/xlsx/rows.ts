import { cellText, type Raw } from '../../../shared/domain/normalize.js';
import type { RowProblem } from '../../../shared/domain/roster.js';
import type { Header } from './headers.js';
import { readCell } from './read.js';
import { fromSafeText } from './safeText.js';

// Totals, summaries and the signature lines under a list are not data.
const TOTALS = /^(合\s*计|总\s*计|小计|共计|总数|总人数|人数|总册数|填表人|填报人|制表人?|审核人?|负责人|校长签字|签字|填表日期|备注：)/;
/** A sheet "formatted to row 1,048,576" is read until this many empty rows in a row. */
const MAX_EMPTY_RUN = 200;

export interface DataRow<F extends string> {
  r: number;
  cells: Partial<Record<F, Raw>>;
  /** `#N/A`, `#REF!`: read as blank, with a warning. */
  cellErrors: RowProblem[];
  /** Every cell of the row as read, column 1 first: a refused row is written back in the file's own columns. */
  values: Raw[];
}

/**
 * The data rows under a header, as an import reads them (BAD-INPUTS 25–28): empty rows between data
 * counted, the formatted empty tail of a sheet not read, hidden rows and totals or signature rows
 * skipped and counted, formula errors turned into warnings, our export's leading apostrophe removed.
 */
export function* dataRows<F extends string>(
  header: Header<F>,
  skipped: { hidden: number; totals: number; empty: number },
  max: number,
): Generator<DataRow<F>> {
  const ws = header.sheet;
  let emptyRun = 0;
  let given = 0;
  const last = ws.rowCount;
  for (let r = header.row + 1; r <= last && emptyRun < MAX_EMPTY_RUN && given < max; r++) {
    const row = ws.getRow(r);
    const cells: Partial<Record<F, Raw>> = {};
    const cellErrors: RowProblem[] = [];
    let filled = false;
    for (const [col, { field }] of header.columns) {
      const read = readCell(row.getCell(col));
      if (read.error) cellErrors.push({ field, message: 'cellError', params: { value: read.error }, level: 'warning' });
      cells[field] = fromSafeText(read.value);
      if (cellText(read.value) !== '') filled = true;
    }
    if (!filled) {
      emptyRun++;
      continue;
    }
    // Empty rows count as skipped only between data rows, not the formatted tail of the sheet.
    skipped.empty += emptyRun;
    emptyRun = 0;
    if (row.hidden) {
      skipped.hidden++;
      continue;
    }
    // A totals row says 合计 somewhere, often in the 序号 column we do not read.
    const raw = Array.from({ length: header.width }, (_, i) => fromSafeText(readCell(row.getCell(i + 1)).value) as Raw);
    const values = raw.map((v) => cellText(v));
    const firstFilled = values.find((v) => v !== '') ?? '';
    if (values.some((v) => /^(合\s*计|总\s*计|小计|共计)/.test(v)) || TOTALS.test(firstFilled)) {
      skipped.totals++;
      continue;
    }
    given++;
    yield { r, cells, cellErrors, values: raw };
  }
}
