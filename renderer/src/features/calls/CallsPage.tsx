import { memo, useCallback, useState } from 'react';
import { Alert, Button, Group, Paper, Progress, Stack, Table, Tabs, Text, TextInput, Title, type MantineTheme } from '@mantine/core';
import type { TFunction } from 'i18next';
import { MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconFileSpreadsheet, IconPhonePlus, IconSearch } from '@tabler/icons-react';
import type { Call, CallHomeChild } from '../../../../shared/domain/calls.js';

/** As the core's calls.list cuts it. */
const LIST_LIMIT = 2000;
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { useSession } from '../../app/queries.js';
import { WhenToday } from '../../app/useToday.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';
import { TermRangePicker, useTermRange, type DayRange } from '../../components/TermRangePicker/index.js';
import { useClassName } from '../children/format.js';
import { LogCallModal } from './LogCallModal.js';
import { badgeLook, buttonLook, CELL, PlainBadge, PlainButton, rowLook, usePlainLooks, WindowedRows, type RowProps } from '../../components/WindowedRows/index.js';
import { percentText } from '../../../../shared/domain/percent.js';

export function useDuration(): (seconds: number | null) => string {
  const { t } = useTranslation();
  return (s) => (s === null ? '' : s < 60 ? t('calls:seconds', { count: s }) : t('calls:minutesN', { count: Math.round(s / 60) }));
}

const ROW = rowLook({ striped: true });
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const NAME = { fontWeight: 600, cursor: 'pointer', whiteSpace: 'nowrap' } as const;
const SMALL = { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 'var(--mantine-line-height-sm)' } as const;
const DIMMED = { ...SMALL, color: 'var(--mantine-color-dimmed)' } as const;
const callHomeLooks = (theme: MantineTheme) => ({
  never: badgeLook(theme, { variant: 'light', size: 'md', color: 'red' }),
  log: buttonLook(theme, { variant: 'light', size: 'compact-sm' }),
});
type CallHomeLooks = ReturnType<typeof callHomeLooks>;

/**
 * A child to call: name, class, when they last talked with a parent, and the away parents' numbers. Plain
 * rows with Mantine's looks, drawn in a window when long: a big school's list (a hundred children in the room,
 * or everyone not called this month) drew a dozen Mantine components per row.
 */
export function CallHomeTable({ children, onLog }: { children: CallHomeChild[]; onLog?: (childId: number) => void }) {
  const { t } = useTranslation();
  const className = useClassName();
  const navigate = useNavigate();
  const looks = usePlainLooks(callHomeLooks);
  const open = useCallback((id: number) => navigate(`/children/${id}`), [navigate]);
  const renderRow = useCallback(
    (c: CallHomeChild, props: RowProps) => <CallHomeRow key={c.childId} {...props} c={c} t={t} className={className} looks={looks} onOpen={open} onLog={onLog} />,
    [t, className, looks, open, onLog],
  );
  return (
    <Table striped data-testid="call-home">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('children:columns.name')}</Table.Th>
          <Table.Th>{t('children:columns.class')}</Table.Th>
          <Table.Th>{t('calls:lastContact')}</Table.Th>
          <Table.Th>{t('calls:parentsToCall')}</Table.Th>
          {onLog && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <WindowedRows rows={children} rowKey={callHomeKey} columns={onLog ? 5 : 4} estimateHeight={45} renderRow={renderRow} />
    </Table>
  );
}

const callHomeKey = (c: CallHomeChild) => c.childId;

