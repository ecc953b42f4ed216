import { memo, useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title, type MantineTheme } from '@mantine/core';
import { Segmented } from '../../components/Segmented/index.js';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { IconCake, IconPrinter } from '@tabler/icons-react';
import type { BirthdayRow } from '../../../../shared/api/birthdays.js';
import { mondayOf } from '../../../../shared/domain/dates.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { WhenToday } from '../../app/useToday.js';
import { useClassName } from '../children/format.js';
import { useLunarLabel } from './format.js';
import { badgeLook, CELL, PlainBadge, rowLook, usePlainLooks, WindowedRows, withStyle, type BadgeLook, type RowProps } from '../../components/WindowedRows/index.js';

type Span = 'today' | 'week' | 'month' | 'next';

function spanOf(span: Span, today: string): [string, string] {
  const d = dayjs(today);
  switch (span) {
    case 'today':
      return [today, today];
    case 'week': {
      const monday = mondayOf(today);
      return [monday, dayjs(monday).add(6, 'day').format('YYYY-MM-DD')];
    }
    case 'month':
      return [d.startOf('month').format('YYYY-MM-DD'), d.endOf('month').format('YYYY-MM-DD')];
    case 'next': {
      const n = d.add(1, 'month');
      return [n.startOf('month').format('YYYY-MM-DD'), n.endOf('month').format('YYYY-MM-DD')];
    }
  }
}

const ROW = rowLook({ striped: true, hover: true });
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const NAME = { fontWeight: 600 } as const;
const POINTER = { cursor: 'pointer' } as const;
const todayBadge = (theme: MantineTheme) => withStyle(badgeLook(theme, { variant: 'light', size: 'md', color: 'pink' }), { marginLeft: 6 });

/**
 * Birthday rows: the date it is celebrated, the age turned, lunar ones labelled. Plain rows with Mantine's
 * looks, drawn in a window when long: a big school's month is some 170 children, and a Mantine row of
 * cells each drew a dozen components.
 */
