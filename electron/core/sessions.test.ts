import { describe, expect, it } from 'vitest';
import { SessionStore } from './sessions.js';

describe('SessionStore', () => {
  it('forgets sessions idle for half a day and never holds more than MAX', () => {
    const store = new SessionStore();
    const old = store.open('desk', 0);
    const fresh = store.open('desk', SessionStore.IDLE_FORGET_MS);
    store.open('desk', SessionStore.IDLE_FORGET_MS + 1);
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(fresh.id)).toBeDefined();
    for (let i = 0; i < SessionStore.MAX * 2; i++) store.open('desk', SessionStore.IDLE_FORGET_MS + 2 + i);
    expect(store.all().length).toBeLessThanOrEqual(SessionStore.MAX);
  });
});
