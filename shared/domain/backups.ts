import { z } from 'zod';
import { instant } from './fields.js';

/** Where a backup is: the data folder on this PC, or the second folder (a USB stick, another disk). */
export const backupPlace = z.enum(['local', 'second']);
export type BackupPlace = z.infer<typeof backupPlace>;

const rows = z.number().int().nonnegative().nullable();

/** One backup in the restore list. Row counts are null when the file does not say (an older copy). */
export const backupEntrySchema = z.object({
  place: backupPlace,
  name: z.string(),
  at: instant,
  /** daily, close, manual, before-restore, before-migration-v…: translated by the UI. */
  reason: z.string(),
  encrypted: z.boolean(),
  size: z.number().int().nonnegative(),
  children: rows,
  visits: rows,
  calls: rows,
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** Before anyone signs in: is the data file whole? A damaged one is open read-only until a restore. */
export const backupHealthSchema = z.object({
  database: z.enum(['ok', 'damaged']),
  /** The start-up check is still running (in the background): ask again shortly. */
  checking: z.boolean(),
  /** The newest backup a damaged file can be restored from without a password; null when there is none. */
  latestGood: backupEntrySchema.nullable(),
});
export type BackupHealth = z.infer<typeof backupHealthSchema>;

/** What the Today page and Settings show of backups. */
export const backupStatusSchema = z.object({
  lastBackupAt: instant.nullable(),
  lastOffsiteAt: instant.nullable(),
  /** Whole days since then by the core's clock (0 when the clock reads earlier); null: never. */
  offsiteDays: z.number().int().nonnegative().nullable(),
  offsiteWarnDays: z.number().int().positive(),
  /** No backup outside this PC for longer than `offsiteWarnDays` (or never). */
  offsiteOverdue: z.boolean(),
  secondFolder: z.string().nullable(),
  secondFolderPresent: z.boolean(),
  /** The last automatic or manual backup that failed, until one succeeds. */
  lastError: z.object({ at: instant, code: z.string() }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const keepRuleSchema = z.object({
  days: z.number().int().min(1).max(60),
  weeks: z.number().int().min(0).max(52),
  months: z.number().int().min(0).max(120),
});

export const backupSettingsSchema = z.object({
  keep: keepRuleSchema,
  secondFolder: z.string().nullable(),
  offsiteWarnDays: z.number().int().min(1).max(365),
  /** A password is set: backups in the second folder are encrypted. */
  encrypted: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export type KeepRule = z.infer<typeof keepRuleSchema>;
export const DEFAULT_KEEP: KeepRule = { days: 7, weeks: 4, months: 12 };
