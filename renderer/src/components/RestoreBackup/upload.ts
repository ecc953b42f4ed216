import { call } from '../../api.js';
import { fileToBase64 } from '../../files.js';
import { UPLOAD_PIECE } from '../../../../shared/api/backups.js';

/** Sends a chosen backup file to the core in pieces (a 10-year file is far larger than one call may carry); answers its upload id. */
export async function uploadBackup(file: File, onProgress: (done: number) => void): Promise<string> {
  let id: string | null = null;
  let offset = 0;
  do {
    const piece = file.slice(offset, offset + UPLOAD_PIECE);
    const r: { id: string; size: number } = await call('backups.upload', { id, offset, data: await fileToBase64(piece) });
    id = r.id;
    offset = r.size;
    onProgress(file.size === 0 ? 1 : offset / file.size);
  } while (offset < file.size);
  return id;
}
