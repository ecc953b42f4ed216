import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../tests/helpers/core.js';
import { Uploads } from './uploads.js';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};

describe('an uploaded backup', () => {
  it('is put together from its pieces in order; a piece sent twice or out of place is refused', () => {
    dir = tempDataDir('home-desk-upload-');
    const uploads = new Uploads(dir);
    const bytes = randomBytes(10_000);
    const { id } = uploads.append(null, 0, bytes.subarray(0, 4000));
    expect(uploads.append(id, 4000, bytes.subarray(4000, 8000)).size).toBe(8000);
    expect(codeOf(() => uploads.append(id, 4000, bytes.subarray(4000, 8000)))).toBe('input.invalid');
    expect(uploads.append(id, 8000, bytes.subarray(8000)).size).toBe(10_000);
    expect(fs.readFileSync(uploads.file(id)).equals(bytes)).toBe(true);
    expect(codeOf(() => uploads.file('0'.repeat(32)))).toBe('backup.notFound');
    expect(codeOf(() => uploads.append('../../etc/passwd', 0, bytes))).toBe('backup.notFound');
    uploads.clear();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
