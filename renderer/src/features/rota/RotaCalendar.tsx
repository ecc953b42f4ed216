import { ActionIcon, Badge, Group, Paper, Stack, Table, Text, TextInput, Title, Button } from '@mantine/core';
import { Segmented } from '../../components/Segmented/index.js';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { IconTrash } from '@tabler/icons-react';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useFormFailure } from '../../app/forms.js';

type V = { kind: 'closed' | 'open'; name: string; from: string | null; to: string | null };

/** The room's calendar: closures (寒暑假, 节假日) and special openings (a holiday programme). */
export function RotaCalendar({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const entries = useProcedure('rota.calendar');
  const form = useForm<V>({ initialValues: { kind: 'closed', name: '', from: null, to: null } });
  const { failure, onError } = useFormFailure(form);
  const day = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '');
  const add = useProcedureMutation('rota.addCalendar', {
    input: (v: V) => ({ kind: v.kind, name: v.name, from: day(v.from), to: day(v.to ?? v.from) }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
      form.reset();
    },
    onError,
  });
  const remove = useProcedureMutation('rota.removeCalendar', {
    input: (id: number) => ({ id }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  return (
    <Paper withBorder p="md" data-testid="room-calendar">
      <Stack gap="sm">
        <Title order={4}>{t('rota:calendar.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('rota:calendar.intro')}
        </Text>
        {(entries.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('rota:calendar.none')}
          </Text>
        ) : (
          <Table verticalSpacing={2}>
            <Table.Tbody>
              {(entries.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Badge color={e.kind === 'closed' ? 'gray' : 'teal'} variant="light">
                      {t(`rota:calendar.kinds.${e.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td fw={600}>{e.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.from === e.to ? e.from : `${e.from} – ${e.to}`}</Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t('common:delete')} onClick={() => remove.mutate(e.id)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {isAdmin && (
          <form onSubmit={form.onSubmit((v) => add.mutate(v))}>
            <Group align="flex-end" wrap="wrap">
              <Segmented
                data={[
                  { value: 'closed', label: t('rota:calendar.kinds.closed') },
                  { value: 'open', label: t('rota:calendar.kinds.open') },
                ]}
                value={form.values.kind}
                onChange={(kind) => form.setFieldValue('kind', kind)}
              />
              <TextInput label={t('rota:calendar.name')} placeholder={t('rota:calendar.namePlaceholder')} w={180} {...form.getInputProps('name')} />
              <DateInput label={t('rota:calendar.from')} valueFormat="YYYY-MM-DD" w={150} {...form.getInputProps('from')} />
              <DateInput label={t('rota:calendar.to')} valueFormat="YYYY-MM-DD" w={150} clearable {...form.getInputProps('to')} />
              <Button type="submit" loading={add.isPending}>
                {t('rota:calendar.add')}
              </Button>
            </Group>
            {failure && (
              <Text c="red" size="sm" mt={4} role="alert">
                {failure}
              </Text>
            )}
          </form>
        )}
      </Stack>
    </Paper>
  );
}
