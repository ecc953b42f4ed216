import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useProcedure } from '../../data/index.js';
import { useAppInfo } from '../../app/queries.js';
import { useClassName } from '../children/format.js';
import { PrintPage, PrintTable } from '../../components/PrintPage/index.js';

/** 报名表 (confirmed, then the waitlist) or 出勤表 (one column per session) on A4. */
export function PrintEvent() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const className = useClassName();
  const id = Number(search.get('id'));
  const kind = search.get('kind') === 'attendance' ? 'attendance' : 'signups';
  const d = useProcedure('events.printData', { id, kind }, { staleTime: 0, gcTime: 0 });
  const e = d.data?.event;
  const school = `${info.data?.schoolName ?? ''}${info.data?.roomName ?? ''}`;
  const title = e ? t(kind === 'signups' ? 'events:print.signupsTitle' : 'events:print.attendanceTitle', { title: e.title }) : '';
  const when = e ? `${dayjs(e.startsAt).format('YYYY-MM-DD HH:mm')}${e.place ? ` · ${e.place}` : ''}` : '';
  const rows = (d.data?.signups ?? []).filter((s) => kind === 'signups' || s.status === 'confirmed');
  // At most 8 session columns fit a sheet: a longer group prints its sessions 8 at a time.
  const all = d.data?.sessions ?? [];
  const chunks = kind === 'signups' || all.length === 0 ? [all.slice(0, 0)] : Array.from({ length: Math.ceil(all.length / 8) }, (_, i) => all.slice(i * 8, i * 8 + 8));
  return (
    <PrintPage fileName={`${e?.title ?? ''}-${kind === 'signups' ? '报名表' : '出勤表'}.pdf`} orientation="portrait" ready={d.isSuccess} error={d.error}>
      {chunks.map((sessions, c) => (
      <PrintTable
        key={c}
        items={rows}
        perPage={26}
        orientation="portrait"
        title={title}
        aside={(page) => `${school} · ${when} · ${t('children:print.page', { page })}`}
        headers={
          kind === 'signups'
            ? // A sheet pinned on the wall says nothing about whose parents are away.
              [t('children:columns.name'), t('children:columns.class'), t('events:status'), t('events:print.signature')]
            : [t('children:columns.name'), t('children:columns.class'), ...sessions.map((s) => dayjs(s.startsAt).format('M/D'))]
        }
        rowKey={(s) => s.id}
        cells={(s) =>
          kind === 'signups'
            ? [s.name, className(s.grade, s.classNo), s.status === 'waitlist' ? t('events:print.waitN', { n: s.position }) : t('events:print.in'), '']
            : [s.name, className(s.grade, s.classNo), ...sessions.map((x) => (x.present === null ? '' : (d.data?.attendance[x.id] ?? []).includes(s.childId) ? '✓' : t('events:print.absent')))]
        }
        last={<p style={{ marginTop: '8mm', fontSize: '10.5pt' }}>{t('events:print.footer', { count: rows.length })}</p>}
      />
      ))}
    </PrintPage>
  );
}
