import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { RegisterRow } from '../../../../shared/api/attendance.js';
import { useProcedure } from '../../data/index.js';
import { useAppInfo } from '../../app/queries.js';
import { useToday } from '../../app/useToday.js';
import { useClassName } from '../children/format.js';
import { PrintPage, PrintTable } from '../../components/PrintPage/index.js';
import { useDutyNames } from '../rota/useDutyNames.js';

/** The day's 出勤登记表 on A4: every visit, its times, who recorded them, and the not-signed-out flag. */
export function PrintRegister() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const today = useToday();
  const className = useClassName();
  const day = search.get('day') ?? today ?? '';
  const rows = useProcedure('attendance.register', { day }, { enabled: day !== '', staleTime: Infinity });
  const duty = useDutyNames(day);
  const by = (b: RegisterRow['inBy'] | RegisterRow['outBy']) => (b ? t(`attendance:by.${b}`) : '—');
  return (
    <PrintPage fileName={`出勤登记表-${day}.pdf`} orientation="portrait" ready={rows.isSuccess && duty !== undefined} error={rows.error}>
      <PrintTable
        items={rows.data}
        perPage={30}
        orientation="portrait"
        title={t('attendance:registerTitle', { school: info.data?.schoolName ?? '', room: info.data?.roomName ?? '' })}
        aside={(page) => `${day} · ${duty ?? ''} · ${t('children:print.page', { page })}`}
        headers={[t('children:columns.name'), t('children:columns.class'), t('attendance:inAt'), t('attendance:outAt'), t('attendance:recordedBy'), t('attendance:note')]}
        rowKey={(r) => `${r.childId}-${r.inAt}`}
        cells={(r) => [
          r.name,
          className(r.grade, r.classNo),
          dayjs(r.inAt).format('HH:mm'),
          r.outAt === null ? '' : dayjs(r.outAt).format('HH:mm'),
          `${by(r.inBy)} / ${by(r.outBy)}`,
          r.notSignedOut ? t('attendance:notSignedOut') : '',
        ]}
        last={<p style={{ marginTop: '8mm' }}>{t('attendance:signature')}</p>}
      />
    </PrintPage>
  );
}
