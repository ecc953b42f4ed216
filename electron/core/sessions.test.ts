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

describe('making room', () => {
  it('gives up only desks nobody signed in on: page loads never push out a signed-in desk, a kiosk, or a locked desk with work under it', () => {
    const store = new SessionStore();
    const signedIn = store.open('desk', 0);
    signedIn.teacher = { id: 1, name: '李校长', role: 'admin' };
    const kiosk = store.open('kiosk', 1);
    const lockedWithWork = store.open('desk', 2);
    lockedWithWork.teacher = { id: 2, name: '王老师', role: 'teacher' };
    lockedWithWork.teacher = null;
    const system = store.open('system', 3);
    const firstLoad = store.open('desk', 4);
    for (let i = 0; i < SessionStore.MAX + 20; i++) store.open('desk', 10 + i);
    for (const s of [signedIn, kiosk, lockedWithWork, system]) expect(store.get(s.id), s.mode).toBe(s);
    expect(store.get(firstLoad.id)).toBeUndefined();
    expect(store.all().filter((s) => s.teacher === null && s.mode === 'desk' && !s.signedInOnce && !s.system)).toHaveLength(SessionStore.MAX);
  });
});
