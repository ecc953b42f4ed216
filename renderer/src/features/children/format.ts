import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { listFilter } from '../../../../shared/api/children.js';

export type ListFilter = z.input<typeof listFilter>;

/**
 * 三年级2班 / Grade 3 Class 2 (the same function until the language changes, so memoized rows can take it).
 * Each class's name is worked out once: a list's rows ask for it on every keystroke of a search.
 */
export function useClassName(): (grade: number | null, classNo: number | null) => string {
  const { t } = useTranslation();
  return useMemo(() => {
    const names = new Map<string, string>();
    return (grade: number | null, classNo: number | null) => {
      if (grade === null) return '';
      const id = `${grade}/${classNo}`;
      let name = names.get(id);
      if (name === undefined) {
        name = classNo !== null ? t('children:gradeClass', { grade: t(`children:grades.${grade}`), classNo }) : t('children:gradeN', { grade: t(`children:grades.${grade}`) });
        names.set(id, name);
      }
      return name;
    };
  }, [t]);
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
