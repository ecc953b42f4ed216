import { useCallback } from 'react';
import { useLabel } from '../../labels.js';
import type { Category, CopyState } from '../../../../shared/domain/library.js';
import { useProcedure } from '../../data/index.js';

export const STATE_COLOR: Record<CopyState, string> = {
  available: 'teal',
  onLoan: 'blue',
  lost: 'red',
  damaged: 'orange',
  withdrawn: 'gray',
};

export function useCategories() {
  return useProcedure('library.categories');
}

/** A built-in category in the reader's language; the room's own by the name it was given (the same function until the language changes). */
export function useCategoryName(): (c: Pick<Category, 'key' | 'name'> | null | undefined) => string {
  const label = useLabel();
  return useCallback((c: Pick<Category, 'key' | 'name'> | null | undefined) => (!c ? '' : c.key ? label(`library:categories.${c.key}`) : c.name), [label]);
}
