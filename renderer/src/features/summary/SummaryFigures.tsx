import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { SummaryFigures } from '../../../../shared/domain/summary.js';
import { categoriesOf } from '../../../../shared/domain/summaryText.js';
import { percentText as pct } from '../../../../shared/domain/percent.js';
import { useClassName } from '../children/format.js';
import { CareSummary } from '../care/CareSummary.js';
import { CELL, rowLook } from '../../components/WindowedRows/plain.js';
import { FigureRows as Rows, parenWith } from './FigureRows.js';

/** The events list's rows: plain, as the figures' (FigureRows). */
const ROW = rowLook();
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Grey bars with dark outlines: they print the same in black and white. */
const BAR = { color: 'gray.6' };

/**
 * On screen, a chart is drawn when it comes near the window (the summary's charts are below the first
 * screen): until then a box of its height stands in, so opening the summary does not lay out three
 * charts nobody sees yet. On paper (`print`) it is drawn at once.
 */
function WhenNear({ print, height, children }: { print: boolean; height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(print || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !box.current) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: '300px 0px' });
    seen.observe(box.current);
    return () => seen.disconnect();
  }, [near]);
  return near ? children : <div ref={box} style={{ height }} data-chart-placeholder />;
}

/** A word and its number kept on one line (never "六" at a line's end and "21" on the next). */
const keep = (label: string, n: number | string) => `${label}\u00a0${n}`;

/** The children who missed a month, each with their class and the months, in the reader's language. */
export function missedText(t: TFunction, className: (grade: number | null, classNo: number | null) => string, missed: SummaryFigures['contact']['missed']): string {
  return missed
    .map((m) => t('summary:v.missedEntry', { name: m.name, class: className(m.grade, m.classNo), months: m.months.map((x) => Number(x.slice(5))).join(t('rota:listSep')) }))
    .join(t('summary:v.itemSep'));
}

/**
 * Every figure of the summary, and three charts; the same on screen and on paper. On screen each section has its
 * definition as help; on paper the definitions go to an optional appendix (`definitions`), and lists naming children
 * only to the internal appendix (`named`), never into the default copy. Memoized: the summary page above it renders
 * again on every keystroke in its paragraph and title, and the figures (the query's data) have not changed.
 */
