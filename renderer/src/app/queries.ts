import { QueryClient, QueryCache, MutationCache } from '@tanstack/react-query';
import { AppError } from '../../../shared/errors.js';
import type { SessionView } from '../../../shared/domain/types.js';
import { procedureKey, useProcedure } from '../data/index.js';

export function createQueryClient(): QueryClient {
  // A call refused because the desk locked itself (idle time, another window) shows the lock screen.
  const onError = (err: unknown) => {
    if (err instanceof AppError && err.code === 'auth.locked') void client.invalidateQueries({ queryKey: procedureKey('session.get') });
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
  return useProcedure('app.info');
}

export function useSession() {
  return useProcedure('session.get', {}, { staleTime: Infinity });
}

export function setSession(client: QueryClient, view: SessionView): void {
  client.setQueryData(procedureKey('session.get'), view);
}
