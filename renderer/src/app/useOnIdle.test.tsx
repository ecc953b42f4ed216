// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { useOnIdle } from './useOnIdle.js';

function Watch({ ms, onIdle }: { ms: number; onIdle: () => void }) {
  useOnIdle(ms, onIdle, ['pointerdown', 'keydown']);
  return null;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('useOnIdle', () => {
  it('fires once after the wait without activity, and each touch or key starts the wait again', async () => {
    const onIdle = vi.fn();
    render(<Watch ms={60_000} onIdle={onIdle} />);
    await wait(59_000);
    fireEvent.pointerDown(document.body);
    await wait(59_000);
    fireEvent.keyDown(document.body, { key: 'a' });
    await wait(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    await wait(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    await wait(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('is not fooled by events it does not watch', async () => {
    const onIdle = vi.fn();
    render(<Watch ms={10_000} onIdle={onIdle} />);
    await wait(9_000);
    fireEvent.scroll(document);
    await wait(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts the wait again when the wait changes (a confirmation shown for a few seconds)', async () => {
    const onIdle = vi.fn();
    const { rerender } = render(<Watch ms={60_000} onIdle={onIdle} />);
    await wait(50_000);
    fireEvent.pointerDown(document.body);
    rerender(<Watch ms={5_000} onIdle={onIdle} />);
    await wait(4_999);
    expect(onIdle).not.toHaveBeenCalled();
    await wait(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    fireEvent.pointerDown(document.body);
    rerender(<Watch ms={60_000} onIdle={onIdle} />);
    await wait(59_999);
    expect(onIdle).toHaveBeenCalledTimes(1);
    await wait(1);
    expect(onIdle).toHaveBeenCalledTimes(2);
  });
});
