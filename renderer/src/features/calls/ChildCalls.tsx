import { useState } from 'react';
import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { IconPhonePlus } from '@tabler/icons-react';
import { useProcedure } from '../../data/index.js';
import { LogCallModal } from './LogCallModal.js';
import { useDuration } from './CallsPage.js';

/** A child's contact with home on the child page: counts by month and the latest calls and letters. */
export function ChildCalls({ childId }: { childId: number }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const [logging, setLogging] = useState(false);
  const data = useProcedure('calls.ofChild', { childId });
  const calls = data.data?.calls ?? [];
  const months = data.data?.byMonth ?? [];
  return (
    <Paper withBorder p="md" data-testid="child-calls">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('calls:childTitle')}</Text>
        <Button size="compact-sm" variant="light" leftSection={<IconPhonePlus size={14} />} onClick={() => setLogging(true)}>
          {t('calls:log')}
        </Button>
      </Group>
      {calls.length === 0 ? (
        <Text size="sm" c="dimmed">{t('calls:childNone')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {months
              .slice(0, 6)
              .map((m) => t('calls:monthCount', { month: m.month, voice: m.voice, video: m.video, letter: m.letter }))
              .join('；')}
          </Text>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {calls.slice(0, 12).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dayjs(c.at).format('YYYY-MM-DD HH:mm')}</Table.Td>
                  <Table.Td>
                    {t(`children:roles.${c.withRole}`)} {c.withName}
                  </Table.Td>
                  <Table.Td>
                    {t(`calls:kinds.${c.kind}`)} · {t(c.kind === 'letter' ? `calls:letterDirections.${c.direction}` : `calls:directions.${c.direction}`)}
                  </Table.Td>
                  <Table.Td>{duration(c.seconds)}</Table.Td>
                  <Table.Td c="dimmed">{c.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <LogCallModal opened={logging} onClose={() => setLogging(false)} childId={childId} />
    </Paper>
  );
}
