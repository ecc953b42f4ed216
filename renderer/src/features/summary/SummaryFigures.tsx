import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SummaryFigures } from '../../../../shared/domain/summary.js';
import { useClassName } from '../children/format.js';
import { CareSummary } from '../care/CareSummary.js';

const pct = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((a / b) * 1000) / 10}%`);

/** Grey bars with dark outlines: they print the same in black and white. */
const BAR = { color: 'gray.6' };

function Rows({ rows }: { rows: [string, string | number][] }) {
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={3} className="summary-table">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Td w="58%">{label}</Table.Td>
            <Table.Td fw={600}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Every figure of the summary with its definition as help, and three charts; the same on screen and on paper. */
export function SummaryFiguresView({ f, print = false }: { f: SummaryFigures; print?: boolean }) {
  const { t } = useTranslation();
  const className = useClassName();
  const events = f.events.held.reduce((n, e) => n + e.events, 0);
  const category = (key: string | null, name: string | null) => (key ? t(`events:categories.${key}`) : (name ?? t('summary:uncategorised')));
  // On paper a fixed width: the page's width is not the screen's, and a chart sized for one is cut on the other.
  const chartProps = { h: print ? 170 : 200, ...(print ? { w: '170mm' } : {}), withLegend: false, tickLine: 'y' as const, gridAxis: 'y' as const, barProps: { isAnimationActive: false, stroke: '#212529', strokeWidth: 0.6 } };
  return (
    <div className="summary-figures">
      <Title order={4} mt="sm">{t('summary:sections.children')}</Title>
      <Text size="xs" c="dimmed">{t('summary:help.children')}</Text>
      <Rows
        rows={[
          [t('summary:f.active'), f.children.active],
          [t('summary:f.byGrade'), f.children.byGrade.map((g) => `${t(`children:grades.${g.grade}`)} ${g.children}`).join('，')],
          [t('summary:f.byAway'), f.children.byAway.map((a) => `${t(`children:away.${a.awayParents}`)} ${a.children}`).join('，')],
          [t('summary:f.joinedLeft'), t('summary:v.joinedLeft', { joined: f.children.joined, left: f.children.left })],
          [t('summary:f.completeness'), `${pct(f.children.complete, f.children.completeTotal)}（${f.children.complete}/${f.children.completeTotal}）`],
        ]}
      />
      <Title order={4} mt="sm">{t('summary:sections.room')}</Title>
      <Text size="xs" c="dimmed">{t('summary:help.room')}</Text>
      <Rows
        rows={[
          [t('summary:f.daysOpen'), f.room.daysOpen],
          [t('summary:f.visits'), f.room.visits],
          [t('summary:f.distinct'), f.room.distinctChildren],
          [t('summary:f.perDay'), f.room.perOpenDay],
          [t('summary:f.busiest'), f.room.busiestWeekday ? t('summary:v.busiest', { day: t(`birthdays:weekdays.${f.room.busiestWeekday.weekday}`), visits: f.room.busiestWeekday.visits }) : '—'],
        ]}
      />
      <Text size="sm" fw={600} mt="xs">{t('summary:charts.visits')}</Text>
      <BarChart {...chartProps} data={f.room.byWeek.map((w) => ({ week: dayjs(w.week).format('M/D'), visits: w.visits }))} dataKey="week" series={[{ name: 'visits', label: t('summary:f.visits'), ...BAR }]} />
      <Title order={4} mt="sm">{t('summary:sections.contact')}</Title>
      <Text size="xs" c="dimmed">{t('summary:help.contact')}</Text>
      <Rows
        rows={[
          [t('summary:f.calls'), t('summary:v.calls', { voice: f.contact.voice, video: f.contact.video, letters: f.contact.letters })],
          ...f.contact.byMonth.map((m) => [t('summary:f.month', { month: m.month }), `${pct(m.contacted, m.children)}（${m.contacted}/${m.children}）`] as [string, string]),
          [t('summary:f.missed'), f.contact.missed.length === 0 ? t('summary:v.none') : f.contact.missed.map((m) => `${m.name}（${className(m.grade, m.classNo)}，${m.months.map((x) => Number(x.slice(5))).join('、')}${t('summary:v.monthSuffix')}）`).join('；')],
        ]}
      />
      <Text size="sm" fw={600} mt="xs">{t('summary:charts.contacts')}</Text>
      <BarChart
        {...chartProps}
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
      <Text size="xs" c="dimmed">{t('summary:help.library')}</Text>
      <SimpleGrid cols={2} className="summary-block">
        <div>
          <Text size="sm" fw={600} mt="xs">{t('library:stats.topReaders')}</Text>
          <Rows rows={f.library.topReaders.map((r, i) => [`${i + 1}. ${r.name}（${className(r.grade, r.classNo)}）`, t('library:stats.booksN', { count: r.loans })] as [string, string])} />
        </div>
        <div>
          <Text size="sm" fw={600} mt="xs">{t('library:stats.topTitles')}</Text>
          <Rows rows={f.library.topTitles.map((r, i) => [`${i + 1}. ${r.title}`, t('library:stats.timesN', { count: r.loans })] as [string, string])} />
        </div>
      </SimpleGrid>
      <Title order={4} mt="sm">{t('summary:sections.events')}</Title>
      <Text size="xs" c="dimmed">{t('summary:help.events')}</Text>
      <Rows
        rows={[
          [t('summary:f.eventsHeld'), `${events}${f.events.held.length > 0 ? `（${f.events.held.map((e) => `${category(e.key, e.name)} ${e.events}`).join('，')}）` : ''}`],
          [t('summary:f.signups'), f.events.signups],
          [t('summary:f.attendances'), f.events.attendances],
          [t('summary:f.takingPart'), `${f.events.takingPart}（${pct(f.events.takingPart, f.children.active)}）`],
        ]}
      />
      <Text size="sm" fw={600} mt="xs">{t('summary:charts.events')}</Text>
      <BarChart {...chartProps} data={f.events.held.map((e) => ({ category: category(e.key, e.name), events: e.events }))} dataKey="category" series={[{ name: 'events', label: t('summary:f.eventsHeld'), ...BAR }]} />
      <CareSummary f={f.care} />
    </div>
  );
}
