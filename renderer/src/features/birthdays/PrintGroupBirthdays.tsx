import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useProcedure } from '../../data/index.js';
import { useAppInfo } from '../../app/queries.js';
import { useToday } from '../../app/useToday.js';
import { useClassName } from '../children/format.js';
import { useLunarLabel } from './format.js';
import { PrintPage, PrintTable } from '../../components/PrintPage/index.js';

/** The month's group-birthday list on A4: name, class, date, age. */
export function PrintGroupBirthdays() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const today = useToday();
  const className = useClassName();
  const lunarLabel = useLunarLabel();
  const month = search.get('month') ?? (today ?? '').slice(0, 7);
  const data = useProcedure('birthdays.printMonth', { month }, { enabled: month !== '', staleTime: 0, gcTime: 0 });
  const [y, m] = month.split('-');
  return (
    <PrintPage fileName={`集体生日名单-${month}.pdf`} orientation="portrait" ready={data.isSuccess} error={data.error}>
      <PrintTable
        items={data.data?.rows}
        perPage={28}
        orientation="portrait"
        title={t('birthdays:print.title', { school: info.data?.schoolName ?? '', room: info.data?.roomName ?? '', year: y, month: Number(m) })}
        aside={(page) => t('children:print.page', { page })}
        headers={[t('children:columns.name'), t('children:columns.class'), t('birthdays:date'), t('birthdays:turns'), t('birthdays:calendar'), t('birthdays:print.sign')]}
        rowKey={(r) => `${r.childId}-${r.date}`}
        cells={(r) => [r.name, className(r.grade, r.classNo), r.monthOnly ? t('birthdays:monthOnly', { month: Number(r.date.slice(5, 7)) }) : r.date, r.age === null ? '' : t('birthdays:ageN', { count: r.age }), r.calendar === 'lunar' && r.lunar ? lunarLabel(r.lunar) : t('birthdays:solar'), '']}
        last={<p style={{ marginTop: '8mm', fontSize: '10.5pt' }}>{t('birthdays:print.footer', { count: data.data?.rows.length ?? 0 })}</p>}
      />
    </PrintPage>
  );
}
