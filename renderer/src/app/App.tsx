import { Suspense, useEffect, type ReactNode } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { applyLanguage } from '../i18n.js';
import { onServerEvent } from '../api.js';
import { prefetchProcedure, useProcedure, useRefreshByTopic } from '../data/index.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { createQueryClient, setSession, useAppInfo, useSession } from './queries.js';
import { useErrorText } from './errors.js';
import { LockScreen } from './LockScreen.js';
import { useDeskOwner } from './deskOwner.js';
import { PageLoader } from './PageLoader.js';
import * as pages from './pages.js';
import type { ShellView } from './Shell.js';
import classes from './start.module.css';

const queryClient = createQueryClient();

/**
 * The first answers are asked for together as this module runs, before React has drawn anything: the
 * school, the session, the start-up check and the teachers' names (a desk window starts locked; the kiosk's
 * window, on its own route, asks for no names). The Gate's queries below find them in the cache or on the
 * way; a lock screen shown later asks for the names again if this first answer was an error.
 */
function askEarly(): void {
  void prefetchProcedure(queryClient, 'app.info');
  void prefetchProcedure(queryClient, 'session.get');
  void prefetchProcedure(queryClient, 'backups.health');
  if (!window.location.hash.startsWith('#/kiosk')) void prefetchProcedure(queryClient, 'auth.lockList');
}
askEarly();

const Shell = pages.loadable(() => import('./Shell.js'), 'Shell');

/** The rest of the app in its own chunk (Shell.tsx), with a plain spinner while it loads. */
function InShell({ view }: { view: ShellView }): ReactNode {
  return (
    <Suspense fallback={<PageLoader fullScreen />}>
      <Shell view={view} />
    </Suspense>
  );
}

/**
 * Which area the session may see: setup wizard, lock screen, kiosk, or the desk. The start chunk holds this
 * and the lock screen only: a cold start draws the teachers' names without Mantine, and everything else
 * (Shell.tsx) loads on demand, on the lock screen while the teacher picks a name and types the PIN.
 */
function Gate() {
  const info = useAppInfo();
  const session = useSession();
  // The start-up check's verdict: a damaged file is read-only and only a restore is offered.
  // The check runs in the background after the lock screen is up: asked again each second until it answered.
  const health = useProcedure('backups.health', {}, { refetchInterval: (q) => (q.state.data?.checking ? 1000 : false) });
  const client = useQueryClient();
  const errorText = useErrorText();
  const language = info.data?.language;
  const teacherId = session.data?.teacher?.id ?? null;
  useRefreshByTopic({ live: session.data?.mode === 'desk' && teacherId !== null });

  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);
  const { owner, generation } = useDeskOwner(session.data?.mode, teacherId);
  useEffect(
    () =>
      onServerEvent('session', (event) => {
        setSession(client, event.view);
      }),
    [client],
  );
  // While the lock screen waits for a PIN, the desk's code and the Today page's are fetched, so it opens at once.
  const locked = session.data?.mode === 'desk' && teacherId === null;
  useEffect(() => {
    if (!locked) return;
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    // A chunk that fails to load here is reported when it is shown (the lazy Shell or page), not twice.
    idle(() => void Promise.all([Shell.preload(), pages.TodayPage.preload()]).catch(() => undefined), { timeout: 2000 });
  }, [locked]);

  if (health.data?.database === 'damaged') return <InShell view={{ kind: 'damaged' }} />;
  if (info.isPending || session.isPending || health.isPending) return <PageLoader fullScreen />;
  if (info.isError || session.isError) {
    return (
      <div className={classes.center} style={{ height: '100vh' }} role="alert">
        {errorText(info.error ?? session.error)}
      </div>
    );
  }
  if (!info.data.setupDone) return <InShell view={{ kind: 'setup' }} />;
  if (session.data.mode === 'kiosk') return <InShell view={{ kind: 'kiosk' }} />;
  if (session.data.teacher === null && owner === null) return <LockScreen />;
  return <InShell view={{ kind: 'desk', generation, owner, locked: session.data.teacher === null }} />;
}

export function App() {
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <Gate />
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
