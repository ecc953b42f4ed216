import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { OpeningHours } from '../../../../shared/domain/hours.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';

// Monday first, as a Chinese week is written; the stored array starts on Sunday.
const ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Opening hours per weekday: closing time is when the desk lists children still signed in. */
export function HoursPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const saved = useProcedure('settings.hours');
  const [hours, setHours] = useState<OpeningHours | null>(null);
  useEffect(() => {
    if (saved.data) setHours(saved.data);
  }, [saved.data]);
  const save = useProcedureMutation('settings.setHours', {
    input: (h: OpeningHours) => ({ hours: h }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  if (!hours) return null;
  const set = (day: number, value: OpeningHours[number]) => setHours(hours.map((h, i) => (i === day ? value : h)));
  return (
    <Stack maw={560}>
      <Text size="sm" c="dimmed">
        {t('settings:hours.intro')}
      </Text>
      <Table>
        <Table.Tbody>
          {ORDER.map((d) => {
            const h = hours[d] ?? null;
            return (
              <Table.Tr key={d}>
                <Table.Td w={90}>{t(`settings:hours.days.${d}`)}</Table.Td>
                <Table.Td w={110}>
                  <Checkbox
                    label={t('settings:hours.open')}
                    checked={h !== null}
                    disabled={!isAdmin}
                    onChange={(e) => set(d, e.currentTarget.checked ? { open: '15:30', close: '18:00' } : null)}
                  />
                </Table.Td>
                <Table.Td>
                  {h && (
                    <Group gap="xs" wrap="nowrap">
                      <TimePicker aria-label={`${t(`settings:hours.days.${d}`)} ${t('settings:hours.from')}`} value={h.open} disabled={!isAdmin} onChange={(value) => set(d, { ...h, open: value.slice(0, 5) })} w={110} />
                      <Text>–</Text>
                      <TimePicker aria-label={`${t(`settings:hours.days.${d}`)} ${t('settings:hours.to')}`} value={h.close} disabled={!isAdmin} onChange={(value) => set(d, { ...h, close: value.slice(0, 5) })} w={110} />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {isAdmin && (
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate(hours)}>
            {t('common:save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
