import { useEffect, useRef, useState, type ReactNode } from 'react';
import { LockOverlayTarget } from './lockOverlayTarget.js';
import { createPortal } from 'react-dom';
import { getDefaultZIndex } from '@mantine/core';
import { focusManager } from '@tanstack/react-query';

/**
 * The lock screen over a desk that stays mounted underneath, so its teacher comes back to the same
 * dialog with what they typed. Everything else on the page (the desk, its dialogs and menus, which
 * Mantine puts in portals of their own, and any that open later) is made inert and hidden from screen
 * readers, and the overlay is opaque: nothing of the desk is visible or reachable while locked.
 * Queries do not poll behind it (the core would refuse them), and focus goes back where it was.
 */
export function LockOverlay({ children }: { children: ReactNode }) {
  const overlay = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    const own = overlay.current;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const hidden = new Map<HTMLElement, { inert: boolean; ariaHidden: string | null }>();
    const hide = (el: Element) => {
      if (el === own || !(el instanceof HTMLElement) || hidden.has(el) || el.tagName === 'SCRIPT') return;
      hidden.set(el, { inert: el.inert, ariaHidden: el.getAttribute('aria-hidden') });
      el.inert = true;
      el.setAttribute('aria-hidden', 'true');
    };
    for (const el of Array.from(document.body.children)) hide(el);
    const watch = new MutationObserver((records) => {
      for (const r of records) for (const n of Array.from(r.addedNodes)) if (n instanceof Element) hide(n);
    });
    watch.observe(document.body, { childList: true });
    focusManager.setFocused(false);
    return () => {
      watch.disconnect();
      for (const [el, was] of hidden) {
        el.inert = was.inert;
        if (was.ariaHidden === null) el.removeAttribute('aria-hidden');
        else el.setAttribute('aria-hidden', was.ariaHidden);
      }
      focusManager.setFocused(undefined);
      if (focused?.isConnected) focused.focus({ preventScroll: true });
    };
  }, []);

  return createPortal(
    <div
      ref={(el) => {
        overlay.current = el;
        setTarget(el);
      }}
      data-lock-screen
      style={{ position: 'fixed', inset: 0, zIndex: getDefaultZIndex('max'), overflow: 'auto', background: 'var(--mantine-color-gray-0)' }}
    >
      <LockOverlayTarget.Provider value={target}>{children}</LockOverlayTarget.Provider>
    </div>,
    document.body,
  );
}
