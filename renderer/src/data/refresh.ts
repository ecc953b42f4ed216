import { useEffect, useMemo } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Topic } from '../../../shared/api/index.js';
import { onChanged, onServerEvent } from '../api.js';

/** The topics a procedure's answer is made of: its contract's `reads` (none for a name no contract declares). */
export type ReadsOf = (name: string) => readonly Topic[];

/**
 * The refresh rule, the only one: every query whose procedure reads a changed topic is marked stale;
 * the ones on screen fetch again at once, the others when they are next shown.
 */
export function invalidateTopics(client: QueryClient, changed: Iterable<Topic>, readsOf: ReadsOf): Promise<void> {
  const topics = new Set(changed);
  return client.invalidateQueries({
    predicate: (q) => {
      const name = q.queryKey[0];
      return typeof name === 'string' && readsOf(name).some((t) => topics.has(t));
    },
  });
}

let loaded: ReadsOf | null = null;
let loading: Promise<ReadsOf> | null = null;

/**
 * The `reads` of every contract, from the contracts themselves. They come in their own chunk (zod, the
 * schemas and the domain code they pull in), fetched once the first screen shows, so the lock screen
 * does not wait for them.
 */
export function loadReads(): Promise<ReadsOf> {
  loading ??= import('../../../shared/api/index.js').then(
    ({ procedureTable, isProcedureName }) => (loaded = (name) => (isProcedureName(name) ? (procedureTable[name].reads ?? []) : [])),
    (err: unknown) => {
      loading = null; // Asked again at the next change.
      throw err;
    },
  );
  return loading;
}

/**
 * Refreshes by topic in one place. `changed(topics)` collects what changed until the current task ends,
 * then invalidates once: the data events of one change (one per topic) and topics named twice count once.
 */
export function topicRefresher(
  client: QueryClient,
  // Normally loaded long before: a change that comes first waits for the table.
  reads: () => ReadsOf | Promise<ReadsOf> = () => loaded ?? loadReads(),
): (topics: Iterable<Topic>) => void {
  let pending: Set<Topic> | null = null;
  const flush = async (topics: Set<Topic>) => invalidateTopics(client, topics, await reads());
  return (topics) => {
    if (!pending) {
      const batch = (pending = new Set());
      queueMicrotask(() => {
        pending = null;
        flush(batch).catch((err: unknown) => console.error(err));
      });
    }
    for (const t of topics) pending.add(t);
  };
}

const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
};

/**
 * At the app's root, once: refreshes the queries that read what this window's calls changed (their
 * `changed`) and, while `live` (a signed-in desk: the web host serves data events to no other session),
 * what other windows and tabs changed. `ready` once the first screen shows: then the reads table is fetched.
 */
export function useRefreshByTopic({ ready, live }: { ready: boolean; live: boolean }): void {
  const client = useQueryClient();
  const refresh = useMemo(() => topicRefresher(client), [client]);
  useEffect(() => onChanged(refresh), [refresh]);
  useEffect(() => (live ? onServerEvent('data', (e) => refresh([e.topic])) : undefined), [refresh, live]);
  useEffect(() => (ready ? whenIdle(() => void loadReads().catch((err: unknown) => console.error(err))) : undefined), [ready]);
}
