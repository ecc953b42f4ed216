import { describe, expect, it } from 'vitest';
import { contracts, procedureTable, topics } from './index.js';

describe('the contracts', () => {
  it('are keyed by their wire names, <domain>.<key>', () => {
    for (const [key, p] of Object.entries(procedureTable)) {
      expect(p.name).toBe(key);
      expect(key).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
    expect(Object.keys(contracts).length).toBeGreaterThan(100);
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
