import { startTransition, useLayoutEffect, useState, type ReactElement, type ReactNode } from 'react';
import {
  createRoutesFromElements,
  matchRoutes,
  Navigate,
  Outlet,
  Route,
  Router,
  Routes,
  UNSAFE_createHashHistory as createHashHistory,
  useNavigate,
  useOutletContext,
  useRoutes,
  type Location,
  type NavigationType,
} from 'react-router';
import { notifications } from '@mantine/notifications';
import { Providers } from './Providers.js';
import { LockScreen } from './LockScreen.js';
import { LockOverlay } from './LockOverlay.js';
import { DeskLayout } from './DeskLayout.js';
import { PageSuspense } from './PageLoader.js';
import * as pages from './pages.js';
import type { Page } from './pages.js';
import { RecoveryCodeNotice } from './RecoveryCodeNotice.js';

/** What the Gate (App.tsx) shows once it needs more than the lock screen. */
export type ShellView =
  | { kind: 'damaged' }
  | { kind: 'setup' }
  | { kind: 'kiosk' }
  /** The desk of `generation` (a new one starts clean), under the lock screen while `locked`, for `owner`. */
  | { kind: 'desk'; generation: number; owner: number | null; locked: boolean };

/**
 * Everything but the start's lock screen: Mantine's providers and styles, the router, the desk, the
 * kiosk, the wizard and the damaged-file screen. Loaded on demand: on a cold start it is fetched while
 * the teacher picks a name on the lock screen, which the start chunk draws alone.
 */
export function Shell({ view }: { view: ShellView }) {
  return (
    <Providers>
      <ShellRouter>
        <ShellView view={view} />
      </ShellRouter>
    </Providers>
  );
}

/**
 * The address bar's hash as the router's location (what `HashRouter` does), with one difference: a navigation
 * whose pages' code is already there draws them at once, not in a transition. The teacher is waiting for that
 * page, and a transition drew it in 5 ms slices with a task between each: timed in pairs at 4× CPU throttling,
 * the children and rota pages came 85 and 165 ms sooner at once (medians of 16 and 12 pairs). A navigation that
 * must first fetch a page's code stays a transition, so the old page stays until the code is there: drawn at
 * once, it would show the page loader, and React holds a page back until 300 ms after its loader showed.
 */
function ShellRouter({ children }: { children: ReactNode }) {
  const [history] = useState(() => createHashHistory({ v5Compat: true }));
  const [state, setState] = useState<{ action: NavigationType; location: Location }>({ action: history.action, location: history.location });
  useLayoutEffect(
    () =>
      history.listen(({ action, location }) => {
        if (needsCode(location.pathname)) startTransition(() => setState({ action, location }));
        else setState({ action, location });
      }),
    [history],
  );
  return (
    <Router location={state.location} navigationType={state.action} navigator={history}>
      {children}
    </Router>
  );
}

/** Whether a desk address shows a page whose code has not been fetched yet. */
function needsCode(pathname: string): boolean {
  return (matchRoutes(DESK_ROUTES, pathname) ?? []).some(({ route }) => {
    const type = (route.element as ReactElement | null | undefined)?.type;
    return typeof type === 'function' && (type as Partial<Pick<Page<never>, 'isLoaded'>>).isLoaded?.() === false;
  });
}

function ShellView({ view }: { view: ShellView }) {
  switch (view.kind) {
    case 'damaged':
      return (
        <PageSuspense fullScreen>
          <pages.DamagedScreen />
        </PageSuspense>
      );
    case 'setup':
      return (
        <PageSuspense fullScreen>
          <pages.SetupWizard />
        </PageSuspense>
      );
    case 'kiosk':
      return (
        <PageSuspense fullScreen>
          <Routes>
            <Route path="/kiosk" element={<pages.KioskScreen />} />
            <Route path="*" element={<Navigate to="/kiosk" replace />} />
          </Routes>
        </PageSuspense>
      );
    case 'desk':
      // Locked with a desk open: the lock screen covers it, and its teacher finds it as they left it.
      return (
        <>
          <Desk key={view.generation} />
          <RecoveryCodeNotice />
          {view.locked && <DeskLock owner={view.owner} />}
        </>
      );
  }
}

/** The lock screen over the desk; another teacher signing in starts from Today with no old messages. */
function DeskLock({ owner }: { owner: number | null }) {
  const navigate = useNavigate();
  return (
    <LockOverlay>
      <LockScreen
        deskOwner={owner}
        onOtherTeacher={() => {
          notifications.clean();
          navigate('/', { replace: true });
        }}
      />
    </LockOverlay>
  );
}

/**
 * The signed-in desk's routes: its print pages, and every section in the desk's frame. Made once: a
 * `<Routes>` makes its route objects again from its children on every switch (about 16 ms of a
 * children-page switch in a profile at 4× CPU throttling).
 */
const DESK_ROUTES = createRoutesFromElements(
  <>
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
  </>,
);

/** The signed-in desk. */
function Desk() {
  const page = useRoutes(DESK_ROUTES);
  return <PageSuspense fullScreen>{page}</PageSuspense>;
}

/** A layout route that keeps the frame around it (navigation, tabs) on screen while a page loads; passes its outlet's context on. */
function SuspenseOutlet() {
  return (
    <PageSuspense>
      <Outlet context={useOutletContext()} />
    </PageSuspense>
  );
}
