import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import type { BackupEntry, BackupHealth, BackupPlace, BackupSettings, BackupStatus } from '../../../shared/domain/backups.js';
import type { Clock } from '../clock.js';
import Database from 'better-sqlite3';
import { openChecked, openDatabase, type Db } from '../db/open.js';
import { latestVersion, migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { guardWrites, write } from '../db/write.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import type { StoredKey } from '../settings/settings.keys.js';
import { checkCopyAsync, takeBackup, type TakenBackup } from './backup.js';
import { checkInWorker } from './check.js';
import { decryptFile, deriveKey, encryptFile, isEncrypted, keyFor, readHeader, type DerivedKey } from './crypto.js';
import { commitFile, freeName, PARTIAL, removeWithCompanions } from './files.js';
import { backupFolders, describe, listBackupFiles, writableFolder, type BackupFile, type BackupFolder } from './list.js';
import { prune } from './retention.js';
import { Uploads } from './uploads.js';

export const DB_FILE = 'home.sqlite';

export type RestoreSource = { place: BackupPlace; name: string } | { upload: string } | { file: string };

/** What the last backup did, for Settings and the Today page (kept in memory: a failure must show even when the file cannot take a write). */
interface LastRun {
  at: number;
  error: string | null;
}

export interface VaultOptions {
  dataDir: string;
  clock: Clock;
  nativeBinding?: string;
  /** The data file opened for reading only (see OpenDbOptions.readonly): every write answers db.readOnly. */
  readOnly?: boolean;
}

const toStored = (k: DerivedKey): StoredKey => ({ salt: k.salt.toString('base64'), logN: k.logN, r: k.r, p: k.p, key: k.key.toString('base64') });
const fromStored = (k: StoredKey): DerivedKey => ({ salt: Buffer.from(k.salt, 'base64'), logN: k.logN, r: k.r, p: k.p, key: Buffer.from(k.key, 'base64') });

/**
 * The data file and its backups: opens the file (quick_check first; a damaged file stays read-only and
 * is never written to), migrates it after a checked backup, takes backups (daily, on close, on demand) into
 * the data folder and the second folder, and restores one in place of the file. Backups and a restore run
 * one at a time; the core rebuilds its services on the new file when `onReopen` fires.
 */
export function createVault({ dataDir, clock, nativeBinding, readOnly = false }: VaultOptions) {
  const file = path.join(dataDir, DB_FILE);
  const localDir = path.join(dataDir, 'backups');
  const uploads = new Uploads(dataDir);
  let db: Db;
  let damaged: string | null;
  let restoring = false;
  let checking = false;
  let ready: Promise<void> = Promise.resolve();
  let lastRun: LastRun | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const reopenListeners = new Set<() => void>();

  function settingsRepo() {
    return createSettingsRepo(db);
  }

  /** The version of the file as it is, read without changing anything; -1 when SQLite cannot read it. */
  function peekVersion(): number {
    if (!fs.existsSync(file)) return 0;
    let peek: Db | null = null;
    try {
      peek = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      return Number(peek.pragma('user_version', { simple: true }));
    } catch {
      return -1;
    } finally {
      peek?.close();
    }
  }

  /**
   * A file that needs migrating (or is new, or unreadable) is checked before anything is written, here and
   * now. The everyday open starts at once and checks in a worker thread: until the check answered, the core
   * holds every call that could write (`ready`), so a damaged file is still never written to.
   */
  function open(): void {
    fs.mkdirSync(dataDir, { recursive: true });
    const latest = latestVersion(migrations);
    const version = peekVersion();
    if (version === latest) {
      db = openDatabase(file, { maxVersion: latest, readonly: readOnly, ...(nativeBinding ? { nativeBinding } : {}) });
      // From here on only write() may write (guardWrites): nothing answers "saved" without a commit.
      guardWrites(db);
      damaged = null;
      checking = true;
      ready = checkAtStart();
      return;
    }
    const opened = openChecked(file, { maxVersion: latest, ...(nativeBinding ? { nativeBinding } : {}) });
    db = opened.db;
    damaged = opened.damaged;
    checking = false;
    ready = Promise.resolve();
    if (damaged) {
      console.error(`[backup] ${file} is damaged (${damaged}); opened read-only`);
      return;
    }
    try {
      const keep = tableExists('settings') ? settingsRepo().read(SETTING.backupKeep) : SETTING.backupKeep.fallback;
      migrate(db, migrations, { backupDir: localDir, now: clock.now, keep });
    } catch (err) {
      db.close();
      throw err;
    }
    guardWrites(db);
  }

  async function checkAtStart(): Promise<void> {
    const checkedDb = db;
    try {
      const r = await checkInWorker(file, { kind: 'quick_check', ...(nativeBinding ? { nativeBinding } : {}) });
      if (r.verdict !== 'ok' && db === checkedDb && db.open) {
        console.error(`[backup] ${file} is damaged (${r.verdict}); opened read-only`);
        db.close();
        db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
        damaged = r.verdict.slice(0, 200);
        for (const l of reopenListeners) l();
      }
    } catch (err) {
      // The check itself could not run (no worker threads?): say so, and go on as before the check existed.
      // (Unless the app closed meanwhile: then there is nothing to say.)
      if (db === checkedDb && db.open) console.error('[backup] the start-up check did not run:', err);
    } finally {
      checking = false;
    }
  }

  function tableExists(name: string): boolean {
    return db.prepare<[string], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
  }

  /** Runs `job` after every backup or restore before it: the file is never swapped under a running copy. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  function folders(): BackupFolder[] {
    return backupFolders(dataDir, damaged ? null : settingsRepo().read(SETTING.backupSecondFolder));
  }

  function storedKey(): DerivedKey | null {
    if (damaged) return null;
    const k = settingsRepo().read(SETTING.backupKey);
    return k ? fromStored(k) : null;
  }

  /** Copies a checked local backup to the second folder, encrypted when a key is set; checked again there. */
  async function toSecondFolder(taken: TakenBackup, folder: BackupFolder): Promise<void> {
    fs.mkdirSync(folder.dir, { recursive: true });
    const key = storedKey();
    const name = freeName(folder.dir, taken.meta.at, taken.meta.reason, key !== null);
    const tmp = path.join(folder.dir, name + PARTIAL);
    try {
      if (key) {
        await encryptFile(taken.file, tmp, key, taken.meta);
        await decryptFile(tmp, null, key);
      } else {
        await fs.promises.copyFile(taken.file, tmp);
        await checkCopyAsync(tmp, nativeBinding);
      }
      commitFile(tmp, path.join(folder.dir, name));
      if (!key) fs.copyFileSync(taken.file + '.json', path.join(folder.dir, name + '.json'));
    } catch (err) {
      removeWithCompanions(tmp);
      throw err;
    }
  }

  /**
   * One backup: into the data folder, then (when it is there) the second folder; each folder pruned by the
   * rule afterwards. A failure is remembered for the Today page and Settings, and thrown to a caller who asked.
   */
  function backup(reason: string): Promise<TakenBackup> {
    return serial(async () => {
      await ready;
      if (damaged) throw new AppError('db.corrupt');
      const now = clock.now;
      try {
        const keep = settingsRepo().read(SETTING.backupKeep);
        const taken = await takeBackup(db, localDir, reason, now);
        prune(localDir, keep, now());
        const second = folders().find((f) => f.place === 'second');
        if (second?.present) {
          await toSecondFolder(taken, second);
          prune(second.dir, keep, now());
          const at = taken.meta.at;
          write(db, () => settingsRepo().write(SETTING.backupLastOffsiteAt, at));
        }
        lastRun = { at: taken.meta.at, error: null };
        return taken;
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'backup.failed';
        lastRun = { at: now(), error: code };
        console.error('[backup] failed:', err);
        throw err instanceof AppError ? err : new AppError('backup.failed');
      }
    });
  }

  /** The first start of a local day takes the day's backup (by the core's clock; any backup of that day counts). */
  function hasBackupOn(day: string): boolean {
    return listBackupFiles(folders().filter((f) => f.place === 'local')).some((b) => dayjs(b.at).format('YYYY-MM-DD') === day);
  }

  function list(): BackupEntry[] {
    return listBackupFiles(folders()).map(describe);
  }

  function resolve(source: RestoreSource): string {
    if ('upload' in source) return uploads.file(source.upload);
    if ('file' in source) return path.resolve(source.file);
    const folder = folders().find((f) => f.place === source.place);
    const found = folder ? listBackupFiles([folder]).find((b) => b.name === source.name) : undefined;
    if (!found) throw new AppError('backup.notFound');
    return found.file;
  }

  /** The chosen backup as a checked plain file beside the data file, ready to be renamed over it. */
  async function stage(source: string, password: string | null): Promise<string> {
    const staged = path.join(dataDir, `${DB_FILE}.restore${PARTIAL}`);
    removeWithCompanions(staged);
    try {
      if (!fs.existsSync(source)) throw new AppError('backup.notFound');
      if (isEncrypted(source)) {
        const header = readHeader(source);
        await decryptFile(source, staged, await keyFor(header, password, storedKey()), header);
      } else {
        await fs.promises.copyFile(source, staged);
      }
      const copy = await checkCopyAsync(staged, nativeBinding);
      if (copy.userVersion > latestVersion(migrations)) throw new AppError('db.tooNew', { found: copy.userVersion, supported: latestVersion(migrations) });
      if (copy.userVersion === 0 || copy.tables.settings === undefined) throw new AppError('backup.damaged', { reason: 'notOurs' });
      return staged;
    } catch (err) {
      removeWithCompanions(staged);
      throw err;
    }
  }

  /**
   * Restores a backup: it is decrypted and checked first; the current file is saved aside (a backup with
   * reason before-restore, or the damaged file copied as it is); then the checked copy replaces the file
   * and the app reopens on it.
   */
  function restore(source: RestoreSource, password: string | null = null): Promise<void> {
    return serial(async () => {
      await ready;
      const from = resolve(source);
      const staged = await stage(from, password);
      restoring = true;
      try {
        if (damaged) {
          fs.mkdirSync(localDir, { recursive: true });
          // Read-only since it opened: nothing writes it, so a plain copy keeps it as it is for a later look.
          fs.copyFileSync(file, path.join(localDir, `damaged-${dayjs(clock.now()).format('YYYYMMDD-HHmmss')}.sqlite`));
        } else if (settingsRepo().read(SETTING.setupDoneAt) !== null) {
          // (A new PC's empty file, before the wizard, holds nothing to save.)
          await takeBackup(db, localDir, 'before-restore', clock.now);
        }
        db.close();
        for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
        commitFile(staged, file);
        open();
      } catch (err) {
        removeWithCompanions(staged);
        if (!db.open) open();
        throw err;
      } finally {
        restoring = false;
      }
      if ('upload' in source) uploads.remove(source.upload);
      for (const l of reopenListeners) l();
    });
  }

  function status(): BackupStatus {
    const s = settingsRepo();
    const warnDays = s.read(SETTING.backupWarnDays);
    const lastOffsiteAt = s.read(SETTING.backupLastOffsiteAt);
    const second = folders().find((f) => f.place === 'second');
    const newest = listBackupFiles(folders().filter((f) => f.place === 'local'))[0];
    const now = clock.now();
    // A clock set back makes the last copy look "in the future": that is not a recent copy either.
    const age = lastOffsiteAt === null ? Infinity : now - lastOffsiteAt;
    return {
      lastBackupAt: newest?.at ?? null,
      lastOffsiteAt,
      offsiteDays: lastOffsiteAt === null ? null : Math.max(0, Math.floor((now - lastOffsiteAt) / 86_400_000)),
      offsiteWarnDays: warnDays,
      offsiteOverdue: !(age >= 0 && age <= warnDays * 86_400_000),
      secondFolder: second ? path.dirname(second.dir) : null,
      secondFolderPresent: second?.present ?? false,
      lastError: lastRun?.error ? { at: lastRun.at, code: lastRun.error } : null,
    };
  }

  function health(): BackupHealth {
    if (!damaged) return { database: 'ok', checking, latestGood: null };
    const latest = listBackupFiles(folders()).find((b) => !b.encrypted) ?? null;
    return { database: 'damaged', checking, latestGood: latest ? describe(latest) : null };
  }

  function readSettings(): BackupSettings {
    const s = settingsRepo();
    return {
      keep: s.read(SETTING.backupKeep),
      secondFolder: s.read(SETTING.backupSecondFolder),
      offsiteWarnDays: s.read(SETTING.backupWarnDays),
      encrypted: s.read(SETTING.backupKey) !== null,
    };
  }

  open();

  return {
    get db(): Db {
      return db;
    },
    /**
     * Every backup file a deletion must clear: each one in the folders the app can reach now, plus the second
     * folder itself when it is set but not there (a USB stick at home), so the answer can name it as missing.
     */
    backupFiles(): string[] {
      const all = folders();
      return [...listBackupFiles(all).map((b) => b.file), ...all.filter((f) => !f.present).map((f) => f.dir)];
    },
    /** What quick_check found at open; null when the file is whole. */
    get damaged(): string | null {
      return damaged;
    },
    get restoring(): boolean {
      return restoring;
    },
    /** The start-up check is still running in its worker. */
    get checking(): boolean {
      return checking;
    },
    /** Resolves once the start-up check answered (at once when it ran before the file was opened). */
    get ready(): Promise<void> {
      return ready;
    },
    dataDir,
    uploads,
    backup,
    /** The day's backup at the first start of a local day; never throws (a failure shows in `status`). */
    async dailyIfDue(): Promise<TakenBackup | null> {
      try {
        await ready;
        if (damaged || !db.open || settingsRepo().read(SETTING.setupDoneAt) === null) return null;
        if (hasBackupOn(dayjs(clock.now()).format('YYYY-MM-DD'))) return null;
        return await backup('daily');
      } catch {
        // Remembered by `backup` for the Today page; the app goes on.
        return null;
      }
    },
    list,
    /** Every backup file the app can reach now (data folder and a present second folder), with whether it is encrypted. */
    files: (): BackupFile[] => listBackupFiles(folders()),
    /** The key of encrypted backups, to open them without asking (null when none is set). */
    storedKey,
    restore,
    status,
    health,
    readSettings,
    writableFolder,
    /** Derives and stores the key from a password the admin typed; null stops encrypting. The password itself is never kept. */
    async keyFromPassword(password: string | null): Promise<StoredKey | null> {
      return password === null ? null : toStored(await deriveKey(password));
    },
    onReopen(listener: () => void): () => void {
      reopenListeners.add(listener);
      return () => reopenListeners.delete(listener);
    },
    /** Waits for a running backup or restore and for the start-up check (its worker reads the file). */
    async settle(): Promise<void> {
      await Promise.all([queue, ready]);
    },
    close(): void {
      if (db.open) db.close();
      uploads.clear();
    },
  };
}

export type Vault = ReturnType<typeof createVault>;
