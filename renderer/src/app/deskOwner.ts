import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** What every screen needs whoever is signed in: kept when the desk changes hands. */
// The start-up check too: it is no teacher's, and while it is asked again the Gate would take the desk down.
export const keptQueries: ReadonlySet<string> = new Set(['app.info', 'session.get', 'backups.health']);

/**
 * The teacher whose desk is on screen, signed in or waiting under the lock screen, and a key that
 * changes when the desk must start clean. A lock keeps the desk (and what it loaded) for its teacher;
 * another teacher signing in, or the kiosk taking the window, drops everything the previous one had.
 * (The kiosk leaves no owner, so the next teacher signs in to an already empty desk.)
 * Done while rendering, before the desk's pages mount: in an effect it would also drop the queries the
 * first page just started.
 */
export function useDeskOwner(mode: 'desk' | 'kiosk' | undefined, teacherId: number | null): { owner: number | null; generation: number } {
  const client = useQueryClient();
  const owner = useRef<number | null>(null);
  const generation = useRef(0);
  const drop = () => client.removeQueries({ predicate: (q) => !keptQueries.has(String(q.queryKey[0])) });
  if (mode === 'kiosk' && owner.current !== null) {
    owner.current = null;
    drop();
  } else if (mode === 'desk' && teacherId !== null && owner.current !== teacherId) {
    // The first teacher of a desk (after the start or the kiosk) finds no one's data to drop, only what the
    // lock screen asked for and what it fetched ahead for the desk (Today's figures): that is kept.
    if (owner.current !== null) {
      generation.current++;
      drop();
    }
    owner.current = teacherId;
  }
  return { owner: owner.current, generation: generation.current };
}
