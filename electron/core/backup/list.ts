import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupPlace } from '../../../shared/domain/backups.js';
import type { BackupMeta } from './backup.js';
import { readHeader } from './crypto.js';
import { parseBackupName, SIDECAR, type ParsedName } from './files.js';

/** The app's backups go in `backups/` of the data folder, and in this folder inside the second place. */
export const LOCAL_FOLDER = 'backups';
export const SECOND_SUBFOLDER = 'ChildrensHomeDesk-backups';

export interface BackupFolder {
  place: BackupPlace;
  dir: string;
  /** The folder can be written now (a USB stick that is plugged in). */
  present: boolean;
}

/** True when `dir` exists, is a folder and can be written (a stick may be in, out, or write-protected). */
export function writableFolder(dir: string): boolean {
  try {
    if (!fs.statSync(dir).isDirectory()) return false;
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where backups are kept: the data folder's `backups/`, and the second folder's subfolder when one is set. */
export function backupFolders(dataDir: string, secondFolder: string | null): BackupFolder[] {
  const local = path.join(dataDir, LOCAL_FOLDER);
  const out: BackupFolder[] = [{ place: 'local', dir: local, present: true }];
  if (secondFolder) out.push({ place: 'second', dir: path.join(secondFolder, SECOND_SUBFOLDER), present: writableFolder(secondFolder) });
  return out;
}

export interface BackupFile extends ParsedName {
  place: BackupPlace;
  file: string;
}

/**
 * Every backup file the app can reach now, in every folder, newest first, with whether it is encrypted.
 * (Deleting a child removes them from these too; a second folder that is not present is not reachable.)
 */
export function listBackupFiles(folders: readonly BackupFolder[]): BackupFile[] {
  const out: BackupFile[] = [];
  for (const f of folders) {
    if (!f.present || !fs.existsSync(f.dir)) continue;
    for (const n of fs.readdirSync(f.dir)) {
      const parsed = parseBackupName(n);
      if (parsed) out.push({ ...parsed, place: f.place, file: path.join(f.dir, n) });
    }
  }
  return out.sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
}

function metaOf(b: BackupFile): BackupMeta | null {
  try {
    if (b.encrypted) return readHeader(b.file).meta;
    return JSON.parse(fs.readFileSync(b.file + SIDECAR, 'utf8')) as BackupMeta;
  } catch {
    return null;
  }
}

/** What the restore list shows of each backup: date, size, and its children, visits and calls. */
export function describe(b: BackupFile): BackupEntry {
  const meta = metaOf(b);
  const rows = (t: string) => (meta && typeof meta.tables[t] === 'number' ? meta.tables[t] : null);
  return {
    place: b.place,
    name: b.name,
    at: b.at,
    reason: b.reason,
    encrypted: b.encrypted,
    size: fs.statSync(b.file).size,
    children: rows('children'),
    visits: rows('visits'),
    calls: rows('calls'),
  };
}