const CallHomeRow = memo(function CallHomeRow({
  c,
  t,
  className,
  looks,
  onOpen,
  onLog,
  ...row
}: RowProps & {
  c: CallHomeChild;
  t: TFunction;
  className: (grade: number | null, classNo: number | null) => string;
  looks: CallHomeLooks;
  onOpen: (id: number) => void;
  onLog: ((childId: number) => void) | undefined;
}) {
  return (
    <tr {...ROW} {...row} data-child={c.childId}>
      <td className={CELL} style={NAME} onClick={() => onOpen(c.childId)}>
        {c.name}
      </td>
      <td className={CELL} style={NOWRAP}>
        {className(c.grade, c.classNo)}
      </td>
      <td className={CELL} style={NOWRAP}>
        {c.lastDay === null ? (
          <PlainBadge look={looks.never}>{t('calls:never')}</PlainBadge>
        ) : (
          <div style={SMALL}>{t('calls:daysAgo', { day: c.lastDay, count: c.daysSince ?? 0 })}</div>
        )}
      </td>
      <td className={CELL}>
        {c.parents.length === 0 ? (
          <div style={DIMMED}>{t('calls:noParentPhone')}</div>
        ) : (
          c.parents.map((p, i) => (
            <div style={SMALL} key={i}>
              {t(`children:roles.${p.role}`)} {p.name} <b>{p.phones.join(' / ') || t('calls:noPhone')}</b>
              {p.workPlace && <span style={DIMMED}>（{p.workPlace}）</span>}
            </div>
          ))
        )}
      </td>
      {onLog && (
        <td className={CELL}>
          <PlainButton look={looks.log} onClick={() => onLog(c.childId)}>
            {t('calls:logShort')}
          </PlainButton>
        </td>
      )}
    </tr>
  );
});

export function CallsPage() {
  const { t } = useTranslation();
  const [logging, setLogging] = useState<{ childId: number | null } | null>(null);
  // The same function for the page's life, so the call-home rows (memoized) are not drawn again when the dialog opens.
  const logFor = useCallback((childId: number) => setLogging({ childId }), []);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('calls:title')}</Title>
        <Button leftSection={<IconPhonePlus size={16} />} onClick={() => setLogging({ childId: null })}>
          {t('calls:log')}
        </Button>
      </Group>
      <Tabs defaultValue="home" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="home">{t('calls:tabs.home')}</Tabs.Tab>
          <Tabs.Tab value="month">{t('calls:tabs.month')}</Tabs.Tab>
          <Tabs.Tab value="log">{t('calls:tabs.log')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="home" pt="md">
          <CallHome onLog={logFor} />
        </Tabs.Panel>
        <Tabs.Panel value="month" pt="md">
          <WhenToday>{(today) => <Monthly today={today} onLog={logFor} />}</WhenToday>
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <CallLog />
        </Tabs.Panel>
      </Tabs>
      <LogCallModal opened={logging !== null} onClose={() => setLogging(null)} childId={logging?.childId ?? null} />
    </Stack>
  );
}

function CallHome({ onLog }: { onLog: (childId: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // Reads visits too: a child signing in at the kiosk joins the list at once.
  const list = useProcedure('calls.callHome');
  if (list.isError) return <Alert color="red">{errorText(list.error)}</Alert>;
  if (!list.data) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('calls:homeHelp', { days: list.data.days })}
      </Text>
      {list.data.children.length === 0 ? (
        <Alert color="teal" data-testid="call-home-empty">
          {t('calls:homeNone')}
        </Alert>
      ) : (
        <CallHomeTable children={list.data.children} onLog={onLog} />
      )}
    </Stack>
  );
}

function Monthly({ today, onLog }: { today: string; onLog: (childId: number) => void }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<string | null>(null);
  const current = month ?? today.slice(0, 7);
  const target = useProcedure('calls.monthly', { month: current });
  const d = target.data;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <MonthPickerInput label={t('calls:month')} w={180} value={`${current}-01`} onChange={(v) => v && setMonth(dayjs(v).format('YYYY-MM'))} valueFormat="YYYY-MM" />
        {d && (
          <Paper withBorder p="xs" style={{ flex: 1 }} data-testid="monthly-target">
            <Text size="sm">{t('calls:monthTarget', { contacted: d.contacted, total: d.total, rate: percentText(d.contacted, d.total) })}</Text>
            <Progress value={d.total === 0 ? 100 : (d.contacted / d.total) * 100} mt={4} color={d.contacted === d.total ? 'teal' : 'orange'} />
          </Paper>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('calls:monthHelp')}
      </Text>
      {d && d.missing.length > 0 && <CallHomeTable children={d.missing} onLog={onLog} />}
    </Stack>
  );
}

