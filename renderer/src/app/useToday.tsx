import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import type { Day } from '../../../shared/domain/dates.js';
import { useAppInfo } from './queries.js';

/**
 * The school's today as the core says it (its clock, the school's zone), or undefined until
 * app.info has answered. The PC's own clock never decides "today": callers wait (a loader, a
 * disabled control, a query not yet enabled) instead of guessing.
 */
export function useToday(): Day | undefined {
  return useAppInfo().data?.today;
}

/** Renders `children(today)` once the core's today is known, a loader until then. */
export function WhenToday({ children }: { children: (today: Day) => ReactNode }) {
  const today = useToday();
  return today === undefined ? (
    <Center p="md">
      <Loader size="sm" />
    </Center>
  ) : (
    children(today)
  );
}
