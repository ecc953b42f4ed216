import type ExcelJS from 'exceljs';
import type { FileOut } from '../../../shared/domain/roster.js';
import { safeFileName } from './fileName.js';
import { safeText } from './safeText.js';

// The rest of the core takes exceljs's types from here: this file is the one that knows the library.
export type { Cell, Workbook, Worksheet } from 'exceljs';

/** Shown as the author in Excel's file properties. */
const CREATOR = '留守儿童之家管理台';
/** The light green of the templates' header row, so a school sees which row the import reads. */
const HEADER_FILL = 'FFE6FCF5';

/**
 * An empty workbook with the app's defaults: every export and template starts here. exceljs (with
 * jszip, about 0.4 s to require) is loaded on the first export or import, not when the app starts.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = CREATOR;
  return wb;
}

/**
 * The big bold line above a list. Titles hold names the teacher typed (an event's title), so they are
 * written as safe text; `mergeTo` spans it over the list's columns, `center` centres it there.
 */
export function writeTitle(ws: ExcelJS.Worksheet, title: string, opts: { mergeTo?: number; center?: boolean } = {}): void {
  ws.getCell(1, 1).value = safeText(title);
  if (opts.mergeTo) ws.mergeCells(1, 1, 1, opts.mergeTo);
  ws.getRow(1).font = { bold: true, size: 14 };
  if (opts.center) ws.getRow(1).alignment = { horizontal: 'center' };
}

/**
 * A list's header row in bold. A template's header is also shaded (`shaded`); `frozen` keeps it (and
 * everything above it) in view while scrolling.
 */
export function writeHeader(
  ws: ExcelJS.Worksheet,
  row: number,
  labels: readonly string[],
  opts: { shaded?: boolean; frozen?: boolean } = {},
): void {
  const h = ws.getRow(row);
  labels.forEach((text, i) => {
    h.getCell(i + 1).value = text;
  });
  h.font = { bold: true };
  if (opts.shaded) h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  if (opts.frozen) ws.views = [{ state: 'frozen', ySplit: row }];
}

/** A template's second sheet: one line per column and how to fill it in, under a bold heading line. */
export function writeHelpSheet(wb: ExcelJS.Workbook, lines: readonly (readonly [string, string])[], widths: readonly [number, number]): void {
  const help = wb.addWorksheet('填写说明');
  lines.forEach((l, i) => {
    help.getRow(i + 1).values = [...l];
  });
  help.getRow(1).font = { bold: true };
  help.getColumn(1).width = widths[0];
  help.getColumn(2).width = widths[1];
}

/** The workbook as the bytes of an .xlsx file. */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file as a procedure hands it to the UI to save: a name Windows accepts, and the bytes in base64. */
export function toFileOut(fileName: string, bytes: Buffer): FileOut {
  return { fileName: safeFileName(fileName), data: bytes.toString('base64') };
}
