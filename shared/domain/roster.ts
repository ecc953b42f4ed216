import type { Day } from './dates.js';
import type { AwayParents, Gender } from './normalize.js';
import type { MissingField } from './child.js';

/** One problem of one import row; `message` is a key of the `validation` namespace. */
export interface RowProblem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
  level: 'error' | 'warning';
}

export interface ImportRow {
  /** The sheet and row number as Excel shows them. */
  sheet: string;
  row: number;
  status: 'new' | 'existing' | 'error';
  name: string;
  gender: Gender | null;
  birthDate: Day | null;
  grade: number | null;
  classNo: number | null;
  awayParents: AwayParents | null;
  guardian: string;
  phones: string[];
  problems: RowProblem[];
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  sheet: string;
  headerRow: number;
  /** Each recognised column: the header as written and the field it fills. */
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  rows: ImportRow[];
  counts: { new: number; existing: number; error: number; warning: number };
  skipped: { hidden: number; totals: number; empty: number };
}

export interface ImportResult {
  created: number;
  existing: number;
  errors: number;
}

export interface FileOut {
  fileName: string;
  /** base64 */
  data: string;
}

export interface PrintCard {
  id: number;
  name: string;
  gender: Gender | null;
  birthDate: Day | null;
  grade: number;
  classNo: number;
  awayParents: AwayParents;
  cardCode: string;
  guardian: { name: string; relation: string | null; phones: string[] } | null;
  father: { name: string; phones: string[]; workPlace: string } | null;
  mother: { name: string; phones: string[]; workPlace: string } | null;
  address: string;
  mentorName: string | null;
}

export interface Completeness {
  total: number;
  complete: number;
  rate: number;
  byGrade: { grade: number; total: number; complete: number; rate: number }[];
  /** How many active records lack each field. */
  byField: Partial<Record<MissingField, number>>;
}

export interface ClassCount {
  grade: number;
  classNo: number;
  children: number;
}
