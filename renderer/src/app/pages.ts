import { createElement, lazy, useState, type ComponentType, type FunctionComponent, type ReactElement } from 'react';

type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

type Page<P> = ((props: P) => ReactElement) & {
  /** Starts fetching the page's code now, so that showing it later does not wait. */
  preload(): Promise<unknown>;
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
  return Object.assign(Loadable, { preload: fetch });
}

/**
 * A page whose code is fetched the first time it is shown. The start chunk holds the lock screen alone and
 * the desk's frame comes with Shell.tsx: every section, print page, the kiosk and the wizard load on demand,
 * and with them whatever they alone need (charts, barcodes, zod forms, lunar dates).
 */
const page = loadable;

export const SetupWizard = page(() => import('./SetupWizard.js'), 'SetupWizard');
export const DamagedScreen = page(() => import('./DamagedScreen.js'), 'DamagedScreen');
export const KioskScreen = page(() => import('../kiosk/KioskScreen.js'), 'KioskScreen');

export const TodayPage = page(() => import('../features/today/TodayPage.js'), 'TodayPage');
export const SettingsPage = page(() => import('../features/settings/SettingsPage.js'), 'SettingsPage');
export const ChildrenPage = page(() => import('../features/children/ChildrenPage.js'), 'ChildrenPage');
export const ChildPage = page(() => import('../features/children/ChildPage.js'), 'ChildPage');
export const ChildForm = page(() => import('../features/children/ChildForm.js'), 'ChildForm');
export const ImportPage = page(() => import('../features/children/ImportPage.js'), 'ImportPage');
export const AttendancePage = page(() => import('../features/attendance/AttendancePage.js'), 'AttendancePage');
export const LibraryPage = page(() => import('../features/library/LibraryPage.js'), 'LibraryPage');
export const LendingDesk = page(() => import('../features/library/LendingDesk.js'), 'LendingDesk');
export const CataloguePage = page(() => import('../features/library/CataloguePage.js'), 'CataloguePage');
export const BookPage = page(() => import('../features/library/BookPage.js'), 'BookPage');
export const LoansPage = page(() => import('../features/library/LoansPage.js'), 'LoansPage');
export const StatsPage = page(() => import('../features/library/StatsPage.js'), 'StatsPage');
export const BookImportPage = page(() => import('../features/library/BookImportPage.js'), 'BookImportPage');
export const CallsPage = page(() => import('../features/calls/CallsPage.js'), 'CallsPage');
export const BirthdaysPage = page(() => import('../features/birthdays/BirthdaysPage.js'), 'BirthdaysPage');
export const EventsPage = page(() => import('../features/events/EventsPage.js'), 'EventsPage');
export const EventPage = page(() => import('../features/events/EventPage.js'), 'EventPage');
export const CarePage = page(() => import('../features/care/CarePage.js'), 'CarePage');
export const SummaryPage = page(() => import('../features/summary/SummaryPage.js'), 'SummaryPage');

export const PrintCards = page(() => import('../features/children/print/PrintCards.js'), 'PrintCards');
export const PrintContactCards = page(() => import('../features/children/print/PrintContactCards.js'), 'PrintContactCards');
export const PrintChildFile = page(() => import('../features/children/print/PrintChildFile.js'), 'PrintChildFile');
export const PrintRoster = page(() => import('../features/children/print/PrintRoster.js'), 'PrintRoster');
export const PrintRegister = page(() => import('../features/attendance/PrintRegister.js'), 'PrintRegister');
export const PrintLabels = page(() => import('../features/library/print/PrintLabels.js'), 'PrintLabels');
export const PrintOverdue = page(() => import('../features/library/print/PrintOverdue.js'), 'PrintOverdue');
export const PrintGroupBirthdays = page(() => import('../features/birthdays/PrintGroupBirthdays.js'), 'PrintGroupBirthdays');
export const PrintEvent = page(() => import('../features/events/PrintEvent.js'), 'PrintEvent');
export const PrintPairings = page(() => import('../features/care/PrintPairings.js'), 'PrintPairings');
export const PrintSummary = page(() => import('../features/summary/PrintSummary.js'), 'PrintSummary');
export const PrintRecoveryCode = page(() => import('../features/rota/PrintRecoveryCode.js'), 'PrintRecoveryCode');
export const PrintRota = page(() => import('../features/rota/PrintRota.js'), 'PrintRota');
export const RotaPage = page(() => import('../features/rota/RotaPage.js'), 'RotaPage');
