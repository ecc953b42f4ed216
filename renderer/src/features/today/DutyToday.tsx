import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { IconUserCheck } from '@tabler/icons-react';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';

/** Today's duty teacher (or why the room is closed), the previous handover note, and today's. */
export function DutyToday({ today }: { today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const rota = useProcedure('rota.days', { from: today, to: today });
  const previous = useProcedure('rota.previousNote', { day: today });
  const mine = useProcedure('rota.note', { day: today });
  const [note, setNote] = useState('');
  const saved = mine.data?.note ?? '';
  useEffect(() => setNote(saved), [saved]);
  const save = useProcedureMutation('rota.saveNote', {
    input: () => ({ day: today, note }),
    onSuccess: () => notifications.show({ color: 'teal', message: t('common:saved') }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const d = rota.data?.[0];
  if (!d) return null;
  return (
    <Paper withBorder p="md" data-testid="today-duty">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconUserCheck size={20} />
            {!d.open ? (
              <Text fw={700} c="orange" data-testid="duty-teacher">
                {d.reason === 'closure' ? t('rota:todayClosedFor', { name: d.calendarName }) : t('rota:todayClosed')}
              </Text>
            ) : d.teachers.length === 0 ? (
              <Text fw={700} c="orange" data-testid="duty-teacher">
                {t('rota:todayNobody')}
              </Text>
            ) : (
              <Text fw={700} data-testid="duty-teacher">
                {t('rota:todayDuty', { names: d.teachers.map((x) => (x.phone ? `${x.name} ${x.phone}` : x.name)).join(t('rota:listSep')) })}
                {d.reason === 'special' && <Text span c="teal" size="sm">{` · ${d.calendarName}`}</Text>}
              </Text>
            )}
          </Group>
          <Anchor size="sm" onClick={() => navigate('/rota')} style={{ flexShrink: 0 }}>
            {t('rota:link')}
          </Anchor>
        </Group>
        {previous.data && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="previous-note">
            <Text span c="dimmed">
              {t('rota:previousNote', { day: dayjs(previous.data.day).format('M/D'), name: previous.data.teacherName ?? '—' })}
            </Text>
            {previous.data.note}
          </Text>
        )}
        <Group align="flex-end" wrap="nowrap">
          <GrowingTextarea
            label={t('rota:noteLabel')}
            placeholder={t('rota:notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            minRows={1}
            maxRows={5}
            maxLength={1000}
            style={{ flex: 1 }}
          />
          <Button variant="light" onClick={() => save.mutate()} loading={save.isPending} disabled={note === saved}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
