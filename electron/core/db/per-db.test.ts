import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.js';
import { oncePerDb } from './per-db.js';

describe('oncePerDb', () => {
  it('builds once per database and again for another one', () => {
    let built = 0;
    const repoOf = oncePerDb((db) => ({ db, n: ++built }));
    const a = openDatabase(':memory:');
    const b = openDatabase(':memory:');
    expect(repoOf(a)).toBe(repoOf(a));
    expect(repoOf(b)).not.toBe(repoOf(a));
    expect(built).toBe(2);
    a.close();
    b.close();
  });
});
