import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { notifications } from '@mantine/notifications';
import type { BoardChild, FutureVisit, Visit } from '../../../../shared/domain/attendance.js';
import { api } from '../../api.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useToday } from '../../app/useToday.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';
import { useClassName } from '../children/format.js';
import { downloadFile } from '../../files.js';
import { useNavigate } from 'react-router';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';

const hhmm = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('HH:mm'));

/** The board child's latest visit of the day, to correct. */
function CorrectChild({ child, day, onClose }: { child: BoardChild; day: string; onClose: () => void }) {
  const visits = useProcedure('attendance.childVisits', { childId: child.id, from: day, to: day });
  const visit = visits.data?.[0];
  return visit ? <Correct name={child.name} visit={visit} day={day} onClose={onClose} /> : null;
}

/** New times for a visit, on `day` (a visit timed after now moves to the board's day). */
function Correct({ name, visit, day, onClose }: { name: string; visit: Pick<Visit, 'id' | 'inAt' | 'outAt'>; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [inTime, setIn] = useState<string | null>(null);
  const [outTime, setOut] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useProcedureMutation('attendance.correct', {
    input: () => {
      const at = (hm: string) => dayjs(`${day} ${hm}`).valueOf();
      const inAt = at(inTime ?? hhmm(visit.inAt));
      const out = outTime ?? hhmm(visit.outAt);
      return { visitId: visit.id, inAt, outAt: out === '' ? null : at(out), reason };
    },
    onSuccess: onClose,
    onError: (err) => setFailure(errorText(err)),
  });
  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title={t('attendance:correctTitle', { name })}
      centered
      reason={{ label: t('attendance:reason'), withAsterisk: true, placeholder: t('attendance:reasonPlaceholder'), value: reason, onChange: (e) => setReason(e.currentTarget.value) }}
      focusReason={false}
      failure={failure}
      pending={save.isPending}
      submitLabel={t('common:save')}
      onSubmit={() => save.mutate()}
    >
      <Group grow>
        <TimePicker label={t('attendance:inAt')} value={inTime ?? hhmm(visit.inAt)} onChange={(value) => setIn(value.slice(0, 5))} />
        <TimePicker label={t('attendance:outAt')} value={outTime ?? hhmm(visit.outAt)} onChange={(value) => setOut(value.slice(0, 5))} />
      </Group>
    </ReasonDialog>
  );
}

