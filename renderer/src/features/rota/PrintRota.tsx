import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useProcedure } from '../../data/index.js';
import { useAppInfo } from '../../app/queries.js';
import { useToday } from '../../app/useToday.js';
import { PrintPage, PrintSheet } from '../../components/PrintPage/index.js';
import { useDayStatus } from './RotaPage.js';
import { DUTY_WEEKDAYS } from './teacherFormat.js';

const cell = { border: '0.3mm solid #333', padding: '1.2mm 2mm', textAlign: 'left' as const, verticalAlign: 'top' as const };

/** The month's 值班表 for the wall, on one A4 sheet: the weekly pattern with phones, then each day. */
export function PrintRota() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const today = useToday();
  const info = useAppInfo();
  const month = search.get('month') ?? today?.slice(0, 7) ?? '';
  const from = `${month}-01`;
  const to = month ? dayjs(from).endOf('month').format('YYYY-MM-DD') : '';
  const days = useProcedure('rota.days', { from, to }, { enabled: month !== '' });
  const teachers = useProcedure('teachers.list');
  const status = useDayStatus();
  const active = (teachers.data ?? []).filter((x) => x.active);
  return (
    <PrintPage fileName={`${t('rota:fileName')}-${month}.pdf`} orientation="portrait" ready={days.isSuccess && teachers.isSuccess && info.isSuccess} error={days.error ?? teachers.error}>
      <PrintSheet orientation="portrait">
        <div style={{ padding: '10mm 14mm', fontSize: '10pt' }} data-testid="print-rota-sheet">
          <h1 style={{ fontSize: '17pt', margin: '0 0 1mm' }}>{t('rota:printTitle', { school: info.data?.schoolName ?? '' })}</h1>
          <p style={{ margin: '0 0 3mm' }}>{t('rota:printMonth', { month: dayjs(from).format(t('rota:monthFormat')) })}</p>
          <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: '4mm' }}>
            <thead>
              <tr>
                {DUTY_WEEKDAYS.map((d) => (
                  <th key={d} style={{ ...cell, background: '#eee' }}>
                    {t(`birthdays:weekdays.${d}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {DUTY_WEEKDAYS.map((d) => (
                  <td key={d} style={cell}>
                    {active
                      .filter((x) => x.dutyDays.includes(d))
                      .map((x) => (
                        <div key={x.id}>
                          <b>{x.name}</b>
                          {x.phone && <div style={{ fontSize: '8.5pt' }}>{x.phone}</div>}
                        </div>
                      ))}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '9.5pt' }}>
            <thead>
              <tr>
                <th style={{ ...cell, background: '#eee', width: '22mm' }}>{t('rota:columns.day')}</th>
                <th style={{ ...cell, background: '#eee', width: '40mm' }}>{t('rota:columns.status')}</th>
                <th style={{ ...cell, background: '#eee' }}>{t('rota:columns.teacher')}</th>
                <th style={{ ...cell, background: '#eee', width: '45mm' }}>{t('rota:columns.signature')}</th>
              </tr>
            </thead>
            <tbody>
              {(days.data ?? []).map((d) => (
                <tr key={d.day} style={{ color: d.open ? undefined : '#777' }}>
                  <td style={{ ...cell, padding: '0.4mm 2mm' }}>
                    {dayjs(d.day).format('M/D')} {t(`birthdays:weekdays.${d.weekday}`)}
                  </td>
                  <td style={{ ...cell, padding: '0.4mm 2mm' }}>{status(d)}</td>
                  <td style={{ ...cell, padding: '0.4mm 2mm' }}>
                    {d.teachers.map((x) => x.name).join(t('rota:listSep'))}
                    {d.changed && ` (${d.changeReason || t('rota:changed')})`}
                  </td>
                  <td style={{ ...cell, padding: '0.4mm 2mm' }} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PrintSheet>
    </PrintPage>
  );
}
