import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useProcedure } from '../../data/index.js';
import { useAppInfo } from '../../app/queries.js';
import { useToday } from '../../app/useToday.js';
import { SummaryFiguresView } from './SummaryFigures.js';
import { draftKey, useDraft } from './SummaryPage.js';
import './summary.css';
import { PrintPage } from '../../components/PrintPage/index.js';

/**
 * The summary on A4: school and room, the term, the paragraph, every figure and chart, the date printed
 * and a line for the principal's signature. A saved snapshot prints exactly as it was saved.
 */
export function PrintSummary() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const today = useToday();
  const draft = useDraft();
  const snapshotId = Number(search.get('snapshot')) || null;
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const snapshot = useProcedure('summary.snapshot', { id: snapshotId! }, { enabled: snapshotId !== null, staleTime: 0 });
  const live = useProcedure('summary.compute', { from, to }, { enabled: snapshotId === null && from !== '', staleTime: 0 });
  const stored = snapshotId === null ? (JSON.parse(sessionStorage.getItem(draftKey(from, to)) ?? 'null') as { paragraph: string; title: string } | null) : null;
  const figures = snapshot.data?.figures ?? live.data;
  const paragraph = snapshot.data?.paragraph ?? stored?.paragraph ?? (live.data ? draft(live.data) : '');
  const title = snapshot.data?.title ?? stored?.title ?? '';
  const ready = figures !== undefined;
  return (
    <PrintPage fileName={`${title || '学期工作总结'}.pdf`} orientation="portrait" ready={ready} error={snapshot.error ?? live.error}>
      <style>{'@page { size: A4 portrait; margin: 14mm 14mm 16mm; }'}</style>
      {figures && (
        <div className="summary-sheet" data-testid="summary-print">
          <h1>{t('summary:print.heading', { school: info.data?.schoolName ?? '', room: info.data?.roomName ?? '' })}</h1>
          <p className="summary-sub">
            {title} · {figures.from} — {figures.to}
            {snapshot.data && ` · ${t('summary:print.snapshotOf', { at: dayjs(snapshot.data.createdAt).format('YYYY-MM-DD HH:mm') })}`}
          </p>
          <p className="summary-paragraph">{paragraph}</p>
          <SummaryFiguresView f={figures} print />
          <div className="summary-sign">
            <span>{t('summary:print.printed', { day: today ?? '' })}</span>
            <span>{t('summary:print.signature')}</span>
          </div>
        </div>
      )}
    </PrintPage>
  );
}
