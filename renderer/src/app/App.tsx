import { useEffect, useRef } from 'react';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { theme } from '../theme.js';
import { applyLanguage } from '../i18n.js';
import { onServerEvent } from '../api.js';
import { useRefreshByTopic } from '../data/index.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { createQueryClient, setSession, useAppInfo, useSession } from './queries.js';
import { useErrorText } from './errors.js';
import { SetupWizard } from './SetupWizard.js';
import { LockScreen } from './LockScreen.js';
import { DeskLayout } from './DeskLayout.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { KioskScreen } from '../kiosk/KioskScreen.js';
import { ChildrenPage } from '../features/children/ChildrenPage.js';
import { ChildPage } from '../features/children/ChildPage.js';
import { ChildForm } from '../features/children/ChildForm.js';
import { ImportPage } from '../features/children/ImportPage.js';
import { PrintCards } from '../features/children/print/PrintCards.js';
import { PrintRoster } from '../features/children/print/PrintRoster.js';
import { AttendancePage } from '../features/attendance/AttendancePage.js';
import { PrintRegister } from '../features/attendance/PrintRegister.js';
import { LibraryPage } from '../features/library/LibraryPage.js';
import { LendingDesk } from '../features/library/LendingDesk.js';
import { CataloguePage } from '../features/library/CataloguePage.js';
import { BookPage } from '../features/library/BookPage.js';
import { LoansPage } from '../features/library/LoansPage.js';
import { StatsPage } from '../features/library/StatsPage.js';
import { BookImportPage } from '../features/library/BookImportPage.js';
import { PrintLabels } from '../features/library/print/PrintLabels.js';
import { PrintOverdue } from '../features/library/print/PrintOverdue.js';
import { CallsPage } from '../features/calls/CallsPage.js';
import { BirthdaysPage } from '../features/birthdays/BirthdaysPage.js';
import { PrintGroupBirthdays } from '../features/birthdays/PrintGroupBirthdays.js';
import { TodayPage } from '../features/today/TodayPage.js';
import { EventsPage } from '../features/events/EventsPage.js';
import { EventPage } from '../features/events/EventPage.js';
import { PrintEvent } from '../features/events/PrintEvent.js';
import { SummaryPage } from '../features/summary/SummaryPage.js';
import { PrintSummary } from '../features/summary/PrintSummary.js';

const queryClient = createQueryClient();


/** Which area the session may see: setup wizard, lock screen, kiosk, or the desk. */
function Gate() {
  const info = useAppInfo();
  const session = useSession();
  const client = useQueryClient();
  const errorText = useErrorText();
  const language = info.data?.language;
  const teacherId = session.data?.teacher?.id ?? null;
  useRefreshByTopic({ ready: info.isSuccess && session.isSuccess, live: session.data?.mode === 'desk' && teacherId !== null });

  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);
  // Whatever one teacher loaded is dropped when another (or nobody) is signed in. Done while rendering,
  // before the desk's pages mount: in an effect it would also drop the queries the first page just started.
  const seenTeacher = useRef(teacherId);
  if (seenTeacher.current !== teacherId) {
    seenTeacher.current = teacherId;
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'app.info' && q.queryKey[0] !== 'session.get' });
  }
  useEffect(
    () =>
      onServerEvent('session', (event) => {
        setSession(client, event.view);
      }),
    [client],
  );

  if (info.isPending || session.isPending) {
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
  if (!info.data.setupDone) return <SetupWizard />;
  if (session.data.mode === 'kiosk') {
    return (
      <Routes>
        <Route path="/kiosk" element={<KioskScreen />} />
        <Route path="*" element={<Navigate to="/kiosk" replace />} />
      </Routes>
    );
  }
  if (session.data.teacher === null) return <LockScreen />;
  return (
    <Routes>
      <Route path="/print/cards" element={<PrintCards />} />
      <Route path="/print/roster" element={<PrintRoster />} />
      <Route path="/print/register" element={<PrintRegister />} />
      <Route path="/print/labels" element={<PrintLabels />} />
      <Route path="/print/overdue" element={<PrintOverdue />} />
      <Route path="/print/birthdays" element={<PrintGroupBirthdays />} />
      <Route path="/print/event" element={<PrintEvent />} />
      <Route path="/print/summary" element={<PrintSummary />} />
      <Route element={<DeskLayout />}>
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/children" element={<ChildrenPage />} />
        <Route path="/children/new" element={<ChildForm />} />
        <Route path="/children/import" element={<ImportPage />} />
        <Route path="/children/:id" element={<ChildPage />} />
        <Route path="/children/:id/edit" element={<ChildForm />} />
        <Route path="/" element={<TodayPage />} />
        <Route path="/attendance" element={<AttendancePage />} />
        <Route path="/calls" element={<CallsPage />} />
        <Route path="/birthdays" element={<BirthdaysPage />} />
        <Route path="/events" element={<EventsPage />} />
        <Route path="/events/:id" element={<EventPage />} />
        <Route path="/summary" element={<SummaryPage />} />
        <Route path="/library" element={<LibraryPage />}>
          <Route index element={<LendingDesk />} />
          <Route path="books" element={<CataloguePage />} />
          <Route path="books/:id" element={<BookPage />} />
          <Route path="import" element={<BookImportPage />} />
          <Route path="loans" element={<LoansPage />} />
          <Route path="stats" element={<StatsPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
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
