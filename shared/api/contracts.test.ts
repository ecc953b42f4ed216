import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contracts, procedureTable, topics } from './index.js';

describe('the contracts', () => {
  it('are keyed by their wire names, <domain>.<key>', () => {
    for (const [key, p] of Object.entries(procedureTable)) {
      expect(p.name).toBe(key);
      expect(key).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
    expect(Object.keys(contracts).length).toBeGreaterThan(100);
  });

  it('describe every answer with a real schema', () => {
    // A custom schema (z.custom, z.any, z.unknown) checks nothing: every answer is described field by field.
    const unchecked = (schema: z.ZodType): boolean => {
      if (schema instanceof z.ZodCustom || schema instanceof z.ZodAny || schema instanceof z.ZodUnknown) return true;
      if (schema instanceof z.ZodArray) return unchecked(schema.element as z.ZodType);
      if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return unchecked(schema.unwrap() as z.ZodType);
      if (schema instanceof z.ZodObject) return Object.values(schema.shape as Record<string, z.ZodType>).some(unchecked);
      if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).some(unchecked);
      return false;
    };
    for (const p of Object.values(procedureTable)) expect(unchecked(p.output), p.name).toBe(false);
  });

  it('name only known topics, each once', () => {
    for (const p of Object.values(procedureTable)) {
      for (const t of [...(p.changes ?? []), ...(p.reads ?? [])]) expect(topics, p.name).toContain(t);
      expect(new Set(p.changes ?? []).size, p.name).toBe((p.changes ?? []).length);
      expect(new Set(p.reads ?? []).size, p.name).toBe((p.reads ?? []).length);
    }
  });

  it('let the kiosk change only visits and event sign-ups', () => {
    const kioskChanges = Object.values(procedureTable)
      .filter((p) => p.access === 'kiosk')
      .flatMap((p) => p.changes ?? []);
    expect(new Set(kioskChanges)).toEqual(new Set(['visits', 'events']));
  });
});
