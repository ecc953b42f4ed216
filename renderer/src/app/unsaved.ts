import { useEffect } from 'react';

/*
 * What the desk holds that the lock must know about. A draft (a dialog with what a teacher typed) stays
 * under the lock screen for its teacher, and another teacher discards it only after saying so; a running
 * call timer keeps the desk awake, so a long call home is not cut off by the idle lock.
 */

const drafts = new Set<symbol>();
const awake = new Set<symbol>();

function useMember(set: Set<symbol>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const me = Symbol();
    set.add(me);
    return () => void set.delete(me);
  }, [set, active]);
}

/** While `active`, the desk holds unsaved work of the signed-in teacher. */
export function useDraft(active: boolean): void {
  useMember(drafts, active);
}

/** While `active`, the desk does not lock itself for idle time (and tells the core it is in use). */
export function useKeepAwake(active: boolean): void {
  useMember(awake, active);
}

export function keepsAwake(): boolean {
  return awake.size > 0;
}

/**
 * Whether the desk under the lock screen holds unsaved work: a registered draft, or any dialog left
 * open (a form in a dialog is work in progress, whichever page opened it).
 */
export function hasDraft(root: ParentNode = document): boolean {
  return drafts.size > 0 || root.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}