/** Who is in the room, who came and left, who has not come — by class, refreshed every few seconds. */
export function AttendancePage() {
  const { t } = useTranslation();
  const className = useClassName();
  const errorText = useErrorText();
  const today = useToday() ?? null;
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string | null>(null);
  const day = picked ?? today ?? '';
  const isToday = day === today;
  const board = useProcedure(
    'attendance.board',
    { day },
    {
      enabled: day !== '',
      // Pushed when anything changes (kiosk taps included); the slow poll only covers a lost connection.
      refetchInterval: isToday ? 30_000 : false,
      staleTime: 0,
    },
  );
  const [correcting, setCorrecting] = useState<BoardChild | null>(null);
  const [fixing, setFixing] = useState<FutureVisit | null>(null);
  // Two procedures, so a plain mutation: each call's `changed` refreshes the board all the same.
  const act = useMutation({
    mutationFn: ({ child, action }: { child: BoardChild; action: 'in' | 'out' }) =>
      action === 'in' ? api.attendance.signIn({ childId: child.id }) : api.attendance.signOut({ childId: child.id }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const outAll = useMutation({
    mutationFn: async (list: BoardChild[]) => {
      for (const c of list) await api.attendance.signOut({ childId: c.id });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });

  const exportDay = useProcedureMutation('attendance.exportRegister', {
    input: () => ({ day }),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const b = board.data;
  const inRoom = (b?.children ?? []).filter((c) => c.state === 'in');
  const left = (b?.children ?? []).filter((c) => c.state === 'left');
  const none = (b?.children ?? []).filter((c) => c.state === 'none');
  const closingNow = b !== undefined && isToday && b.closesAt !== null && b.now >= b.closesAt && inRoom.length > 0;

  const column = (title: string, list: BoardChild[], color: string, testId: string, action: (c: BoardChild) => React.ReactNode) => (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{title}</Text>
        <Badge color={color} size="lg" variant="light">{list.length}</Badge>
      </Group>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {list.map((c, i) => (
            <Table.Tr key={c.id}>
              <Table.Td w={96} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {i === 0 || list[i - 1]!.grade !== c.grade || list[i - 1]!.classNo !== c.classNo ? className(c.grade, c.classNo) : ''}
              </Table.Td>
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {c.name}
                {c.notSignedOut && <Badge ml={6} size="xs" color="red" variant="light">{t('attendance:notSignedOut')}</Badge>}
                {b !== undefined && Math.max(c.firstIn ?? 0, c.lastOut ?? 0) > b.now && (
                  <Badge ml={6} size="xs" color="orange" variant="light">{t('attendance:futureBadge')}</Badge>
                )}
              </Table.Td>
              <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {c.firstIn !== null && `${hhmm(c.firstIn)}${c.state === 'left' ? `–${hhmm(c.lastOut)}` : ''}`}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>{action(c)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('attendance:title')}</Title>
          {b && (
            <Text c="dimmed" data-testid="board-counts">
              {t('attendance:counts', { in: b.counts.in, left: b.counts.left, none: b.counts.none })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <DateInput value={day || null} onChange={(d) => setPicked(d)} valueFormat="YYYY-MM-DD" w={150} aria-label={t('attendance:day')} maxDate={today ?? undefined} />
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/register?day=${day}`)}>
            {t('attendance:printRegister')}
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportDay.isPending} onClick={() => exportDay.mutate()}>
            {t('attendance:exportRegister')}
          </Button>
        </Group>
      </Group>
      {closingNow && (
        <Alert color="red" variant="filled" title={t('attendance:closingTitle', { time: hhmm(b.closesAt) })} role="alert" data-testid="closing-alert">
          <Group justify="space-between">
            <Text>{t('attendance:closingBody', { count: inRoom.length, names: inRoom.map((c) => c.name).join('、') })}</Text>
            <Button color="red" variant="white" loading={outAll.isPending} onClick={() => outAll.mutate(inRoom)}>
              {t('attendance:signOutAll')}
            </Button>
          </Group>
        </Alert>
      )}
      {b !== undefined && b.future.length > 0 && (
        <Alert color="orange" title={t('attendance:futureTitle')} role="alert" data-testid="future-visits">
          <Stack gap={4}>
            <Text size="sm">{t('attendance:futureBody')}</Text>
            {b.future.map((v) => (
              <Group key={v.id} gap="xs" data-testid="future-visit">
                <Text size="sm" fw={600}>
                  {t('attendance:futureRow', { name: v.name, day: v.day, times: `${hhmm(v.inAt)}${v.outAt === null ? '' : `–${hhmm(v.outAt)}`}` })}
                </Text>
                <Button size="compact-xs" variant="light" color="orange" onClick={() => setFixing(v)}>{t('attendance:correct')}</Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={3} spacing="sm">
        {column(t('attendance:inRoom'), inRoom, 'teal', 'board-in', (c) =>
          isToday ? <Button size="compact-xs" variant="light" color="orange" onClick={() => act.mutate({ child: c, action: 'out' })}>{t('attendance:signOut')}</Button> : null,
        )}
        {column(t('attendance:cameAndLeft'), left, 'gray', 'board-left', (c) => (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={() => setCorrecting(c)}>{t('attendance:correct')}</Button>
            {isToday && <Button size="compact-xs" variant="light" onClick={() => act.mutate({ child: c, action: 'in' })}>{t('attendance:signIn')}</Button>}
          </Group>
        ))}
        {column(t('attendance:notCome'), none, 'orange', 'board-none', (c) =>
          isToday ? <Button size="compact-xs" variant="light" onClick={() => act.mutate({ child: c, action: 'in' })}>{t('attendance:signIn')}</Button> : null,
        )}
      </SimpleGrid>
      {correcting && <CorrectChild child={correcting} day={day} onClose={() => setCorrecting(null)} />}
      {/* A visit timed after now is moved to the board's day: a day the clock has reached. */}
      {fixing && <Correct name={fixing.name} visit={fixing} day={day} onClose={() => setFixing(null)} />}
    </Stack>
  );
}
