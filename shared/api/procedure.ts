import type { z } from 'zod';

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

export interface Procedure<N extends string = string, I extends z.ZodType = z.ZodType, O = unknown> {
  readonly name: N;
  readonly access: Access;
  readonly input: I;
  /** Phantom: the handler's result type, carried to the typed client. Never set at run time. */
  readonly __output?: O;
}

/** Declares a procedure: `procedure<Output>()({ name, access, input })`. */
export function procedure<O>() {
  return <const N extends string, I extends z.ZodType>(def: { name: N; access: Access; input: I }): Procedure<N, I, O> =>
    def;
}

export type InputOf<P> = P extends Procedure<string, infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<P> = P extends Procedure<string, infer I, unknown> ? z.output<I> : never;
export type OutputOf<P> = P extends Procedure<string, z.ZodType, infer O> ? O : never;
