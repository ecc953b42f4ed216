import { afterEach, describe, expect, it } from 'vitest';
import { makeSetUpCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import { ROOM_SHOWN } from './today.handlers.js';

let t: TestCore;
afterEach(() => t.cleanup());

describe('today.overview', () => {
  it('counts everyone in the room and names the first to come in, up to ROOM_SHOWN', async () => {
    t = await makeSetUpCore();
    const kiosk = t.core.openSession('kiosk');
    const ids: number[] = [];
    for (let i = 0; i < ROOM_SHOWN + 2; i++) {
      const child = await t.call('children.create', { ...ZHANG, name: `孩子${i}` });
      ids.push(child.id);
      await t.call('kiosk.toggle', { childId: child.id }, kiosk);
      t.clock.set(t.clock.now() + 5_000);
    }
    // The last one in signs out again: it is no longer in the room. (The desk locked itself meanwhile.)
    t.clock.set(t.clock.now() + 30 * 60_000);
    await t.call('kiosk.toggle', { childId: ids.at(-1)! }, kiosk);
    await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
    const o = await t.call('today.overview');
    expect(o.inRoom.count).toBe(ROOM_SHOWN + 1);
    expect(o.inRoom.children.map((c) => c.id)).toEqual(ids.slice(0, ROOM_SHOWN));
  });
});
