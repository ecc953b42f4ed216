import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';
import { useClassName } from '../children/format.js';

/** Monday first, as a Chinese school week is written. */
export const DUTY_WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** "周一、周四" / "Mon, Thu". */
export function useDutyDaysText(): (days: readonly number[]) => string {
  const { t } = useTranslation();
  return (days) =>
    DUTY_WEEKDAYS.filter((d) => days.includes(d))
      .map((d) => t(`birthdays:weekdays.${d}`))
      .join(t('rota:listSep'));
}

/** Every class of grades 1–6 up to the school's largest class number (at least 2), as `grade-classNo`. */
export function useClassOptions(): { value: string; label: string }[] {
  const className = useClassName();
  const classes = useProcedure('children.classes', {});
  const most = Math.max(2, ...(classes.data ?? []).map((c) => c.classNo));
  const out: { value: string; label: string }[] = [];
  for (let g = 1; g <= 6; g++) for (let c = 1; c <= most; c++) out.push({ value: `${g}-${c}`, label: className(g, c) });
  return out;
}

/** "三年级2班" from `3-2`. */
export function useClassCode(): (code: string) => string {
  const className = useClassName();
  return (code) => {
    const [g, c] = code.split('-').map(Number);
    return className(g ?? null, c ?? null);
  };
}
