import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';

/**
 * Backup file names carry when and why: `home-20261128-090000-daily.sqlite` (the school's local time), or
 * `….sqlite.enc` when encrypted. A copy being written is `<name>.partial` and is renamed to its name only
 * once it has been checked and flushed, so a file with a backup's name is always whole.
 */
export const PREFIX = 'home-';
export const PLAIN = '.sqlite';
export const ENCRYPTED = '.sqlite.enc';
export const PARTIAL = '.partial';
/** Beside a plain backup: when, why and its counts, so the list need not open every file. */
export const SIDECAR = '.json';

/** Why a backup was taken. `before-migration-…` names carry the versions. */
export type Reason = string;
const REASON = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ParsedName {
  name: string;
  at: number;
  reason: Reason;
  encrypted: boolean;
}

export function backupName(at: number, reason: Reason, encrypted = false): string {
  if (!REASON.test(reason)) throw new Error(`backup reason ${reason}`);
  return `${PREFIX}${dayjs(at).format('YYYYMMDD-HHmmss')}-${reason}${encrypted ? ENCRYPTED : PLAIN}`;
}

const NAME = /^home-(\d{8})-(\d{6})-([a-z0-9-]+?)(?:-(\d+))?(\.sqlite(?:\.enc)?)$/;

/** A backup's name read back; anything else in the folder (the teacher's own files, partial copies) is null. */
export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, d, t, reason, , ext] = m as unknown as [string, string, string, string, string | undefined, string];
  const at = dayjs(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}`).valueOf();
  if (Number.isNaN(at)) return null;
  return { name, at, reason, encrypted: ext === ENCRYPTED };
}

/** The name in `dir` for a backup at `at`, with `-2`, `-3` … when two are taken in the same second. */
export function freeName(dir: string, at: number, reason: Reason, encrypted = false): string {
  const base = backupName(at, reason, encrypted);
  if (!fs.existsSync(path.join(dir, base))) return base;
  const ext = encrypted ? ENCRYPTED : PLAIN;
  for (let i = 2; ; i++) {
    const name = base.slice(0, -ext.length) + `-${i}` + ext;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder to flush it (its renames are journaled by NTFS). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes `tmp`, renames it to `final` and flushes the folder: after this `final` is whole on disk. */
export function commitFile(tmp: string, final: string): void {
  fsyncFile(tmp);
  fs.renameSync(tmp, final);
  fsyncDir(path.dirname(final));
}

/** The same for a large file, flushed off the main thread (a 300 MB copy takes seconds to reach the disk). */
export async function commitFileAsync(tmp: string, final: string): Promise<void> {
  const fh = await fs.promises.open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.promises.rename(tmp, final);
  fsyncDir(path.dirname(final));
}

/** Writes a small file the same way: never half-written under its name. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = file + PARTIAL;
  fs.writeFileSync(tmp, data);
  commitFile(tmp, file);
}

/** Removes a file and SQLite's companions of it, if any. */
export function removeWithCompanions(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}
