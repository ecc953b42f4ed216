import { createContext } from 'react';

/**
 * The lock screen's own element while it covers a desk (LockOverlay): a dialog the lock screen opens (the
 * PIN recovery) is put inside it, since everything else on the page is inert while the desk is locked.
 * Null on the start lock screen, where nothing is inert.
 */
export const LockOverlayTarget = createContext<HTMLElement | null>(null);
