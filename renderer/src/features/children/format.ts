import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { listFilter } from '../../../../shared/api/children.js';

export type ListFilter = z.input<typeof listFilter>;

/** 三年级2班 / Grade 3 Class 2 */
export function useClassName(): (grade: number | null, classNo: number | null) => string {
  const { t } = useTranslation();
  return (grade, classNo) =>
    grade !== null && classNo !== null
      ? t('children:gradeClass', { grade: t(`children:grades.${grade}`), classNo })
      : grade !== null
        ? t('children:gradeN', { grade: t(`children:grades.${grade}`) })
        : '';
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
