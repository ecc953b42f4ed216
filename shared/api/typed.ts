import { z } from 'zod';

const TYPED_ONLY = Symbol.for('home-desk.typedOnly');

/**
 * An answer described by its TypeScript type only: it carries the type to the client and checks nothing
 * at run time. A step on the way to a schema for every answer; `contracts.test.ts` counts what is left.
 */
export function typed<T>(): z.ZodType<T> {
  const schema = z.custom<T>(() => true);
  Object.defineProperty(schema, TYPED_ONLY, { value: true });
  return schema;
}

export function isTypedOnly(schema: z.ZodType): boolean {
  return (schema as unknown as Record<symbol, unknown>)[TYPED_ONLY] === true;
}

/** The answer of a procedure that only says it succeeded. */
export const ok = z.object({ ok: z.literal(true) });
