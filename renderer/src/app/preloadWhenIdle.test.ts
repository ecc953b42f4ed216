// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preloadWhenIdle } from './DeskLayout.js';

afterEach(() => vi.useRealTimers());

/** A load that answers when told, and says when it was asked. */
function load(log: string[], name: string) {
  let answer: () => void = () => undefined;
  const fn = vi.fn(() => {
    log.push(name);
    return new Promise<void>((r) => (answer = r));
  });
  return { fn, answer: () => answer() };
}

describe('preloadWhenIdle', () => {
  it('waits, then fetches one section at a time, the next only when the one before has come', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const a = load(log, 'a');
    const b = load(log, 'b');
    preloadWhenIdle([a.fn, b.fn], 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['a']);
    // b waits for a, however long a takes.
    await vi.advanceTimersByTimeAsync(5000);
    expect(log).toEqual(['a']);
    a.answer();
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['a', 'b']);
  });

  it('goes on after a chunk that failed to load, and fetches nothing more once stopped', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const failing = vi.fn(() => {
      log.push('failing');
      return Promise.reject(new Error('chunk'));
    });
    const b = load(log, 'b');
    const c = load(log, 'c');
    const stop = preloadWhenIdle([failing, b.fn, c.fn], 100);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['failing', 'b']);
    stop();
    b.answer();
    await vi.advanceTimersByTimeAsync(5000);
    expect(log).toEqual(['failing', 'b']);
  });

  it('fetches nothing when the desk closes before it began', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const a = load(log, 'a');
    preloadWhenIdle([a.fn], 1000)();
    await vi.advanceTimersByTimeAsync(5000);
    expect(a.fn).not.toHaveBeenCalled();
  });
});
