import { z } from 'zod';
import { domain, ok, topics } from './procedure.js';
import {
  backupEntrySchema,
  backupHealthSchema,
  backupPlace,
  backupSettingsSchema,
  backupStatusSchema,
  keepRuleSchema,
} from '../domain/backups.js';
import { text } from '../domain/fields.js';

/** A piece of an uploaded backup: 4 MiB of file (about 5.6 MB of JSON), well inside the web host's body limit. */
export const UPLOAD_PIECE = 4 * 1024 * 1024;

export const restoreSource = z.union([
  z.object({ place: backupPlace, name: text().min(1).max(200) }),
  z.object({ upload: text().regex(/^[0-9a-f]{32}$/) }),
]);

export const backupSettingsInput = z.object({
  keep: keepRuleSchema,
  /** An absolute folder (checked by the core); blank for none. */
  secondFolder: text()
    .max(500)
    .nullable()
    .transform((s) => (s === null || s.trim() === '' ? null : s.trim())),
  offsiteWarnDays: z.number({ error: 'validation:number' }).int().min(1, { error: 'validation:tooSmall' }).max(365, { error: 'validation:tooBig' }),
});

/** A restore replaces every row: every screen reads again. */
const everything = [...topics];

export const backups = domain('backups', {
  /** Before anyone signs in: is the data file whole, and which backup would mend it. */
  health: { access: 'any', input: z.object({}), output: backupHealthSchema, reads: ['backups'] },
  /** The Today page's warning and Settings' summary. */
  status: { access: 'teacher', input: z.object({}), output: backupStatusSchema, reads: ['backups', 'settings'] },
  list: { access: 'admin', input: z.object({}), output: z.array(backupEntrySchema), reads: ['backups'] },
  /** A backup now, to this PC and (when present) the second folder. */
  take: { access: 'admin', input: z.object({}), output: backupEntrySchema, changes: ['backups'] },
  settings: { access: 'admin', input: z.object({}), output: backupSettingsSchema, reads: ['backups', 'settings'] },
  setSettings: { access: 'admin', input: backupSettingsInput, output: backupSettingsSchema, changes: ['backups', 'settings'] },
  /** Sets (or with null, removes) the password of backups in the second folder. */
  setPassword: {
    access: 'admin',
    input: z.object({ password: text().min(8, { error: 'validation:passwordShort' }).max(200).nullable() }),
    output: backupSettingsSchema,
    changes: ['backups', 'settings'],
  },
  /** A backup file from this computer, in pieces; the first has `id` null and gets one. Before setup, or an admin. */
  upload: {
    access: 'desk',
    input: z.object({
      id: text().regex(/^[0-9a-f]{32}$/).nullable(),
      offset: z.number().int().nonnegative(),
      data: text().max(Math.ceil(UPLOAD_PIECE / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    output: z.object({ id: z.string(), size: z.number().int().nonnegative() }),
  },
  /** Restores a backup: the current file is saved aside first; then everyone is signed out. Before setup, or an admin. */
  restore: {
    access: 'desk',
    input: z.object({ source: restoreSource, password: text().max(200).nullable().default(null) }),
    output: ok,
    changes: everything,
  },
  /** Only while the data file is damaged: restores the newest backup that needs no password. */
  restoreLatest: { access: 'desk', input: z.object({}), output: ok, changes: everything },
});
