import fs from 'node:fs';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors.js';
import type { BackupMeta } from './backup.js';

/**
 * An encrypted backup (`….sqlite.enc`), described in the README:
 *
 * | offset | bytes | what |
 * |---|---|---|
 * | 0 | 8 | magic `HDBACKUP` |
 * | 8 | 1 | format version (1) |
 * | 9 | 3 | scrypt log2(N), r, p |
 * | 12 | 16 | scrypt salt |
 * | 28 | 12 | AES-GCM IV (random per file) |
 * | 40 | 16 | key check: HMAC-SHA256(check key, "home-desk-backup") cut to 16 bytes |
 * | 56 | 4 | length L of the metadata (big-endian) |
 * | 60 | L | metadata JSON (when, why, rows per table): readable without the password, authenticated |
 * | 60+L | … | the database file, AES-256-GCM, with bytes 0…60+L as additional authenticated data |
 * | end−16 | 16 | GCM tag |
 *
 * scrypt(password, salt, 64 bytes) gives the AES key (first 32) and the check key (last 32): a wrong
 * password is told by the key check before anything is decrypted; a right one with a bad tag is a damaged file.
 */
const MAGIC = Buffer.from('HDBACKUP', 'ascii');
const VERSION = 1;
const FIXED = 60;
const TAG = 16;
const CHECK_TEXT = 'home-desk-backup';
/** 2^15 × 8 × 128 bytes = 32 MiB and about 0.1 s: costly to guess, fine on an old PC. */
export const SCRYPT = { logN: 15, r: 8, p: 1 } as const;

export interface DerivedKey {
  salt: Buffer;
  logN: number;
  r: number;
  p: number;
  /** 64 bytes: the AES key, then the check key. */
  key: Buffer;
}

export function deriveKey(password: string, salt: Buffer = randomBytes(16), params: { logN: number; r: number; p: number } = SCRYPT): Promise<DerivedKey> {
  const N = 2 ** params.logN;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 64, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve({ salt, ...params, key }),
    );
  });
}

const keyCheck = (k: DerivedKey) => createHmac('sha256', k.key.subarray(32)).update(CHECK_TEXT).digest().subarray(0, 16);

export interface Header {
  salt: Buffer;
  logN: number;
  r: number;
  p: number;
  iv: Buffer;
  check: Buffer;
  meta: BackupMeta;
  /** Bytes before the ciphertext. */
  length: number;
  raw: Buffer;
}

/** The header of an encrypted backup, or `backup.damaged` when the file is not one. */
export function readHeader(file: string): Header {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const fixed = Buffer.alloc(FIXED);
    if (size < FIXED + TAG || fs.readSync(fd, fixed, 0, FIXED, 0) !== FIXED || !fixed.subarray(0, 8).equals(MAGIC)) {
      throw new AppError('backup.damaged', { reason: 'notEncryptedBackup' });
    }
    if (fixed[8] !== VERSION) throw new AppError('backup.damaged', { reason: 'version', version: fixed[8]! });
    const metaLength = fixed.readUInt32BE(56);
    if (metaLength > 1024 * 1024 || FIXED + metaLength + TAG > size) throw new AppError('backup.damaged', { reason: 'header' });
    const metaBytes = Buffer.alloc(metaLength);
    fs.readSync(fd, metaBytes, 0, metaLength, FIXED);
    let meta: BackupMeta;
    try {
      meta = JSON.parse(metaBytes.toString('utf8')) as BackupMeta;
    } catch {
      throw new AppError('backup.damaged', { reason: 'header' });
    }
    return {
      logN: fixed[9]!,
      r: fixed[10]!,
      p: fixed[11]!,
      salt: fixed.subarray(12, 28),
      iv: fixed.subarray(28, 40),
      check: fixed.subarray(40, 56),
      meta,
      length: FIXED + metaLength,
      raw: Buffer.concat([fixed, metaBytes]),
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `file` starts like an encrypted backup (whatever its name). */
export function isEncrypted(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    return fs.readSync(fd, head, 0, 8, 0) === 8 && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** Encrypts the checked backup `src` into `dst` (the caller names it `.partial` and renames it once flushed). */
export async function encryptFile(src: string, dst: string, key: DerivedKey, meta: BackupMeta): Promise<void> {
  const iv = randomBytes(12);
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const fixed = Buffer.alloc(FIXED);
  MAGIC.copy(fixed, 0);
  fixed[8] = VERSION;
  fixed[9] = key.logN;
  fixed[10] = key.r;
  fixed[11] = key.p;
  key.salt.copy(fixed, 12);
  iv.copy(fixed, 28);
  keyCheck(key).copy(fixed, 40);
  fixed.writeUInt32BE(metaBytes.length, 56);
  const header = Buffer.concat([fixed, metaBytes]);
  const cipher = createCipheriv('aes-256-gcm', key.key.subarray(0, 32), iv);
  cipher.setAAD(header);
  const out = fs.createWriteStream(dst);
  out.write(header);
  await pipeline(fs.createReadStream(src), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), () => resolve()).on('error', reject));
}

/** The key for `header`: the stored one when its salt and parameters match, else derived from the password. */
export async function keyFor(header: Header, password: string | null, stored: DerivedKey | null): Promise<DerivedKey> {
  const params = { logN: header.logN, r: header.r, p: header.p };
  if (password === null || password === '') {
    if (stored && stored.salt.equals(header.salt) && stored.logN === header.logN && stored.r === header.r && stored.p === header.p) {
      if (timingSafeEqual(keyCheck(stored), header.check)) return stored;
    }
    throw new AppError('backup.needsPassword');
  }
  if (params.logN < 10 || params.logN > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 4) {
    throw new AppError('backup.damaged', { reason: 'params' });
  }
  const key = await deriveKey(password, Buffer.from(header.salt), params);
  if (!timingSafeEqual(keyCheck(key), header.check)) throw new AppError('backup.wrongPassword');
  return key;
}

/**
 * Decrypts `src` into `dst`. The tag is checked at the end: the caller must treat `dst` as unchecked until
 * this resolved (it writes a `.partial` name). A right password on a file changed since is `backup.damaged`.
 * With `dst` null the file is only verified.
 */
export async function decryptFile(src: string, dst: string | null, key: DerivedKey, header: Header = readHeader(src)): Promise<void> {
  const size = fs.statSync(src).size;
  const tag = Buffer.alloc(TAG);
  const fd = fs.openSync(src, 'r');
  fs.readSync(fd, tag, 0, TAG, size - TAG);
  fs.closeSync(fd);
  const decipher = createDecipheriv('aes-256-gcm', key.key.subarray(0, 32), header.iv);
  decipher.setAAD(header.raw);
  decipher.setAuthTag(tag);
  const sink = dst
    ? fs.createWriteStream(dst)
    : new Transform({
        transform: (_chunk, _enc, done) => done(),
      }).resume();
  try {
    await pipeline(fs.createReadStream(src, { start: header.length, end: size - TAG - 1 }), decipher, sink);
  } catch (err) {
    if (err instanceof Error && /auth|unable to authenticate/i.test(err.message)) throw new AppError('backup.damaged', { reason: 'tag' });
    throw err;
  }
}
