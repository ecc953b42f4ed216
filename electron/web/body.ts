import type http from 'node:http';
import { z } from 'zod';
import { procedureTable, isProcedureName } from '../../shared/api/index.js';
import { AppError } from '../../shared/errors.js';

/** What any call may send: a form, a list of ids, a long paragraph, with room to spare. */
export const SMALL_BODY = 1024 * 1024;
/** A procedure that takes a file (an .xlsx as base64) may send this much. */
export const FILE_BODY = 32 * 1024 * 1024;
/**
 * No input of ours is nested more than a few levels. JSON.parse of a body nested millions deep blocks
 * the host for seconds (and zod would recurse after it), so it is refused before either runs.
 */
export const MAX_DEPTH = 32;

/** The body a procedure may send: large only for one whose input has a string field that large (a file). */
export function bodyLimit(name: string): number {
  if (!isProcedureName(name)) return SMALL_BODY;
  const input = procedureTable[name].input;
  if (!(input instanceof z.ZodObject)) return SMALL_BODY;
  for (const field of Object.values(input.shape as Record<string, z.ZodType>)) {
    if (field instanceof z.ZodString && (field.maxLength ?? 0) > SMALL_BODY) return FILE_BODY;
  }
  return SMALL_BODY;
}

/** Reads the whole body, or rejects with `input.tooLarge` as soon as it passes `limit` bytes (no more is kept). */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const take = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      // The rest is read and dropped, so the caller can still answer (the connection then closes).
      req.off('data', take);
      chunks.length = 0;
      req.resume();
      reject(new AppError('input.tooLarge', { max: limit }));
    };
    req.on('data', take);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Whether JSON text nests arrays and objects deeper than `max`: one pass, brackets inside strings skipped. */
export function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** A body as a call's input: empty is `{}`; too deep is `input.tooDeep`; not JSON is `input.invalid`. */
export function parseBody(body: string): unknown {
  if (body.length === 0) return {};
  if (nestsDeeper(body, MAX_DEPTH)) throw new AppError('input.tooDeep', { max: MAX_DEPTH });
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new AppError('input.invalid');
  }
}
