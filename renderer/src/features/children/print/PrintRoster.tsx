import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PrintCard } from '../../../../../shared/domain/roster.js';
import { useProcedure } from '../../../data/index.js';
import { useAppInfo } from '../../../app/queries.js';
import { useToday } from '../../../app/useToday.js';
import { filterFromSearch, useClassName } from '../format.js';
import { PrintPage, PrintTable } from '../../../components/PrintPage/index.js';

/** The 花名册 on A4 landscape: the children of the list's filter, with family phones and work places. */
export function PrintRoster() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const today = useToday();
  const className = useClassName();
  const filter = filterFromSearch(search);
  const rows = useProcedure('children.printData', { kind: 'roster', filter: { ...filter, limit: 5000 } }, { staleTime: Infinity });
  const parent = (p: PrintCard['father']) => (p ? [p.name, p.phones.join(' / '), p.workPlace].filter(Boolean).join(' ') : '');
  return (
    <PrintPage fileName={`花名册-${today ?? ''}.pdf`} orientation="landscape" ready={rows.isSuccess} error={rows.error}>
      <PrintTable
        items={rows.data}
        perPage={22}
        orientation="landscape"
        title={t('children:print.rosterTitle', { school: info.data?.schoolName ?? '' })}
        aside={(page) => `${t('children:print.printedOn', { date: today ?? '' })} · ${t('children:print.page', { page })}`}
        headers={[
          t('children:columns.name'),
          t('children:columns.gender'),
          t('children:columns.birthDate'),
          t('children:columns.class'),
          t('children:columns.category'),
          t('children:columns.guardian'),
          t('children:print.father'),
          t('children:print.mother'),
          t('children:fields.mentor'),
        ]}
        rowKey={(c) => c.id}
        cells={(c) => [
          c.name,
          c.gender ? t(`children:gender.${c.gender}`) : '',
          c.birthDate ?? '',
          className(c.grade, c.classNo),
          t(`children:category.${c.category}`),
          c.guardian ? `${c.guardian.name} ${c.guardian.phones.join(' / ')}` : '',
          parent(c.father),
          parent(c.mother),
          c.mentorName ?? '',
        ]}
      />
    </PrintPage>
  );
}
