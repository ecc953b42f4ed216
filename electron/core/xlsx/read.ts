import { AppError } from '../../../shared/errors.js';
import type { Raw } from '../../../shared/domain/normalize.js';
import { cleanText } from '../../../shared/domain/text.js';
import { newWorkbook, type Cell, type Workbook } from './workbook.js';

/**
 * Reads an .xlsx into an exceljs workbook, or says plainly why it cannot: an empty file, an old .xls,
 * a CSV, a PDF renamed to .xlsx, a password-protected workbook, a damaged file.
 */
export async function readWorkbook(bytes: Buffer): Promise<Workbook> {
  if (bytes.length === 0) throw new AppError('import.empty');
  const head = bytes.subarray(0, 8);
  // Office's compound file: an old .xls, or an encrypted .xlsx (which Excel also stores this way).
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    const encrypted = bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new AppError(encrypted ? 'import.encrypted' : 'import.notXlsx');
  }
  if (!(head[0] === 0x50 && head[1] === 0x4b)) throw new AppError('import.notXlsx');
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load((await withoutEmptyRows(bytes)) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.unreadable');
  }
  if (wb.worksheets.length === 0) throw new AppError('import.unreadable');
  // Sheet names reach the preview like cells do, so they are cleaned the same way.
  for (const ws of wb.worksheets) {
    const name = cleanText(ws.name);
    if (name !== ws.name && name.trim() !== '') ws.name = name;
  }
  return wb;
}

/** Whether the workbook counts its serial dates from 1904 (old Mac Excel) rather than 1900. */
export function isDate1904(wb: Workbook): boolean {
  return Boolean((wb.properties as { date1904?: boolean }).date1904);
}

export interface CellRead {
  value: Raw;
  /** `#N/A`, `#REF!` …: a formula that failed in Excel. */
  error: string | null;
}

const BIG_SHEET = 2 * 1024 * 1024;

/**
 * A sheet "formatted to the last row" holds a million empty, styled <row> elements; exceljs would
 * build them all (seconds and a gigabyte). Rows without a single value are dropped from the XML
 * before exceljs reads it: nothing a list needs is lost, merged ranges are kept as they are.
 */
export async function withoutEmptyRows(bytes: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (xml.length < BIG_SHEET) continue;
    const slim = xml
      .replace(/<row\b[^>]*\/>/g, '')
      .replace(/<row\b[^>]*>(?:(?!<\/row>)[\s\S])*?<\/row>/g, (row) => (/<(v|is|f)\b/.test(row) ? row : ''));
    if (slim.length !== xml.length) {
      zip.file(name, slim);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer' }) : bytes;
}

/**
 * A cell's value as the normalizer takes it: formulas by their result, rich text as text, and text as
 * every procedure's text fields take it (no NUL, control characters, lone surrogates or bidi controls).
 */
export function readCell(cell: Cell): CellRead {
  const v = cell.value as unknown;
  return fromValue(v);
}

function fromValue(v: unknown): CellRead {
  if (v === null || v === undefined) return { value: null, error: null };
  if (typeof v === 'string') return { value: cleanText(v), error: null };
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v, error: null };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if ('richText' in o && Array.isArray(o.richText)) {
      return { value: cleanText((o.richText as { text: string }[]).map((r) => r.text).join('')), error: null };
    }
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return fromValue(o.result);
    if (typeof o.text === 'string') return { value: cleanText(o.text), error: null };
  }
  return { value: null, error: null };
}
