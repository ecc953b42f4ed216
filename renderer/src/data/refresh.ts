import { useEffect, useMemo } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Topic } from '../../../shared/api/index.js';
import { onChanged, onServerEvent } from '../api.js';
import procedureReads from 'virtual:procedure-reads';

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

/**
 * The `reads` of every contract: a table of plain data the build takes from the contracts themselves
 * (`procedureReads` in electron.vite.config.mts), so the renderer evaluates no schema to refresh.
 */
export const readsOf: ReadsOf = (name) => (Object.hasOwn(procedureReads, name) ? procedureReads[name]! : []);

/** The shortest time between two refreshes while changes keep coming (a burst of kiosk taps, a 全部签退). */
export const REFRESH_GAP_MS = 250;

/**
 * Refreshes by topic in one place. `changed(topics)` collects what changed until the current task ends,
 * then invalidates once: the data events of one change (one per topic) and topics named twice count once.
 * A change after a quiet spell, or this window's own, refreshes at once; while other windows' changes keep
 * coming, what they changed is collected and refreshed at most once per `gapMs`, the last one included, so
 * a burst of 300 writes costs the page (and the core answering it) a few refreshes rather than 300.
 * `performance.now()` is monotonic: a clock set back cannot hold a refresh.
 */
export function topicRefresher(
  client: QueryClient,
  // A test may hand the table over later: a change that comes first waits for it.
  reads: () => ReadsOf | Promise<ReadsOf> = () => readsOf,
  gapMs = REFRESH_GAP_MS,
): (topics: Iterable<Topic>, now?: boolean) => void {
  let pending: { topics: Set<Topic>; timer: ReturnType<typeof setTimeout> | null } | null = null;
  let last = -Infinity;
  const flush = async (topics: Set<Topic>) => invalidateTopics(client, topics, await reads());
  const run = () => {
    const batch = pending!;
    pending = null;
    last = performance.now();
    flush(batch.topics).catch((err: unknown) => console.error(err));
  };
  // `now`: this window's own change (the teacher's click), refreshed at the end of the task whatever came
  // just before; what was waiting for the gap goes with it.
  return (topics, now = false) => {
    if (!pending) {
      const wait = now ? 0 : last + gapMs - performance.now();
      pending = { topics: new Set(), timer: wait > 0 ? setTimeout(run, wait) : null };
      if (wait <= 0) queueMicrotask(run);
    } else if (now && pending.timer !== null) {
      clearTimeout(pending.timer);
      pending.timer = null;
      queueMicrotask(run);
    }
    for (const t of topics) pending.topics.add(t);
  };
}

/**
 * At the app's root, once: refreshes the queries that read what this window's calls changed (their
 * `changed`) and, while `live` (a signed-in desk: the web host serves data events to no other session),
 * what other windows and tabs changed.
 */
export function useRefreshByTopic({ live }: { live: boolean }): void {
  const client = useQueryClient();
  const refresh = useMemo(() => topicRefresher(client), [client]);
  useEffect(() => onChanged((topics) => refresh(topics, true)), [refresh]);
  useEffect(() => (live ? onServerEvent('data', (e) => refresh([e.topic])) : undefined), [refresh, live]);
}