const monthSoFar = (today: string): DayRange => [dayjs(today).startOf('month').format('YYYY-MM-DD'), today];

function CallLog() {
  const { t } = useTranslation();
  const className = useClassName();
  const errorText = useErrorText();
  const duration = useDuration();
  const { from, to, picker } = useTermRange({ withTerms: false, initialRange: monthSoFar });
  const calls = useProcedure('calls.list', { from: from!, to: to! }, { enabled: from !== null && to !== null });
  const exportCalls = useProcedureMutation('calls.export', {
    input: () => ({ from: from!, to: to! }),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const session = useSession();
  const me = session.data?.teacher ?? null;
  // Only the teacher who logged a call, or an admin, may delete it (the core refuses anyone else).
  const mayRemove = (c: Call) => me !== null && (me.role === 'admin' || c.teacherId === me.id);
  const [name, setName] = useState('');
  const wanted = name.trim();
  const all: Call[] = calls.data ?? [];
  const list = wanted === '' ? all : all.filter((c) => c.childName.includes(wanted) || c.withName.includes(wanted));
  const [removing, setRemoving] = useState<Call | null>(null);
  return (
    <Stack gap="sm">
      <TermRangePicker picker={picker} rangeLabel={t('calls:range')} justify="space-between">
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} disabled={from === null || to === null} loading={exportCalls.isPending} onClick={() => exportCalls.mutate()}>
          {t('calls:export')}
        </Button>
      </TermRangePicker>
      <Group gap="sm">
        <TextInput
          placeholder={t('rota:calls.nameFilter')}
          aria-label={t('rota:calls.nameFilter')}
          leftSection={<IconSearch size={16} />}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={240}
          data-testid="call-log-name"
        />
        <Text size="sm" c="dimmed">
          {t('calls:logCount', { count: list.length })}
          {all.length >= LIST_LIMIT && ` · ${t('calls:listCut', { limit: LIST_LIMIT })}`}
        </Text>
      </Group>
      {list.length > 0 && (
        <Table striped data-testid="call-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls:when')}</Table.Th>
              <Table.Th>{t('children:columns.name')}</Table.Th>
              <Table.Th>{t('children:columns.class')}</Table.Th>
              <Table.Th>{t('calls:with')}</Table.Th>
              <Table.Th>{t('calls:kind')}</Table.Th>
              <Table.Th>{t('calls:duration')}</Table.Th>
              <Table.Th>{t('calls:teacher')}</Table.Th>
              <Table.Th>{t('calls:note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{dayjs(c.at).format('YYYY-MM-DD HH:mm')}</Table.Td>
                <Table.Td fw={600}>{c.childName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{className(c.grade, c.classNo)}</Table.Td>
                <Table.Td>
                  {t(`children:roles.${c.withRole}`)} {c.withName}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t(`calls:kinds.${c.kind}`)} · {t(c.kind === 'letter' ? `calls:letterDirections.${c.direction}` : `calls:directions.${c.direction}`)}
                </Table.Td>
                <Table.Td>{duration(c.seconds)}</Table.Td>
                <Table.Td>{c.teacherName ?? ''}</Table.Td>
                <Table.Td>{c.note}</Table.Td>
                <Table.Td>
                  {mayRemove(c) && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(c)}>
                      {t('common:delete')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {removing && <RemoveCall call={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

/** A call logged by mistake (the wrong child) is deleted with a reason, which the audit log keeps. */
function RemoveCall({ call, onClose }: { call: Call; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const remove = useProcedureMutation('calls.remove', {
    input: () => ({ id: call.id, reason }),
    onSuccess: onClose,
  });
  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title={t('calls:removeTitle', { name: call.childName, day: call.day })}
      reason={{ label: t('calls:removeReason'), value: reason, onChange: (e) => setReason(e.currentTarget.value) }}
      failure={remove.isError ? errorText(remove.error) : null}
      pending={remove.isPending}
      submitLabel={t('common:delete')}
      submitColor="red"
      onSubmit={() => remove.mutate()}
    />
  );
}
