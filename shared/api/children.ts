import { z } from 'zod';
import { procedure } from './procedure.js';
import { day, id, requiredLine } from '../domain/fields.js';
import { childInput, type Child, type ChildListItem } from '../domain/child.js';
import { awayParentsValues } from '../domain/normalize.js';
import type { ImportPreview, ImportResult, FileOut, PrintCard, Completeness, ClassCount } from '../domain/roster.js';

export const listFilter = z.object({
  q: z.string().max(50).default(''),
  grade: z.number().int().min(1).max(6).nullish().transform((v) => v ?? null),
  classNo: z.number().int().min(1).max(30).nullish().transform((v) => v ?? null),
  awayParents: z.enum(awayParentsValues).nullish().transform((v) => v ?? null),
  status: z.enum(['active', 'left', 'all']).default('active'),
  incomplete: z.boolean().default(false),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const list = procedure<ChildListItem[]>()({ name: 'children.list', access: 'teacher', input: listFilter });
export const get = procedure<Child>()({ name: 'children.get', access: 'teacher', input: z.object({ id }) });
export const create = procedure<Child>()({ name: 'children.create', access: 'teacher', input: childInput });
export const update = procedure<Child>()({
  name: 'children.update',
  access: 'teacher',
  input: z.object({ id, child: childInput }),
});
export const archive = procedure<Child>()({
  name: 'children.archive',
  access: 'teacher',
  input: z.object({ id, leftDate: day, reason: requiredLine(100) }),
});
export const restore = procedure<Child>()({ name: 'children.restore', access: 'teacher', input: z.object({ id }) });
/** Admin only, and the name typed again as confirmation. */
export const remove = procedure<{ ok: true }>()({
  name: 'children.remove',
  access: 'admin',
  input: z.object({ id, confirmName: z.string().max(100) }),
});
export const completeness = procedure<Completeness>()({
  name: 'children.completeness',
  access: 'teacher',
  input: z.object({}),
});
export const classes = procedure<ClassCount[]>()({ name: 'children.classes', access: 'teacher', input: z.object({}) });

const fileIn = z.object({
  fileName: z.string().max(255),
  // base64 of the file; 20 MB of roster is far more than any school has.
  data: z.string().max(28_000_000),
});

export const importPreview = procedure<ImportPreview>()({ name: 'children.importPreview', access: 'teacher', input: fileIn });
export const importCommit = procedure<ImportResult>()({
  name: 'children.importCommit',
  access: 'teacher',
  input: z.object({ importId: z.string().max(64) }),
});
export const importTemplate = procedure<FileOut>()({ name: 'children.importTemplate', access: 'teacher', input: z.object({}) });
export const exportRoster = procedure<FileOut>()({ name: 'children.export', access: 'teacher', input: listFilter });
/** What a print of the roster or of contact cards shows; printing personal data is audited like an export. */
export const printData = procedure<PrintCard[]>()({
  name: 'children.printData',
  access: 'teacher',
  input: z.object({ kind: z.enum(['roster', 'cards']), filter: listFilter, ids: z.array(id).max(5000).nullish() }),
});
