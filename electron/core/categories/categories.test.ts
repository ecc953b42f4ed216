import { afterEach, describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../tests/helpers/core.js';

let t: TestCore;
afterEach(() => t.cleanup());

/** The error payload of a rejected call. */
async function errorOf(p: Promise<unknown>): Promise<{ code: string; params?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return (err as { payload: { code: string; params?: Record<string, unknown> } }).payload;
  }
  throw new Error('no error');
}

const KINDS = [
  {
    domain: 'library',
    entity: 'category',
    usedBy: 'books',
    use: (id: number) => t.call('library.createBook', { book: { title: '小英雄雨来', categoryId: id }, copies: { count: 1 } }),
  },
  {
    domain: 'events',
    entity: 'eventCategory',
    usedBy: 'events',
    use: (id: number) =>
      t.call('events.create', {
        title: '志愿服务日',
        categoryId: id,
        startsAt: Date.parse('2026-12-05T15:00:00+08:00'),
        endsAt: Date.parse('2026-12-05T16:30:00+08:00'),
        grades: [1, 2, 3, 4, 5, 6],
      }),
  },
] as const;

describe.each(KINDS)('$domain categories (one service for books and events)', ({ domain, entity, usedBy, use }) => {
  it('add, rename, refuse a taken name, keep one in use, remove: each with its code and audit row', async () => {
    t = await makeSetUpCore();
    const before = await t.call(`${domain}.categories`);
    const added = await t.call(`${domain}.saveCategory`, { name: '志愿服务' });
    expect(added).toHaveLength(before.length + 1);
    const mine = added.at(-1)!;
    expect(mine.name).toBe('志愿服务');

    expect(await errorOf(t.call(`${domain}.saveCategory`, { name: '志愿服务' }))).toEqual({ code: `${domain}.duplicateCategory`, params: { name: '志愿服务' } });
    expect((await errorOf(t.call(`${domain}.saveCategory`, { id: 9999, name: '别的' }))).code).toBe(`${domain}.categoryNotFound`);
    expect((await errorOf(t.call(`${domain}.removeCategory`, { id: 9999 }))).code).toBe(`${domain}.categoryNotFound`);

    await use(mine.id);
    expect(await errorOf(t.call(`${domain}.removeCategory`, { id: mine.id }))).toEqual({ code: `${domain}.categoryInUse`, params: { [usedBy]: 1 } });

    // A renamed built-in category loses its key: the key would translate the old name.
    const renamed = await t.call(`${domain}.saveCategory`, { id: before[0]!.id, name: '改过的名字' });
    expect(renamed[0]).toMatchObject({ id: before[0]!.id, key: null, name: '改过的名字' });
    const left = await t.call(`${domain}.removeCategory`, { id: before.at(-1)!.id });
    expect(left.map((c) => c.id)).not.toContain(before.at(-1)!.id);

    const audit = (await t.call('audit.list', { limit: 20 })).filter((a) => a.entity === entity).reverse();
    expect(audit.map((a) => [a.action, a.entityId, JSON.parse(a.detail ?? 'null')])).toEqual([
      [`${domain}.category`, mine.id, { name: '志愿服务' }],
      [`${domain}.category`, before[0]!.id, { name: { from: before[0]!.name, to: '改过的名字' } }],
      [`${domain}.categoryRemove`, before.at(-1)!.id, { name: before.at(-1)!.name }],
    ]);
  });
});
