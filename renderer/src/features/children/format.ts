import { useCallback } from 'react';
import { useLabel } from '../../labels.js';
import type { z } from 'zod';
import type { listFilter } from '../../../../shared/api/children.js';

export type ListFilter = z.input<typeof listFilter>;

/**
 * 三年级2班 / Grade 3 Class 2 (the same function until the language changes, so memoized rows can take it).
 * Through `useLabel`: a list's rows ask for their class on every keystroke of a search.
 */
export function useClassName(): (grade: number | null, classNo: number | null) => string {
  const label = useLabel();
  return useCallback(
    (grade: number | null, classNo: number | null) =>
      grade === null
        ? ''
        : classNo !== null
          ? label('children:gradeClass', { grade: label(`children:grades.${grade}`), classNo })
          : label('children:gradeN', { grade: label(`children:grades.${grade}`) }),
    [label],
  );
}

/** The list's filter in a URL, so a print page shows exactly the children the list showed. */
export function filterToSearch(f: ListFilter): string {
  return new URLSearchParams({ f: JSON.stringify(f) }).toString();
}

export function filterFromSearch(search: URLSearchParams): ListFilter {
  try {
    return JSON.parse(search.get('f') ?? '{}') as ListFilter;
  } catch {
    return {};
  }
}
