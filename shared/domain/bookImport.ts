import type { RowProblem } from './roster.js';

/** One row of a book list as the preview shows it. */
export interface BookImportRow {
  sheet: string;
  row: number;
  /** new: a new title and its copies; copies: new copies of a title the room has; existing: nothing to add. */
  status: 'new' | 'copies' | 'existing' | 'error';
  isbn: string | null;
  title: string;
  author: string;
  category: string;
  /** Copies this row adds: its accession number, or how many to number automatically. */
  barcode: string | null;
  count: number;
  problems: RowProblem[];
}

export interface BookImportPreview {
  importId: string;
  fileName: string;
  sheet: string;
  headerRow: number;
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  rows: BookImportRow[];
  counts: { titles: number; copies: number; existing: number; error: number };
  skipped: { hidden: number; totals: number; empty: number };
}
