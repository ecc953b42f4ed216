import { createElement, lazy, useState, type ComponentType, type FunctionComponent, type ReactElement } from 'react';

type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

export type Page<P> = ((props: P) => ReactElement) & {
  /** Starts fetching the page's code now, so that showing it later does not wait. */
  preload(): Promise<unknown>;
  /** Whether the page's code is there: showing it now draws it at once. */
  isLoaded(): boolean;
};

/**
 * A component whose code is fetched the first time it is shown, or earlier by `preload()`. Once the code is
 * there it is drawn at once: a `React.lazy` component suspends the first time it is drawn even when its
 * module has long been fetched (its promise answers a tick later), and React then holds the content back
 * until 300 ms after the fallback showed (its throttle of revealed boundaries), which after a login cost
 * Today about 220 ms. Each instance keeps the component it started with, so one drawn through `lazy` is
 * never replaced (and its state lost) when the code arrives.
 */
export function loadable<K extends string, M extends { [k in K]: ComponentType<never> }>(load: () => Promise<M>, name: K): Page<PropsOf<M[K]>> {
  type C = ComponentType<PropsOf<M[K]>>;
  let loaded: C | undefined;
  const fetch = () =>
    load().then((m) => {
      loaded = m[name] as unknown as C;
      return m;
    });
  const viaLazy = lazy(async () => ({ default: (await fetch())[name] as unknown as C }));
  function Loadable(props: PropsOf<M[K]>): ReactElement {
    const [component] = useState<C>(() => loaded ?? (viaLazy as unknown as C));
    return createElement(component as FunctionComponent<object>, props as object);
  }
  Loadable.displayName = `Loadable(${name})`;
  return Object.assign(Loadable, { preload: fetch, isLoaded: () => loaded !== undefined });
}

// Pages whose code is fetched the first time they are shown. The start chunk holds the lock screen alone and
// the desk's frame comes with Shell.tsx: every section, print page, the kiosk and the wizard load on demand,
// and with them whatever they alone need (charts, barcodes, zod forms, lunar dates).

export const SetupWizard = loadable(() => import('./SetupWizard.js'), 'SetupWizard');
export const DamagedScreen = loadable(() => import('./DamagedScreen.js'), 'DamagedScreen');
export const KioskScreen = loadable(() => import('../kiosk/KioskScreen.js'), 'KioskScreen');

export const TodayPage = loadable(() => import('../features/today/TodayPage.js'), 'TodayPage');
export const SettingsPage = loadable(() => import('../features/settings/SettingsPage.js'), 'SettingsPage');
export const ChildrenPage = loadable(() => import('../features/children/ChildrenPage.js'), 'ChildrenPage');
export const ChildPage = loadable(() => import('../features/children/ChildPage.js'), 'ChildPage');
export const ChildForm = loadable(() => import('../features/children/ChildForm.js'), 'ChildForm');
export const ImportPage = loadable(() => import('../features/children/ImportPage.js'), 'ImportPage');
export const AttendancePage = loadable(() => import('../features/attendance/AttendancePage.js'), 'AttendancePage');
export const LibraryPage = loadable(() => import('../features/library/LibraryPage.js'), 'LibraryPage');
export const LendingDesk = loadable(() => import('../features/library/LendingDesk.js'), 'LendingDesk');
export const CataloguePage = loadable(() => import('../features/library/CataloguePage.js'), 'CataloguePage');
export const BookPage = loadable(() => import('../features/library/BookPage.js'), 'BookPage');
export const LoansPage = loadable(() => import('../features/library/LoansPage.js'), 'LoansPage');
export const StatsPage = loadable(() => import('../features/library/StatsPage.js'), 'StatsPage');
export const BookImportPage = loadable(() => import('../features/library/BookImportPage.js'), 'BookImportPage');
export const CallsPage = loadable(() => import('../features/calls/CallsPage.js'), 'CallsPage');
export const BirthdaysPage = loadable(() => import('../features/birthdays/BirthdaysPage.js'), 'BirthdaysPage');
export const EventsPage = loadable(() => import('../features/events/EventsPage.js'), 'EventsPage');
export const EventPage = loadable(() => import('../features/events/EventPage.js'), 'EventPage');
export const CarePage = loadable(() => import('../features/care/CarePage.js'), 'CarePage');
export const SummaryPage = loadable(() => import('../features/summary/SummaryPage.js'), 'SummaryPage');

export const PrintCards = loadable(() => import('../features/children/print/PrintCards.js'), 'PrintCards');
export const PrintContactCards = loadable(() => import('../features/children/print/PrintContactCards.js'), 'PrintContactCards');
export const PrintChildFile = loadable(() => import('../features/children/print/PrintChildFile.js'), 'PrintChildFile');
export const PrintRoster = loadable(() => import('../features/children/print/PrintRoster.js'), 'PrintRoster');
export const PrintRegister = loadable(() => import('../features/attendance/PrintRegister.js'), 'PrintRegister');
export const PrintLabels = loadable(() => import('../features/library/print/PrintLabels.js'), 'PrintLabels');
export const PrintOverdue = loadable(() => import('../features/library/print/PrintOverdue.js'), 'PrintOverdue');
export const PrintGroupBirthdays = loadable(() => import('../features/birthdays/PrintGroupBirthdays.js'), 'PrintGroupBirthdays');
export const PrintEvent = loadable(() => import('../features/events/PrintEvent.js'), 'PrintEvent');
export const PrintPairings = loadable(() => import('../features/care/PrintPairings.js'), 'PrintPairings');
export const PrintSummary = loadable(() => import('../features/summary/PrintSummary.js'), 'PrintSummary');
export const PrintRecoveryCode = loadable(() => import('../features/rota/PrintRecoveryCode.js'), 'PrintRecoveryCode');
export const PrintRota = loadable(() => import('../features/rota/PrintRota.js'), 'PrintRota');
export const RotaPage = loadable(() => import('../features/rota/RotaPage.js'), 'RotaPage');
