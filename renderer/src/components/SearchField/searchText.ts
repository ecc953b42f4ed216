import { useState, useSyncExternalStore } from 'react';

/**
 * What is typed in a list's search field, held outside the page's state: the page hands `set` to its
 * `SearchField` and the store to the part that draws the list, which alone reads the text
 * (`useSearchText`). A keystroke then draws that part and nothing else of the page (its title, its
 * buttons, its filters and their hooks: a tenth of a children keystroke at 4× CPU when the page drew
 * again). `get` answers the text at any time, for a button that exports or prints what the list shows.
 */
export interface SearchText {
  get(): string;
  set(text: string): void;
  subscribe(listener: () => void): () => void;
}

export function createSearchText(initial = ''): SearchText {
  let text = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => text,
    set: (next) => {
      if (next === text) return;
      text = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A store for the component's life (the same object on every draw). */
export function useSearchTextStore(): SearchText {
  const [store] = useState(() => createSearchText());
  return store;
}

/** The store's text; the component draws again when it changes (at once, as a typed letter's own update). */
export function useSearchText(store: SearchText): string {
  return useSyncExternalStore(store.subscribe, store.get);
}
