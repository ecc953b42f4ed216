import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';

/** A backup file sent by the page in pieces (the wizard on a new PC, the desk's "restore from a file"). */
const MAX_UPLOAD = 4 * 1024 * 1024 * 1024;
const ID = /^[0-9a-f]{32}$/;

/**
 * Uploaded backups wait in the data folder under names of their own until they are restored or the app
 * closes. Pieces must come in order: each says where it starts, so a piece sent twice is not appended twice.
 */
export class Uploads {
  private readonly sizes = new Map<string, number>();

  constructor(private readonly dir: string) {}

  private path(id: string): string {
    return path.join(this.dir, `upload-${id}.partial`);
  }

  append(id: string | null, offset: number, data: Buffer): { id: string; size: number } {
    const key = id ?? randomBytes(16).toString('hex');
    if (!ID.test(key) || (id !== null && !this.sizes.has(key))) throw new AppError('backup.notFound');
    const size = id === null ? 0 : this.sizes.get(key)!;
    if (offset !== size) throw new AppError('input.invalid', { issues: [{ path: 'offset', message: 'invalid' }] });
    if (size + data.length > MAX_UPLOAD) throw new AppError('backup.damaged', { reason: 'tooLarge' });
    fs.mkdirSync(this.dir, { recursive: true });
    if (id === null) fs.writeFileSync(this.path(key), data);
    else fs.appendFileSync(this.path(key), data);
    this.sizes.set(key, size + data.length);
    return { id: key, size: size + data.length };
  }

  file(id: string): string {
    if (!ID.test(id) || !this.sizes.has(id)) throw new AppError('backup.notFound');
    return this.path(id);
  }

  remove(id: string): void {
    if (!ID.test(id)) return;
    this.sizes.delete(id);
    fs.rmSync(this.path(id), { force: true });
  }

  clear(): void {
    for (const id of [...this.sizes.keys()]) this.remove(id);
  }
}
