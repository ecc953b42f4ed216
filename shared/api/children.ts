import { z } from 'zod';
import { domain } from './procedure.js';
import { day, id, requiredLine, text } from '../domain/fields.js';
import { childInput, childListItemSchema, childRemovedSchema, childSchema } from '../domain/child.js';
import { awayParentsValues } from '../domain/normalize.js';
import { childCategorySchema } from '../domain/family.js';
import { childFileSchema } from '../domain/childFile.js';
import {
  classCountSchema,
  completenessSchema,
  fileOutSchema,
  importPreviewSchema,
  importResultSchema,
  printCardSchema,
} from '../domain/roster.js';

export const listFilter = z.object({
  q: text().max(50).default(''),
  grade: z.number().int().min(1).max(6).nullish().transform((v) => v ?? null),
  classNo: z.number().int().min(1).max(30).nullish().transform((v) => v ?? null),
  awayParents: z.enum(awayParentsValues).nullish().transform((v) => v ?? null),
  /** The category (shared/domain/family.ts) the list is filtered by. */
  category: childCategorySchema.nullish().transform((v) => v ?? null),
  status: z.enum(['active', 'left', 'all']).default('active'),
  incomplete: z.boolean().default(false),
  limit: z.number().int().min(1).max(5000).default(500),
});

const fileIn = z.object({
  fileName: text().max(255),
  // base64 of the file; 20 MB of roster is far more than any school has.
  data: text().max(28_000_000),
});

export const rosterSettingsSchema = z.object({ keepIdNumbers: z.boolean() });

const T = 'teacher' as const;
const reads = ['children'] as const;
const changes = ['children'] as const;
const child = childSchema;

export const children = domain('children', {
  list: { access: T, input: listFilter, output: z.array(childListItemSchema), reads },
  get: { access: T, input: z.object({ id }), output: child, reads },
  create: { access: T, input: childInput, output: child, changes },
  update: { access: T, input: z.object({ id, child: childInput }), output: child, changes },
  archive: { access: T, input: z.object({ id, leftDate: day, reason: requiredLine(100) }), output: child, changes },
  restore: { access: T, input: z.object({ id }), output: child, changes },
  /** Admin only, and the name typed again as confirmation; says whether the file and each backup are clean. */
  remove: {
    access: 'admin',
    input: z.object({ id, confirmName: text().max(100) }),
    output: childRemovedSchema,
    // Everything keyed to the child goes with them.
    changes: ['children', 'visits', 'calls', 'library', 'events', 'birthdays', 'summary'],
  },
  /**
   * One child's whole file for a guardian who asks (admin only): what the printed file shows. Printing it is
   * audited like an export.
   */
  file: {
    access: 'admin',
    input: z.object({ id }),
    output: childFileSchema,
    reads: ['children', 'visits', 'calls', 'library', 'events', 'birthdays', 'settings'],
  },
  /** The same file as .xlsx, one sheet per part (admin only, audited). */
  exportFile: { access: 'admin', input: z.object({ id }), output: fileOutSchema },
  completeness: { access: T, input: z.object({}), output: completenessSchema, reads },
  classes: { access: T, input: z.object({}), output: z.array(classCountSchema), reads },
  importPreview: { access: T, input: fileIn, output: importPreviewSchema },
  importCommit: { access: T, input: z.object({ importId: text().max(64) }), output: importResultSchema, changes },
  importTemplate: { access: T, input: z.object({}), output: fileOutSchema },
  /** The rows a preview refused, in the file's own columns with 问题 added: fix them and import the file again. */
  importRefused: { access: T, input: z.object({ importId: text().max(64) }), output: fileOutSchema },
  /** Whether 身份证号 are stored (off by default: the app keeps the birth date and sex it derives). */
  rosterSettings: { access: T, input: z.object({}), output: rosterSettingsSchema, reads: ['settings'] },
  setRosterSettings: { access: 'admin', input: rosterSettingsSchema, output: rosterSettingsSchema, changes: ['settings', 'children'] },
  export: { access: T, input: listFilter, output: fileOutSchema },
  /** The county's 台账 (.xlsx, its columns): active children of these categories; default every category but none. */
  register: { access: T, input: z.object({ categories: z.array(childCategorySchema).min(1).nullish() }), output: fileOutSchema },
  /** What a print of the roster or of contact cards shows; printing personal data is audited like an export. */
  printData: {
    access: T,
    input: z.object({ kind: z.enum(['roster', 'cards']), filter: listFilter, ids: z.array(id).max(5000).nullish() }),
    output: z.array(printCardSchema),
    reads,
  },
});
