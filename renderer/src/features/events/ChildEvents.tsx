import { Badge, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { useProcedure } from '../../data/index.js';

/** A child's events on the child page: signed up, waiting, how many sessions attended. */
export function ChildEvents({ childId }: { childId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useProcedure('events.ofChild', { childId });
  const rows = list.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="child-events">
      <Text fw={600} mb="xs">
        {t('events:childTitle')}
      </Text>
      {list.isSuccess && rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('events:childNone')}</Text>
      ) : (
        <Table fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/events/${r.eventId}`)}>
                <Table.Td>{dayjs(r.startsAt).format('YYYY-MM-DD')}</Table.Td>
                <Table.Td fw={600}>{r.title}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={r.status === 'confirmed' ? 'teal' : 'orange'}>
                    {r.status === 'waitlist' ? t('events:waitlist') : t('events:print.in')}
                  </Badge>
                </Table.Td>
                <Table.Td c="dimmed">{r.eventStatus === 'held' ? t('events:attendedOf', { attended: r.attended, sessions: r.sessions }) : t(`events:statuses.${r.eventStatus}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
