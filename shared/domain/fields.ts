import { z } from 'zod';
import { charLength, cleanLine, cleanNote, cleanPersonName, cleanText } from './text.js';
import { isDay } from './dates.js';
import type { Checked } from './normalize.js';

/** Turns a normalizer's result into a zod transform: its issue becomes a field issue. */
export function checked<I, O>(fn: (input: I) => Checked<O>) {
  return (input: I, ctx: z.RefinementCtx): O => {
    const r = fn(input);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: `validation:${r.issue.message}`, params: r.issue.params ?? {} });
    return z.NEVER;
  };
}

/**
 * Every string a procedure takes starts here (a test walks the contracts to hold it so): NUL and control
 * characters, lone surrogates and bidi controls are gone before any other check or transform sees it.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(cleanText);
}

/** An optional line of text: cleaned, blank allowed, at most `max` characters. */
export const optionalLine = (max: number) =>
  text()
    .nullish()
    .transform((s) => cleanLine(s ?? ''))
    .refine((s) => charLength(s) <= max, { error: 'validation:tooLong', params: { max } });

/** An optional note of several lines: cleaned, line breaks kept, at most `max` characters. */
export const optionalNote = (max: number) =>
  text()
    .nullish()
    .transform((s) => cleanNote(s ?? ''))
    .refine((s) => charLength(s) <= max, { error: 'validation:tooLong', params: { max } });

/**
 * Field schemas shared by forms and the core. Messages are i18n keys in the `validation` namespace,
 * prefixed `validation:` so `toFieldIssues` can tell them from zod's own.
 */

const tooLong = (max: number) => ({ error: 'validation:tooLong', params: { max } });

/** A required line of text: cleaned, not blank, at most `max` characters as a person counts them. */
export function requiredLine(max: number) {
  return text({ error: 'validation:required' })
    .transform(cleanLine)
    .refine((s) => s.length > 0, { error: 'validation:required' })
    .refine((s) => charLength(s) <= max, tooLong(max));
}

/** A person's name (see BAD-INPUTS 1–5, 8, 12). */
export function personName(max = 30) {
  return text({ error: 'validation:required' })
    .transform(cleanPersonName)
    .refine((s) => s.length > 0, { error: 'validation:required' })
    .refine((s) => charLength(s) <= max, tooLong(max));
}

/** A PIN: 4–8 digits; full-width digits typed with a Chinese IME count as digits. */
export const pin = text({ error: 'validation:required' })
  .transform((s) => s.normalize('NFKC').trim())
  .refine((s) => /^\d{4,8}$/.test(s), { error: 'validation:pin' });

/** A calendar day `YYYY-MM-DD` that exists. */
export const day = text({ error: 'validation:required' })
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { error: 'validation:required' })
  .refine(isDay, { error: 'validation:date' });

export const id = z.number({ error: 'validation:required' }).int().positive();

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const language = z.enum(languages, { error: 'validation:invalid' });

export const roles = ['admin', 'teacher'] as const;
export type Role = (typeof roles)[number];
export const role = z.enum(roles, { error: 'validation:invalid' });

/*
 * What answers are made of (the procedures' output schemas): plain checks, no transforms, so a
 * schema's type is both what a handler returns and what the caller receives.
 */

/** A calendar day as the core writes it, `YYYY-MM-DD`. */
export const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An instant, unix milliseconds. */
export const instant = z.number().int();
/** A count of things. */
export const count = z.number().int().nonnegative();
/** A grade (1–6) and a class number, as stored. */
export const grade = z.number().int().min(1).max(6);
export const classNo = z.number().int().min(1).max(30);
/** A calendar month, `YYYY-MM`. */
export const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
