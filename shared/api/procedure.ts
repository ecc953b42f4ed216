import { z } from 'zod';

/**
 * Who may call a procedure. The core compares it with the caller's session:
 *
 * | session \ access | any | desk | kiosk | teacher | admin |
 * |------------------|-----|------|-------|---------|-------|
 * | locked desk      |  ✓  |  ✓   |       |         |       |
 * | kiosk            |  ✓  |      |   ✓   |         |       |
 * | teacher          |  ✓  |  ✓   |   ✓   |    ✓    |       |
 * | admin            |  ✓  |  ✓   |   ✓   |    ✓    |   ✓   |
 *
 * `any` is only for what every screen needs before it knows who it is (the session, the app's
 * names and language); `desk` is the lock screen and the first-run wizard, never reachable from the kiosk.
 */
export type Access = 'any' | 'desk' | 'kiosk' | 'teacher' | 'admin';

/**
 * The kinds of data a screen shows. A procedure that `changes` a topic refreshes, after it succeeded,
 * every query of a procedure that `reads` it — in this window, and (through the core's data events)
 * in every other window and tab.
 */
export const topics = [
  'app',
  'settings',
  'teachers',
  'terms',
  'audit',
  'children',
  'visits',
  'library',
  'calls',
  'birthdays',
  'events',
  'summary',
  'backups',
  'care',
  'rota',
] as const;
export type Topic = (typeof topics)[number];

/** Everything about one procedure except its name, which is its key in its domain. */
export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly access: Access;
  /** Parsed by the core before the handler runs. */
  readonly input: I;
  /** What the handler answers; the core checks it in tests and development builds. */
  readonly output: O;
  /** What the procedure's success changes. */
  readonly changes?: readonly Topic[];
  /** What the procedure's answer is made of (for queries). */
  readonly reads?: readonly Topic[];
}

export interface Procedure<N extends string = string, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType>
  extends ProcedureDef<I, O> {
  /** The wire name, `<domain>.<key>`. */
  readonly name: N;
}

/** A domain's procedures, keyed by their wire names. */
export type Domain<D extends string, P extends Record<string, ProcedureDef>> = {
  readonly [K in keyof P & string as `${D}.${K}`]: P[K] & { readonly name: `${D}.${K}` };
};

/**
 * Declares the procedures of one domain, each once: `domain('library', { return: { access, input, output, changes } })`
 * is the procedure `library.return`. The contracts table, both transports, the typed client, the renderer's
 * refresh and the command line's `--list` are all derived from these declarations.
 */
export function domain<const D extends string, const P extends Record<string, ProcedureDef>>(name: D, procedures: P): Domain<D, P> {
  const out: Record<string, Procedure> = {};
  for (const [key, def] of Object.entries(procedures)) out[`${name}.${key}`] = { ...def, name: `${name}.${key}` };
  return out as Domain<D, P>;
}

export type InputOf<P> = P extends ProcedureDef<infer I, z.ZodType> ? z.input<I> : never;
export type ParsedInputOf<P> = P extends ProcedureDef<infer I, z.ZodType> ? z.output<I> : never;
/** What the handler returns (before any output transform). */
export type HandlerOutputOf<P> = P extends ProcedureDef<z.ZodType, infer O> ? z.input<O> : never;
/** What the caller receives. */
export type OutputOf<P> = P extends ProcedureDef<z.ZodType, infer O> ? z.output<O> : never;

/** The answer of a procedure that only says it succeeded. */
export const ok = z.object({ ok: z.literal(true) });
