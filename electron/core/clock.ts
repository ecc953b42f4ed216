/** The core never reads the system time directly: tests and demos set "now". */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that starts at `startAt` and then runs at real speed; `set` moves it. Used by tests
 * and the web host's `--now` flag to put the app on a chosen day.
 */
export function settableClock(startAt: number, real: () => number = Date.now): Clock & { set(ms: number): void } {
  let offset = startAt - real();
  return {
    now: () => real() + offset,
    set(ms: number) {
      offset = ms - real();
    },
  };
}
