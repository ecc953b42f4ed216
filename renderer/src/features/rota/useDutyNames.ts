import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';

/** "值班教师：王丽华" for a day's printouts (or why nobody is on duty); undefined while loading. */
export function useDutyNames(day: string): string | undefined {
  const { t } = useTranslation();
  const rota = useProcedure('rota.days', { from: day, to: day }, { enabled: day !== '' });
  const d = rota.data?.[0];
  if (rota.isError) return '';
  if (!d) return undefined;
  if (!d.open) return d.calendarName ? t('rota:todayClosedFor', { name: d.calendarName }) : t('rota:todayClosed');
  return t('rota:dutyOf', { names: d.teachers.map((x) => x.name).join(t('rota:listSep')) || '—' });
}
