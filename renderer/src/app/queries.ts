import { QueryClient, QueryCache, MutationCache, useQuery } from '@tanstack/react-query';
import { AppError } from '../../../shared/errors.js';
import type { SessionView } from '../../../shared/domain/types.js';
import { api } from '../api.js';

export const keys = {
  info: ['app.info'] as const,
  session: ['session.get'] as const,
  teachers: ['teachers.list'] as const,
  lockList: ['auth.lockList'] as const,
  settings: ['settings.get'] as const,
  terms: ['terms.list'] as const,
  audit: ['audit.list'] as const,
};

export function createQueryClient(): QueryClient {
  // A call refused because the desk locked itself (idle time, another window) shows the lock screen.
  const onError = (err: unknown) => {
    if (err instanceof AppError && err.code === 'auth.locked') void client.invalidateQueries({ queryKey: keys.session });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

export function useAppInfo() {
  return useQuery({ queryKey: keys.info, queryFn: () => api.app.info() });
}

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: () => api.session.get(), staleTime: Infinity });
}

export function setSession(client: QueryClient, view: SessionView): void {
  client.setQueryData(keys.session, view);
}

/** After a child's record changes: every list that shows children (birthdays, calls, the Today page …). */
export const isChildDataQuery = (q: { queryKey: readonly unknown[] }): boolean =>
  /^(children|birthdays|calls|today|events|library|attendance)\./.test(String(q.queryKey[0]));
