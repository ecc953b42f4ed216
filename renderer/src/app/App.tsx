import { useEffect } from 'react';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { theme } from '../theme.js';
import { applyLanguage } from '../i18n.js';
import { onServerEvent } from '../api.js';
import { useProcedure, useRefreshByTopic } from '../data/index.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { createQueryClient, setSession, useAppInfo, useSession } from './queries.js';
import { useErrorText } from './errors.js';
import { LockScreen } from './LockScreen.js';
import { LockOverlay } from './LockOverlay.js';
import { useDeskOwner } from './deskOwner.js';
import { DeskLayout } from './DeskLayout.js';
import { PageSuspense, SuspenseOutlet } from './PageLoader.js';
import * as pages from './pages.js';
import { RecoveryCodeNotice } from './RecoveryCodeNotice.js';

const queryClient = createQueryClient();

/** Which area the session may see: setup wizard, lock screen, kiosk, or the desk. */
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
  useRefreshByTopic({ ready: info.isSuccess && session.isSuccess, live: session.data?.mode === 'desk' && teacherId !== null });

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
  // While the lock screen waits for a PIN, the Today page's code is fetched, so the desk opens at once.
  const locked = session.data?.mode === 'desk' && teacherId === null;
  useEffect(() => {
    if (!locked) return;
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    idle(() => void pages.TodayPage.preload(), { timeout: 2000 });
  }, [locked]);

  if (health.data?.database === 'damaged') {
    return (
      <PageSuspense fullScreen>
        <pages.DamagedScreen />
      </PageSuspense>
    );
  }
  if (info.isPending || session.isPending || health.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (info.isError || session.isError) {
    return (
      <Center h="100vh" p="xl" role="alert">
        {errorText(info.error ?? session.error)}
      </Center>
    );
  }
  if (!info.data.setupDone) {
    return (
      <PageSuspense fullScreen>
        <pages.SetupWizard />
      </PageSuspense>
    );
  }
  if (session.data.mode === 'kiosk') {
    return (
      <PageSuspense fullScreen>
        <Routes>
          <Route path="/kiosk" element={<pages.KioskScreen />} />
          <Route path="*" element={<Navigate to="/kiosk" replace />} />
        </Routes>
      </PageSuspense>
    );
  }
  if (session.data.teacher === null && owner === null) return <LockScreen />;
  // Locked with a desk open: the lock screen covers it, and its teacher finds it as they left it.
  return (
    <>
      <Desk key={generation} />
      <RecoveryCodeNotice />
      {session.data.teacher === null && (
        <LockOverlay>
          <LockScreen deskOwner={owner} />
        </LockOverlay>
      )}
    </>
  );
}

/** The signed-in desk: its print pages, and every section in the desk's frame. */
function Desk() {
  return (
    <PageSuspense fullScreen>
      <Routes>
        <Route path="/print/cards" element={<pages.PrintCards />} />
        <Route path="/print/contact-cards" element={<pages.PrintContactCards />} />
        <Route path="/print/roster" element={<pages.PrintRoster />} />
        <Route path="/print/child-file" element={<pages.PrintChildFile />} />
        <Route path="/print/register" element={<pages.PrintRegister />} />
        <Route path="/print/labels" element={<pages.PrintLabels />} />
        <Route path="/print/overdue" element={<pages.PrintOverdue />} />
        <Route path="/print/birthdays" element={<pages.PrintGroupBirthdays />} />
        <Route path="/print/event" element={<pages.PrintEvent />} />
        <Route path="/print/summary" element={<pages.PrintSummary />} />
        <Route path="/print/pairings" element={<pages.PrintPairings />} />
        <Route path="/print/recovery" element={<pages.PrintRecoveryCode />} />
        <Route path="/print/rota" element={<pages.PrintRota />} />
        <Route element={<DeskLayout />}>
          <Route element={<SuspenseOutlet />}>
            <Route path="/settings" element={<pages.SettingsPage />} />
            <Route path="/children" element={<pages.ChildrenPage />} />
            <Route path="/children/new" element={<pages.ChildForm />} />
            <Route path="/children/import" element={<pages.ImportPage />} />
            <Route path="/children/:id" element={<pages.ChildPage />} />
            <Route path="/children/:id/edit" element={<pages.ChildForm />} />
            <Route path="/" element={<pages.TodayPage />} />
            <Route path="/attendance" element={<pages.AttendancePage />} />
            <Route path="/calls" element={<pages.CallsPage />} />
            <Route path="/birthdays" element={<pages.BirthdaysPage />} />
            <Route path="/events" element={<pages.EventsPage />} />
            <Route path="/events/:id" element={<pages.EventPage />} />
            <Route path="/summary" element={<pages.SummaryPage />} />
            <Route path="/care" element={<pages.CarePage />} />
            <Route path="/rota" element={<pages.RotaPage />} />
            <Route path="/library" element={<pages.LibraryPage />}>
              {/* The library's tabs stay on screen while one of its pages loads. */}
              <Route element={<SuspenseOutlet />}>
                <Route index element={<pages.LendingDesk />} />
                <Route path="books" element={<pages.CataloguePage />} />
                <Route path="books/:id" element={<pages.BookPage />} />
                <Route path="import" element={<pages.BookImportPage />} />
                <Route path="loans" element={<pages.LoansPage />} />
                <Route path="stats" element={<pages.StatsPage />} />
              </Route>
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Route>
      </Routes>
    </PageSuspense>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
        <Notifications position="top-center" />
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <HashRouter>
              <Gate />
            </HashRouter>
          </QueryClientProvider>
        </ErrorBoundary>
      </DatesProvider>
    </MantineProvider>
  );
}
