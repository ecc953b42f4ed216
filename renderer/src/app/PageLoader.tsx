import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { Outlet } from 'react-router';

/** How long a page's code may take before a spinner shows: a local fetch usually wins, and nothing flashes. */
const SPINNER_DELAY_MS = 300;

/** Shown while a page's code loads: an empty space, then a centered spinner if it takes a while. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), SPINNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Center h={fullScreen ? '100vh' : 240} aria-busy="true" data-page-loading>
      {late && <Loader />}
    </Center>
  );
}

/** A boundary for pages loaded on demand; `fullScreen` for the ones outside the desk's frame. */
export function PageSuspense({ fullScreen = false, children }: { fullScreen?: boolean; children: ReactNode }) {
  return <Suspense fallback={<PageLoader fullScreen={fullScreen} />}>{children}</Suspense>;
}

/** A layout route that keeps the frame around it (navigation, tabs) on screen while a page loads. */
export function SuspenseOutlet() {
  return (
    <PageSuspense>
      <Outlet />
    </PageSuspense>
  );
}
