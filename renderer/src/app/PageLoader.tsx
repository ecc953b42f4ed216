import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './start.module.css';

/** How long a page's code may take before a spinner shows: a local fetch usually wins, and nothing flashes. */
const SPINNER_DELAY_MS = 300;

/**
 * Shown while a page's code (or the app's first answers) loads: an empty space, then a centered spinner if it
 * takes a while. Plain elements: it also shows before Mantine has loaded.
 */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), SPINNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className={classes.center} style={{ height: fullScreen ? '100vh' : 240 }} aria-busy="true" data-page-loading>
      {late && <div className={classes.spinner} role="progressbar" aria-label={t('common:loading')} />}
    </div>
  );
}

/** A boundary for pages loaded on demand; `fullScreen` for the ones outside the desk's frame. */
export function PageSuspense({ fullScreen = false, children }: { fullScreen?: boolean; children: ReactNode }) {
  return <Suspense fallback={<PageLoader fullScreen={fullScreen} />}>{children}</Suspense>;
}
