export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

/**
 * When a lock stored as ending at `until` ends, seen at `now`; null when there is none. A lock never
 * lasts longer than LOCKOUT_MS from now: an end further away than that means the PC's clock was set back
 * after the lock began (a negative elapsed time is unknown, not "just locked"), and the lock is then
 * counted from now, in full — the caller writes that end back, so it does not slide.
 */
export function lockEnd(until: number | null, now: number): number | null {
  if (until === null || until <= now) return null;
  return Math.min(until, now + LOCKOUT_MS);
}
