import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';
import { useAppInfo } from '../../app/queries.js';
import { useToday } from '../../app/useToday.js';
import { useClassName } from '../children/format.js';
import { PrintPage, PrintTable } from '../../components/PrintPage/index.js';

/** 结对帮扶名单 on A4: child, class, mentor, role, phone (a volunteer's), since, a column to sign. No care notes. */
export function PrintPairings() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const today = useToday() ?? '';
  const className = useClassName();
  const data = useProcedure('care.pairings', { all: false }, { staleTime: 0, gcTime: 0 });
  return (
    <PrintPage fileName={`结对帮扶名单-${today}.pdf`} orientation="portrait" ready={data.isSuccess} error={data.error}>
      <PrintTable
        items={data.data}
        perPage={30}
        orientation="portrait"
        title={t('care:print.title', { school: info.data?.schoolName ?? '', room: info.data?.roomName ?? '' })}
        aside={(page) => t('children:print.page', { page })}
        headers={[t('care:child'), t('care:class'), t('care:pair.mentor'), t('care:pair.role'), t('care:people.phone'), t('care:pair.from'), t('care:print.sign')]}
        rowKey={(p) => String(p.id)}
        cells={(p) => [p.childName, className(p.grade, p.classNo), p.mentorName, t(`care:roles.${p.role}`), p.mentorPhone, p.fromDay, '']}
        last={<p style={{ marginTop: '8mm', fontSize: '10.5pt' }}>{t('care:print.footer', { count: data.data?.length ?? 0, day: today })}</p>}
      />
    </PrintPage>
  );
}
