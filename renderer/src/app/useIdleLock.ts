import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { setSession } from './queries.js';
import { useOnIdle, type ActivityEvent } from './useOnIdle.js';

const EVENTS: ActivityEvent[] = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'];

/**
 * Locks the desk after `minutes` without mouse or keyboard. The core keeps its own idle clock
 * (any call counts as activity), so a teacher who is reading but not clicking sends a heartbeat
 * at most once a minute to keep both clocks in step.
 */
export function useIdleLock(minutes: number): void {
  const client = useQueryClient();
  const { t } = useTranslation();
  const lastBeat = useRef(Date.now());

  useOnIdle(
    minutes * 60_000,
    () => {
      void api.auth.lock().then((view) => {
        setSession(client, view);
        notifications.show({ color: 'gray', message: t('auth:idleLocked') });
      });
    },
    EVENTS,
  );

  useEffect(() => {
    const onActivity = () => {
      // Often enough that the core's idle clock never runs ahead of ours by more than a quarter.
      if (Date.now() - lastBeat.current > Math.min(60_000, (minutes * 60_000) / 4)) {
        lastBeat.current = Date.now();
        void api.session.get().then((view) => {
          if (view.teacher === null) setSession(client, view);
        });
      }
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity);
    };
  }, [minutes, client]);
}
