import { z } from 'zod';
import { languages, type Language } from '../../../shared/domain/fields.js';
import { DEFAULT_HOURS, openingHours } from '../../../shared/domain/hours.js';
import { callRules, DEFAULT_CALL_RULES } from '../../../shared/domain/calls.js';
import { DEFAULT_RULES, libraryRules } from '../../../shared/domain/library.js';
import { DEFAULT_KEEP, keepRuleSchema } from '../../../shared/domain/backups.js';
import { careRules, DEFAULT_CARE_RULES } from '../../../shared/domain/care.js';

/** A backup key as stored: the scrypt salt and parameters and the derived key, base64 (never the password). */
const storedKey = z.object({ salt: z.string(), logN: z.number().int(), r: z.number().int(), p: z.number().int(), key: z.string() });
export type StoredKey = z.infer<typeof storedKey>;

/** One row of the `settings` table: its key, how its stored text reads back and is written, and its default. */
export interface Setting<T> {
  readonly key: string;
  readonly fallback: T;
  /** The stored text as a value, or undefined when it no longer reads as one. */
  parse(raw: string): T | undefined;
  format(value: T): string;
}

/** A value kept as plain text (a number as its digits), as the first versions stored them. */
function plain<T>(key: string, schema: z.ZodType<T>, fallback: T): Setting<T> {
  return {
    key,
    fallback,
    parse: (raw) => {
      const r = schema.safeParse(raw);
      return r.success ? r.data : undefined;
    },
    format: (value) => String(value),
  };
}

/** A value kept as JSON. A value that no longer parses (older shape, hand-edited file) reads as the default. */
function json<T>(key: string, schema: z.ZodType<T>, fallback: T): Setting<T> {
  return {
    key,
    fallback,
    parse: (raw) => {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return undefined;
      }
      const r = schema.safeParse(value);
      return r.success ? r.data : undefined;
    },
    format: (value) => JSON.stringify(value),
  };
}

/** Every setting the app keeps, with its stored key and its default: the one list of them. */
export const SETTING = {
  schoolName: plain('schoolName', z.string(), ''),
  roomName: plain('roomName', z.string(), ''),
  language: plain<Language>('language', z.enum(languages), 'zh-CN'),
  idleLockMinutes: plain('idleLockMinutes', z.coerce.number().int().positive(), 10),
  /** When the first-run wizard finished; only its presence matters. */
  setupDoneAt: plain<string | null>('setup.doneAt', z.string(), null),
  openingHours: json('openingHours', openingHours, DEFAULT_HOURS),
  callRules: json('callRules', callRules, DEFAULT_CALL_RULES),
  libraryRules: json('libraryRules', libraryRules, DEFAULT_RULES),
  careRules: json('care.rules', careRules, DEFAULT_CARE_RULES),
  /** Backups kept: the newest of each of the last N days, weeks and months (migration backups too). */
  backupKeep: json('backup.keep', keepRuleSchema, DEFAULT_KEEP),
  /** The second place for backups (a USB stick, another disk); null when none is set. */
  backupSecondFolder: json<string | null>('backup.secondFolder', z.string().min(1).nullable(), null),
  /** The Today page warns when the last backup outside this PC is older than this. */
  backupWarnDays: plain('backup.offsiteWarnDays', z.coerce.number().int().positive(), 7),
  /** When the last backup was written to the second folder. */
  backupLastOffsiteAt: plain<number | null>('backup.lastOffsiteAt', z.coerce.number().int(), null),
  /** The key that encrypts backups in the second folder, derived from the password the admin typed; null: not encrypted. */
  backupKey: json<StoredKey | null>('backup.key', storedKey.nullable(), null),
  /** Whether a child's 身份证号 is stored (off: the app keeps only the birth date and sex it derives). */
  keepIdNumbers: json('children.keepIdNumbers', z.boolean(), false),
  /** The recovery code's scrypt hash (as PINs are kept); null before setup made one. */
  recoveryHash: plain<string | null>('recovery.hash', z.string().startsWith('scrypt$'), null),
  /** When the wizard filled in the made-up school; removed by "start real use". */
  demoSeededAt: plain<number | null>('demo.seededAt', z.coerce.number().int(), null),
  /** The school's office and the room's phone, printed on the 联系卡. */
  schoolNumbers: json('school.numbers', z.object({ schoolPhone: z.string(), roomPhone: z.string() }), { schoolPhone: '', roomPhone: '' }),
};
