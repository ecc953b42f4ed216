// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { procedureTable, topics, type Topic } from '../../../shared/api/index.js';
import type { CallResult, ServerEvent } from '../../../shared/api/wire.js';
import { call, onChanged, onServerEvent } from '../api.js';
import { procedureKey } from './procedures.js';
import { invalidateTopics, readsOf, topicRefresher } from './refresh.js';

/** A client holding fresh answers of three procedures: one reads library (and children), one calls, one terms. */
function clientWith(...keys: QueryKey[]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of keys) client.setQueryData(key, { fresh: true });
  return client;
}
const books = procedureKey('library.books', { q: '', categoryId: null, limit: 50 });
const calls = procedureKey('calls.list', { from: '2026-09-01', to: '2026-09-30' });
const terms = procedureKey('terms.list');
const stale = (client: QueryClient) =>
  [books, calls, terms].filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key[0]);

describe('refresh by topic', () => {
  it('invalidates exactly the queries whose procedure reads a changed topic', async () => {
    const changed = async (...t: Topic[]) => {
      const client = clientWith(books, calls, terms);
      await invalidateTopics(client, t, readsOf);
      return stale(client);
    };
    expect(await changed('library')).toEqual(['library.books']);
    expect(await changed('calls')).toEqual(['calls.list']);
    expect(await changed('terms')).toEqual(['terms.list']);
    // A child's record shows in the catalogue's borrowers and the call log alike.
    expect(await changed('children')).toEqual(['library.books', 'calls.list']);
    expect(await changed('settings', 'audit')).toEqual([]);
  });

  it('reads the table from the contracts themselves', async () => {
    for (const [name, p] of Object.entries(procedureTable)) expect(readsOf(name)).toEqual(p.reads ?? []);
    expect(readsOf('no.such')).toEqual([]);
  });

  it('leaves queries that are not procedures alone', async () => {
    const client = clientWith(['something-else'], books);
    await invalidateTopics(client, topics, readsOf);
    expect(client.getQueryState(['something-else'])?.isInvalidated).toBe(false);
    expect(client.getQueryState(books)?.isInvalidated).toBe(true);
  });
});

describe('the one subscriber', () => {
  let events: ((e: ServerEvent) => void) | null = null;
  let answer: CallResult = { ok: true, value: null };
  beforeEach(() => {
    window.api = {
      call: () => Promise.resolve(answer),
      on: (_type, listener) => {
        events = listener as (e: ServerEvent) => void;
        return () => (events = null);
      },
    };
  });
  afterEach(() => {
    delete window.api;
  });

  it("refreshes after this window's own call, from its changed topics", async () => {
    const client = clientWith(books, calls, terms);
    const refresh = topicRefresher(client);
    const off = onChanged(refresh);
    answer = { ok: true, value: { ok: true }, changed: ['calls'] };
    await call('calls.remove', { id: 1, reason: 'wrong child' });
    await settle();
    expect(stale(client)).toEqual(['calls.list']);
    off();
  });

  it("refreshes after another window's change, heard as a data event", async () => {
    const client = clientWith(books, calls, terms);
    const refresh = topicRefresher(client);
    const off = onServerEvent('data', (e) => refresh([e.topic]));
    events?.({ type: 'data', topic: 'library' });
    await settle();
    expect(stale(client)).toEqual(['library.books']);
    off();
  });

  it('waits for the reads table when a change comes before it loaded', async () => {
    const client = clientWith(books, calls, terms);
    let loaded!: (readsOf: (name: string) => readonly Topic[]) => void;
    const refresh = topicRefresher(client, () => new Promise((resolve) => (loaded = resolve)));
    refresh(['terms']);
    await settle();
    expect(stale(client)).toEqual([]);
    loaded((name) => (name === 'terms.list' ? ['terms'] : []));
    await settle();
    expect(stale(client)).toEqual(['terms.list']);
  });

  it('counts a topic heard twice in one task once', async () => {
    const client = clientWith(books, calls, terms);
    let invalidations = 0;
    const refresh = topicRefresher(client, () => (name) => (invalidations++, name === 'library.books' ? ['library'] : []));
    refresh(['library']);
    refresh(['library']);
    await settle();
    // One pass over the three queries, not two.
    expect(invalidations).toBe(3);
    expect(stale(client)).toEqual(['library.books']);
  });

  it('refreshes a burst of changes at once, then at most once per gap, and never drops the last change', async () => {
    const client = clientWith(books, calls, terms);
    let passes = 0;
    const refresh = topicRefresher(client, () => (name) => {
      if (name === 'library.books') passes++;
      return name === 'library.books' ? ['library'] : name === 'calls.list' ? ['calls'] : [];
    }, 1000);
    refresh(['library']);
    await settle();
    expect(passes).toBe(1);
    // Ten changes, each in its own task, well within the gap: nothing more yet.
    for (let i = 0; i < 10; i++) {
      refresh([i === 9 ? 'calls' : 'library']);
      await settle();
    }
    expect(passes).toBe(1);
    expect(stale(client)).toEqual(['library.books']);
    // Then one refresh with all they changed, the last change (calls) included.
    await new Promise((r) => setTimeout(r, 1100));
    expect(passes).toBe(2);
    expect(stale(client).sort()).toEqual(['calls.list', 'library.books']);
    // After a quiet spell a change refreshes at once again.
    await new Promise((r) => setTimeout(r, 1100));
    refresh(['library']);
    await settle();
    expect(passes).toBe(3);
    // Within the gap another window's change waits, and this window's own change takes it along at once.
    refresh(['calls']);
    await settle();
    expect(passes).toBe(3);
    refresh(['library'], true);
    await settle();
    expect(passes).toBe(4);
  });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
