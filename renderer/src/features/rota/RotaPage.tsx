import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { IconPrinter } from '@tabler/icons-react';
import type { RotaDay } from '../../../../shared/domain/rota.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useSession } from '../../app/queries.js';
import { WhenToday } from '../../app/useToday.js';
import { DialogActions, useFormFailure } from '../../app/forms.js';
import { RotaCalendar } from './RotaCalendar.js';
import { DUTY_WEEKDAYS } from './teacherFormat.js';

type Dialog = { kind: 'change'; day: RotaDay } | { kind: 'swap'; day: RotaDay } | null;

/** The duty rota (值班表): who is on duty each day of a month, changes and swaps, the room's calendar. */
export function RotaPage() {
  return <WhenToday>{(today) => <Rota today={today} />}</WhenToday>;
}

export function useDayStatus(): (d: RotaDay) => string {
  const { t } = useTranslation();
  return (d) =>
    d.reason === 'special'
      ? t('rota:status.special', { name: d.calendarName })
      : d.reason === 'closure'
        ? t('rota:status.closure', { name: d.calendarName })
        : d.open
          ? t('rota:status.open')
          : t('rota:status.closedWeekday');
}

function Rota({ today }: { today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const session = useSession();
  const isAdmin = session.data?.teacher?.role === 'admin';
  const [month, setMonth] = useState(today.slice(0, 7));
  const from = `${month}-01`;
  const to = dayjs(from).endOf('month').format('YYYY-MM-DD');
  const days = useProcedure('rota.days', { from, to });
  const teachers = useProcedure('teachers.list');
  const status = useDayStatus();
  const [dialog, setDialog] = useState<Dialog>(null);
  const clear = useProcedureMutation('rota.clearChange', {
    input: (day: string) => ({ day }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const pattern = DUTY_WEEKDAYS.map((d) => ({
    weekday: d,
    names: (teachers.data ?? []).filter((x) => x.active && x.dutyDays.includes(d)).map((x) => x.name),
  }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('rota:title')}</Title>
        <Group>
          <MonthPickerInput aria-label={t('rota:month')} w={140} value={from} onChange={(v) => v && setMonth(dayjs(v).format('YYYY-MM'))} valueFormat="YYYY-MM" />
          <Button leftSection={<IconPrinter size={16} />} variant="default" onClick={() => navigate(`/print/rota?month=${month}`)} data-testid="print-rota">
            {t('rota:print')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group gap="lg" wrap="wrap">
          <Text fw={600} size="sm">
            {t('rota:pattern')}
          </Text>
          {pattern.map((p) => (
            <Text key={p.weekday} size="sm">
              <Text span c="dimmed">
                {t(`birthdays:weekdays.${p.weekday}`)}
              </Text>{' '}
              {p.names.length > 0 ? p.names.join(t('rota:listSep')) : '—'}
            </Text>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('rota:patternHint')}
        </Text>
      </Paper>
      {days.isError && <Alert color="red">{errorText(days.error)}</Alert>}
      <Table striped verticalSpacing={4} data-testid="rota-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rota:columns.day')}</Table.Th>
            <Table.Th>{t('rota:columns.status')}</Table.Th>
            <Table.Th>{t('rota:columns.teacher')}</Table.Th>
            <Table.Th>{t('rota:columns.change')}</Table.Th>
            {isAdmin && <Table.Th>{t('common:actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(days.data ?? []).map((d) => (
            <Table.Tr key={d.day} fw={d.day === today ? 700 : undefined} c={d.open ? undefined : 'dimmed'} data-testid={`rota-${d.day}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {dayjs(d.day).format('M/D')} {t(`birthdays:weekdays.${d.weekday}`)}
                {d.day === today && (
                  <Badge ml={6} size="xs">
                    {t('rota:today')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{status(d)}</Table.Td>
              <Table.Td>{d.open ? d.teachers.map((x) => x.name).join(t('rota:listSep')) || <Text span c="orange">{t('rota:nobody')}</Text> : ''}</Table.Td>
              <Table.Td>
                {d.changed && (
                  <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
                    {d.changeReason || t('rota:changed')}
                  </Badge>
                )}
              </Table.Td>
              {isAdmin && (
                <Table.Td>
                  {d.open && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'change', day: d })}>
                        {t('rota:change')}
                      </Button>
                      {d.teachers.length === 1 && (
                        <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'swap', day: d })}>
                          {t('rota:swap')}
                        </Button>
                      )}
                      {d.changed && (
                        <Button size="compact-xs" variant="subtle" onClick={() => clear.mutate(d.day)}>
                          {t('rota:undoChange')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RotaCalendar isAdmin={isAdmin} />
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        centered
        title={dialog ? t(dialog.kind === 'change' ? 'rota:changeTitle' : 'rota:swapTitle', { day: dialog.day.day }) : ''}
      >
        {dialog?.kind === 'change' && <ChangeForm day={dialog.day} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'swap' && <SwapForm day={dialog.day} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

function ChangeForm({ day, onDone }: { day: RotaDay; onDone: () => void }) {
  const { t } = useTranslation();
  const teachers = useProcedure('teachers.list');
  const form = useForm({ initialValues: { teacherId: '', reason: '' }, validate: { teacherId: (v) => (v ? null : t('validation:required')) } });
  const { failure, onError } = useFormFailure(form);
  const save = useProcedureMutation('rota.setChange', {
    input: (v: { teacherId: string; reason: string }) => ({ day: day.day, teacherId: Number(v.teacherId), reason: v.reason }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
      onDone();
    },
    onError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <Text size="sm">{t('rota:changeNow', { names: day.teachers.map((x) => x.name).join(t('rota:listSep')) || t('rota:nobody') })}</Text>
        <Select
          label={t('rota:changeTo')}
          data={(teachers.data ?? []).filter((x) => x.active).map((x) => ({ value: String(x.id), label: x.name }))}
          searchable
          data-autofocus
          {...form.getInputProps('teacherId')}
        />
        <TextInput label={t('rota:reason')} placeholder={t('rota:reasonPlaceholder')} {...form.getInputProps('reason')} />
        <DialogActions failure={failure} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function SwapForm({ day, onDone }: { day: RotaDay; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ other: string | null }>({ initialValues: { other: null }, validate: { other: (v) => (v ? null : t('validation:required')) } });
  const { failure, onError } = useFormFailure(form);
  const swap = useProcedureMutation('rota.swap', {
    input: (v: { other: string | null }) => ({ a: day.day, b: dayjs(v.other).format('YYYY-MM-DD') }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
      onDone();
    },
    onError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => swap.mutate(v))}>
      <Stack>
        <Text size="sm">{t('rota:swapIntro', { name: day.teachers[0]?.name ?? '' })}</Text>
        <DateInput label={t('rota:swapWith')} valueFormat="YYYY-MM-DD" data-autofocus {...form.getInputProps('other')} />
        <DialogActions failure={failure} pending={swap.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

