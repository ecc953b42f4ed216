import zh from '../../shared/i18n/locales/zh-CN/errors.json';
import en from '../../shared/i18n/locales/en/errors.json';
import { AppError } from '../../shared/errors.js';

type Messages = Record<string, unknown>;

function lookup(messages: Messages, code: string): string | null {
  let node: unknown = messages;
  for (const part of code.split('.')) node = typeof node === 'object' && node !== null ? (node as Messages)[part] : undefined;
  return typeof node === 'string' ? node : null;
}

const fill = (text: string, params: Record<string, unknown>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * The start-up failure as the teacher reads it, in Chinese then English, from the same translations as the UI:
 * never SQLite's own English text. Anything without a code of ours is `internal`.
 */
export function startupMessage(err: unknown): string {
  const code = err instanceof AppError ? err.code : 'internal';
  const params = (err instanceof AppError ? err.params : undefined) ?? {};
  const text = (messages: Messages) => fill(lookup(messages, code) ?? lookup(messages, 'internal')!, params);
  return `${text(zh)}\n${text(en)}`;
}
