import { useEffect, useRef } from 'react';
import { useIdle } from '@mantine/hooks';

export type ActivityEvent = keyof DocumentEventMap;

/**
 * Calls `onIdle` once `ms` have passed without any of `events`: the desk locks itself, the kiosk
 * goes back to its first screen. A new `ms` starts the wait again (the kiosk's short wait after a
 * confirmation). Built on Mantine's useIdle, so there is one idle clock in the app.
 */
export function useOnIdle(ms: number, onIdle: () => void, events: ActivityEvent[]): void {
  const idle = useIdle(ms, { events, initialState: false });
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (idle) latest.current();
  }, [idle]);
}