export const SummaryFiguresView = memo(function SummaryFiguresView({ f, print = false, named = !print }: { f: SummaryFigures; print?: boolean; named?: boolean }) {
  const { t } = useTranslation();
  const className = useClassName();
  const events = f.events.held.reduce((n, e) => n + e.events, 0);
  const category = (key: string | null, name: string | null) => (key ? t(`events:categories.${key}`) : (name ?? t('summary:uncategorised')));
  // On paper a fixed width: the page's width is not the screen's, and a chart sized for one is cut on the other.
  const cats = categoriesOf(f);
  const topLoans = (loans: number, count: number) => t(count > 1 ? 'summary:v.topLoans' : 'summary:v.topLoansOne', { loans, count });
  const lives = f.children.livesWith ?? [];
  // The punctuation of the reader's language: "，" and "（…）" in Chinese, ", " and " (…)" in English.
  const sep = t('summary:v.sep');
  const paren = parenWith(t);
  const help = (key: string) => (print ? null : <Text size="xs" c="dimmed">{t(`summary:help.${key}`)}</Text>);
  // Counts are whole numbers: the axis never shows 0.75 of an event.
  const chartProps = { yAxisProps: { allowDecimals: false }, h: print ? 120 : 200, ...(print ? { w: '170mm' } : {}), withLegend: false, tickLine: 'y' as const, gridAxis: 'y' as const, barProps: { isAnimationActive: false, stroke: '#212529', strokeWidth: 0.6 } };
  return (
    <div className="summary-figures">
      <div className="summary-block">
      <Title order={4} mt="sm">{t('summary:sections.children')}</Title>
      {help('children')}
      <Rows
        rows={[
          ...(f.school?.pupils ? [[t('summary:f.pupils'), t('summary:v.pupils', { pupils: f.school.pupils, share: pct(cats.find((c) => c.category === 'leftBehind')?.children ?? 0, f.school.pupils) })] as [string, string]] : []),
          [t('summary:f.active'), f.children.active],
          [t('summary:f.byGrade'), f.children.byGrade.map((g) => keep(t('children:gradeN', { grade: t(`children:grades.${g.grade}`) }), g.children)).join(sep)],
          [t('summary:f.byCategory'), cats.map((c) => keep(t(`children:category.${c.category}`), c.children)).join(sep)],
          ...(lives.length > 0 ? [[t('summary:f.livesWith'), lives.filter((l) => l.children > 0).map((l) => keep(t(`summary:lives.${l.livesWith}`), l.children)).join(sep)] as [string, string]] : []),
          [t('summary:f.joinedLeft'), t('summary:v.joinedLeft', { joined: f.children.joined, left: f.children.left })],
          [t('summary:f.completeness'), paren(pct(f.children.complete, f.children.completeTotal), `${f.children.complete}/${f.children.completeTotal}`)],
        ]}
      />
      </div>
      <div className="summary-block">
      <Title order={4} mt="sm">{t('summary:sections.room')}</Title>
      {help('room')}
      <Rows
        rows={[
          [t('summary:f.daysOpen'), f.room.daysOpen],
          [t('summary:f.visits'), f.room.visits],
          [t('summary:f.distinct'), f.room.distinctChildren],
          [t('summary:f.perDay'), f.room.perOpenDay],
          [t('summary:f.busiest'), f.room.busiestWeekday ? t('summary:v.busiest', { day: t(`birthdays:weekdays.${f.room.busiestWeekday.weekday}`), visits: f.room.busiestWeekday.visits }) : '—'],
          ...(f.room.busiestDay !== undefined ? [[t('summary:f.busiestDay'), f.room.busiestDay ? t('summary:v.busiestDay', { day: f.room.busiestDay.day, visits: f.room.busiestDay.visits }) : '—'] as [string, string]] : []),
        ]}
      />
      </div>
      <div className="summary-block">
        <Text size="sm" fw={600} mt="xs">{t('summary:charts.visits')}</Text>
        <WhenNear print={print} height={chartProps.h}>
          <BarChart {...chartProps} data={f.room.byWeek.map((w) => ({ week: dayjs(w.week).format('M/D'), visits: w.visits }))} dataKey="week" series={[{ name: 'visits', label: t('summary:f.visits'), ...BAR }]} />
        </WhenNear>
      </div>
      <div className="summary-block">
      <Title order={4} mt="sm">{t('summary:sections.contact')}</Title>
      {help('contact')}
      <Rows
        rows={[
          [t('summary:f.calls'), t('summary:v.calls', { voice: f.contact.voice, video: f.contact.video, letters: f.contact.letters })],
          ...f.contact.byMonth.map((m) => [t('summary:f.month', { month: m.month }), paren(pct(m.contacted, m.children), `${m.contacted}/${m.children}`)] as [string, string]),
          [t('summary:f.missed'), f.contact.missed.length === 0 ? t('summary:v.none') : !named ? t('summary:v.childrenN', { count: f.contact.missed.length }) : missedText(t, className, f.contact.missed)],
        ]}
      />
      </div>
      <div className="summary-block">
      <Text size="sm" fw={600} mt="xs">{t('summary:charts.contacts')}</Text>
      <WhenNear print={print} height={print ? 150 : 200}>
      <BarChart
        {...chartProps}
        // The legend takes room: a little taller on paper, so the bars keep their height.
        h={print ? 150 : 200}
        type="stacked"
        withLegend
        data={f.contact.byMonth.map((m) => ({ month: m.month.slice(5), voice: m.voice, video: m.video, letters: m.letters }))}
        dataKey="month"
        series={[
          { name: 'voice', label: t('calls:kinds.voice'), color: 'gray.8' },
          { name: 'video', label: t('calls:kinds.video'), color: 'gray.5' },
          { name: 'letters', label: t('calls:kinds.letter'), color: 'gray.2' },
        ]}
      />
      </WhenNear>
      </div>
      <SimpleGrid cols={2} mt="sm">
        <div>
          <Title order={4}>{t('summary:sections.birthdays')}</Title>
          <Rows rows={[[t('summary:f.parties'), f.birthdays.parties], [t('summary:f.celebrated'), f.birthdays.celebrated]]} />
        </div>
        <div>
          <Title order={4}>{t('summary:sections.library')}</Title>
          <Rows rows={[[t('summary:f.loans'), f.library.loans], [t('summary:f.readers'), f.library.readers], [t('summary:f.overdueAtEnd'), f.library.overdueAtEnd]]} />
        </div>
      </SimpleGrid>
      {help('library')}
      <SimpleGrid cols={2} className="summary-block">
        <div>
          <Text size="sm" fw={600} mt="xs">{t('library:stats.topReaders')}</Text>
          {named ? (
            <Rows rows={f.library.topReaders.map((r, i) => [t('summary:v.readerEntry', { n: i + 1, name: r.name, class: className(r.grade, r.classNo) }), t('library:stats.booksN', { count: r.loans })] as [string, string])} />
          ) : (
            <Rows rows={[[t('summary:f.topLoans'), f.library.topReaders[0] ? topLoans(f.library.topReaders[0].loans, f.library.topReaders.filter((r) => r.loans === f.library.topReaders[0]!.loans).length) : '—']]} />
          )}
        </div>
        <div>
          <Text size="sm" fw={600} mt="xs">{t('library:stats.topTitles')}</Text>
          <Rows rows={f.library.topTitles.slice(0, print ? 5 : undefined).map((r, i) => [`${i + 1}. ${r.title}`, t('library:stats.timesN', { count: r.loans })] as [string, string])} />
        </div>
      </SimpleGrid>
      <div className="summary-block">
      <Title order={4} mt="sm">{t('summary:sections.events')}</Title>
      {help('events')}
      <Rows
        rows={[
          [t('summary:f.eventsHeld'), f.events.held.length > 0 ? paren(events, f.events.held.map((e) => `${category(e.key, e.name)} ${e.events}`).join(sep)) : events],
          [t('summary:f.signups'), t('summary:v.signups', { count: f.events.signups })],
          [t('summary:f.attendances'), f.events.sessions !== undefined ? t('summary:v.attendances', { count: f.events.attendances, sessions: f.events.sessions }) : f.events.attendances],
          [t('summary:f.takingPart'), paren(f.events.takingPart, pct(f.events.takingPart, f.children.active))],
        ]}
      />
      </div>
      <div className="summary-block">
        <Text size="sm" fw={600} mt="xs">{t('summary:charts.events')}</Text>
        <WhenNear print={print} height={chartProps.h}>
          <BarChart {...chartProps} data={f.events.held.map((e) => ({ category: category(e.key, e.name), events: e.events }))} dataKey="category" series={[{ name: 'events', label: t('summary:f.eventsHeld'), ...BAR }]} />
        </WhenNear>
      </div>
      {f.events.list && f.events.list.length > 0 && (
        <div className="summary-block">
          <Text size="sm" fw={600} mt="xs">{t('summary:f.eventsList')}</Text>
          <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={2} className="summary-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('summary:v.date')}</Table.Th>
                <Table.Th>{t('summary:v.event')}</Table.Th>
                <Table.Th>{t('summary:v.sessions')}</Table.Th>
                <Table.Th>{t('summary:v.participants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.events.list.map((e) => (
                <tr key={e.eventId} {...ROW}>
                  <td className={CELL} data-with-column-border style={NOWRAP}>{e.day}</td>
                  <td className={CELL} data-with-column-border>{e.title}</td>
                  <td className={CELL} data-with-column-border>{e.sessions}</td>
                  <td className={CELL} data-with-column-border>{e.participants}</td>
                </tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <CareSummary f={f.care} />
    </div>
  );
});
