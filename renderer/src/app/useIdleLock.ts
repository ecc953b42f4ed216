import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { setSession } from './queries.js';
import type { ActivityEvent } from './useOnIdle.js';
import { keepsAwake } from './unsaved.js';

const EVENTS: ActivityEvent[] = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'];

/**
 * Locks the desk after `minutes` without mouse or keyboard, unless something keeps it awake (a call
 * timer running). The core keeps its own idle clock (any call counts as activity), so a teacher who is
 * reading but not clicking, or on a long call, sends a heartbeat often enough to keep both clocks in step.
 * Idle time is measured on the monotonic clock: a PC clock set back must not keep the desk open.
 */
export function useIdleLock(minutes: number, locked: boolean): void {
  const client = useQueryClient();
  const { t } = useTranslation();
  const text = useRef(t);
  text.current = t;

  useEffect(() => {
    if (locked) return;
    const limit = minutes * 60_000;
    // Often enough that the core's idle clock never runs ahead of ours by more than a quarter.
    const beatEvery = Math.min(60_000, limit / 4);
    let last = performance.now();
    let lastBeat = last;
    const beat = (now: number) => {
      lastBeat = now;
      void api.session.get().then((view) => {
        if (view.teacher === null) setSession(client, view);
      });
    };
    const onActivity = () => {
      last = performance.now();
      if (last - lastBeat > beatEvery) beat(last);
    };
    const tick = setInterval(() => {
      const now = performance.now();
      if (keepsAwake()) {
        last = now;
        if (now - lastBeat >= beatEvery) beat(now);
        return;
      }
      if (now - last < limit) return;
      clearInterval(tick);
      void api.auth.lock().then((view) => {
        setSession(client, view);
        notifications.show({ color: 'gray', message: text.current('auth:idleLocked') });
      });
    }, 1000);
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      clearInterval(tick);
      for (const e of EVENTS) window.removeEventListener(e, onActivity);
    };
  }, [minutes, locked, client]);
}
