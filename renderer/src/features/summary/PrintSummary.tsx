import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useProcedure } from '../../data/index.js';
import { useAppInfo } from '../../app/queries.js';
import { useToday } from '../../app/useToday.js';
import { missedText, SummaryFiguresView } from './SummaryFigures.js';
import { draftKey, useDraft } from './SummaryPage.js';
import './summary.css';
import { PrintPage } from '../../components/PrintPage/index.js';
import { useClassName } from '../children/format.js';

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
  // Appendices the principal chose; the default copy (for the bureau) has neither.
  const withDefinitions = search.get('definitions') === '1';
  const withNamed = search.get('named') === '1';
  const className = useClassName();
  const heading = title || t('summary:print.heading', { school: info.data?.schoolName ?? '', room: info.data?.roomName ?? '' });
  return (
    <PrintPage fileName={`${title || '学期工作总结'}.pdf`} orientation="portrait" ready={ready} error={snapshot.error ?? live.error}>
      <style>{'@page { size: A4 portrait; margin: 14mm 14mm 16mm; }'}</style>
      {figures && (
        <div className="summary-sheet" data-testid="summary-print">
          {/* The principal's own title is the title: no fixed heading above it repeating 工作总结. */}
          <h1>{heading}</h1>
          <p className="summary-sub">
            {t('summary:print.subtitle', { school: info.data?.schoolName ?? '', room: info.data?.roomName ?? '', from: figures.from, to: figures.to })}
            {snapshot.data && ` · ${t('summary:print.snapshotOf', { at: dayjs(snapshot.data.createdAt).format('YYYY-MM-DD HH:mm') })}`}
          </p>
          <p className="summary-paragraph">{paragraph}</p>
          <SummaryFiguresView f={figures} print />
          <div className="summary-sign">
            <span>{t('summary:print.stamp')}</span>
            <span>{t('summary:print.signature')}</span>
            <span>{t('summary:print.date')}</span>
          </div>
          <p className="summary-printed">{t('summary:print.printed', { day: today ?? '' })}</p>
          {withDefinitions && (
            <section className="summary-appendix">
              <h2>{t('summary:print.definitionsTitle')}</h2>
              {(['children', 'room', 'contact', 'library', 'events'] as const).map((k) => (
                <p key={k}>
                  <b>{t(`summary:sections.${k}`)}</b>：{t(`summary:help.${k}`)}
                </p>
              ))}
              {(['leftBehind', 'oneAway', 'unsupported', 'orphan'] as const).map((k) => (
                <p key={k}>{t(`children:categoryHelp.${k}`)}</p>
              ))}
            </section>
          )}
          {withNamed && (
            <section className="summary-appendix" data-testid="summary-named">
              <h2>{t('summary:print.namedTitle')}</h2>
              <h3>{t('summary:print.missedTitle')}</h3>
              <p>
                {figures.contact.missed.length === 0
                  ? t('summary:v.none')
                  : missedText(t, className, figures.contact.missed)}
              </p>
              <h3>{t('summary:print.readersTitle')}</h3>
              <p>
                {figures.library.topReaders
                  .map((r, i) => t('summary:v.readerLine', { entry: t('summary:v.readerEntry', { n: i + 1, name: r.name, class: className(r.grade, r.classNo) }), books: t('library:stats.booksN', { count: r.loans }) }))
                  .join(t('summary:v.itemSep'))}
              </p>
            </section>
          )}
        </div>
      )}
    </PrintPage>
  );
}