export function BirthdayTable({ rows, today }: { rows: BirthdayRow[]; today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const lunarLabel = useLunarLabel();
  const badge = usePlainLooks(todayBadge);
  const open = useCallback((id: number) => navigate(`/children/${id}`), [navigate]);
  const renderRow = useCallback(
    (r: BirthdayRow, props: RowProps) => (
      <BirthdayRowView key={birthdayKey(r)} {...props} r={r} today={today} t={t} className={className} lunarLabel={lunarLabel} badge={badge} onOpen={open} />
    ),
    [today, t, className, lunarLabel, badge, open],
  );
  return (
    <Table striped highlightOnHover data-testid="birthdays">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('birthdays:date')}</Table.Th>
          <Table.Th>{t('children:columns.name')}</Table.Th>
          <Table.Th>{t('children:columns.class')}</Table.Th>
          <Table.Th>{t('birthdays:turns')}</Table.Th>
          <Table.Th>{t('birthdays:calendar')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <WindowedRows rows={rows} rowKey={birthdayKey} columns={5} renderRow={renderRow} />
    </Table>
  );
}

const birthdayKey = (r: BirthdayRow) => `${r.childId}-${r.date}`;

const BirthdayRowView = memo(function BirthdayRowView({
  r,
  today,
  t,
  className,
  lunarLabel,
  badge,
  onOpen,
  ...row
}: RowProps & {
  r: BirthdayRow;
  today: string;
  t: TFunction;
  className: (grade: number | null, classNo: number | null) => string;
  lunarLabel: ReturnType<typeof useLunarLabel>;
  badge: BadgeLook;
  onOpen: (id: number) => void;
}) {
  return (
    <tr {...ROW} {...row} style={POINTER} onClick={() => onOpen(r.childId)}>
      <td className={CELL} style={NOWRAP}>
        {r.monthOnly ? t('birthdays:monthOnly', { month: dayjs(r.date).month() + 1 }) : <>{r.date} {t(`birthdays:weekdays.${dayjs(r.date).day()}`)}</>}
        {r.date === today && <PlainBadge look={badge}>{t('birthdays:todayBadge')}</PlainBadge>}
      </td>
      <td className={CELL} style={NAME}>
        {r.name}
      </td>
      <td className={CELL} style={NOWRAP}>
        {className(r.grade, r.classNo)}
      </td>
      <td className={CELL}>{r.age === null ? '—' : t('birthdays:ageN', { count: r.age })}</td>
      <td className={CELL}>{r.calendar === 'lunar' && r.lunar ? lunarLabel(r.lunar) : t('birthdays:solar')}</td>
    </tr>
  );
});

export function BirthdaysPage() {
  return <WhenToday>{(today) => <Birthdays today={today} />}</WhenToday>;
}

function Birthdays({ today }: { today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [span, setSpan] = useState<Span>('week');
  const [from, to] = spanOf(span, today);
  const list = useProcedure('birthdays.list', { from, to });
  return (
    <Stack gap="md">
      <Title order={2}>{t('birthdays:title')}</Title>
      <Group justify="space-between">
        <Segmented value={span} onChange={setSpan} data={(['today', 'week', 'month', 'next'] as const).map((s) => ({ value: s, label: t(`birthdays:spans.${s}`) }))} />
        <Text size="sm" c="dimmed">
          {from === to ? from : `${from} – ${to}`}
        </Text>
      </Group>
      {list.isError && <Alert color="red">{errorText(list.error)}</Alert>}
      {list.data &&
        (list.data.rows.length === 0 ? (
          <Text c="dimmed">{t('birthdays:none')}</Text>
        ) : (
          <BirthdayTable rows={list.data.rows} today={today} />
        ))}
      {list.data && list.data.noBirthDate > 0 && (
        <Alert color="orange" data-testid="no-birth-date">
          {t('birthdays:noBirthDate', { count: list.data.noBirthDate })}{' '}
          <Anchor size="sm" onClick={() => navigate('/children')}>
            {t('birthdays:toRecords')}
          </Anchor>
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('birthdays:rules')}
      </Text>
      <GroupBirthday today={today} />
    </Stack>
  );
}

/** 集体生日: the month's children, the printed list, and the record that the party was held. */
function GroupBirthday({ today }: { today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  // Null: the month of the core's today, worked out each time (a PC left on overnight moves on).
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? today.slice(0, 7);
  const [heldOnPicked, setHeldOn] = useState<string | null>(null);
  const heldOn = heldOnPicked ?? (today.slice(0, 7) === month ? today : `${month}-01`);
  const [note, setNote] = useState('');
  const data = useProcedure('birthdays.month', { month });
  const record = useProcedureMutation('birthdays.recordParty', { input: () => ({ month, heldOn: heldOn ?? '', note }) });
  const d = data.data;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <Title order={3}>
              <IconCake size={20} /> {t('birthdays:group.title')}
            </Title>
            <MonthPickerInput w={160} value={`${month}-01`} valueFormat="YYYY-MM" onChange={(v) => v && setMonth(dayjs(v).format('YYYY-MM'))} aria-label={t('birthdays:group.month')} />
          </Group>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/birthdays?month=${month}`)}>
            {t('birthdays:group.print')}
          </Button>
        </Group>
        {d && (
          <>
            <Text size="sm" data-testid="group-count">
              {t('birthdays:group.count', { month: Number(month.slice(5)), count: d.rows.length })}
            </Text>
            {d.rows.length > 0 && <BirthdayTable rows={d.rows} today={today} />}
            {d.party ? (
              <Alert color="teal" data-testid="party-held">
                {t('birthdays:group.held', { date: d.party.heldOn, count: d.party.children, teacher: d.party.teacherName ?? '' })}
                {d.party.note && `（${d.party.note}）`}
              </Alert>
            ) : (
              <Group align="flex-end">
                <DateInput label={t('birthdays:group.heldOn')} w={160} value={heldOn} onChange={setHeldOn} valueFormat="YYYY-MM-DD" />
                <TextInput label={t('birthdays:group.note')} placeholder={t('birthdays:group.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button loading={record.isPending} onClick={() => record.mutate()}>
                  {t('birthdays:group.record')}
                </Button>
              </Group>
            )}
            {record.isError && (
              <Text c="red" size="sm" role="alert">
                {errorText(record.error)}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
