import { describe, expect, it } from 'vitest';
import { settableClock } from './clock.js';

describe('settableClock', () => {
  it('starts where told, runs at real speed and can be moved', () => {
    let real = 1_000;
    const clock = settableClock(50_000, () => real);
    expect(clock.now()).toBe(50_000);
    real += 250;
    expect(clock.now()).toBe(50_250);
    clock.set(90_000);
    expect(clock.now()).toBe(90_000);
  });
});
