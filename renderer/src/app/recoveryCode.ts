import { useSyncExternalStore } from 'react';

/**
 * A recovery code just made (by the wizard, or by an admin in Settings), kept only in this window's memory
 * until the admin says it is written down: the core keeps only its hash and can never show it again.
 */
let current: string | null = null;
const listeners = new Set<() => void>();

export function showRecoveryCode(code: string | null): void {
  current = code;
  for (const l of listeners) l();
}

export function useRecoveryCode(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
