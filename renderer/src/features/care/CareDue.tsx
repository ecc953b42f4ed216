import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconHeartHandshake } from '@tabler/icons-react';
import { dueKinds } from '../../../../shared/domain/careKinds.js';
import { useProcedure } from '../../data/index.js';
import { useToday } from '../../app/useToday.js';
import { useClassName } from '../children/format.js';

const SHOWN = 8;

/**
 * The Today page's care card: what is due this week for the signed-in teacher's paired children (the
 * whole school when the teacher has none): talks, home visits, guardian contacts, follow-ups, plan reviews.
 */
export function CareDue() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const today = useToday();
  const mine = useProcedure('care.mine', {});
  const hasOwn = (mine.data?.length ?? 0) > 0;
  const due = useProcedure('care.due', { mine: hasOwn }, { enabled: mine.isSuccess });
  if (!due.data || !today) return null;
  const counts = dueKinds.map((k) => [k, due.data.items.filter((i) => i.kind === k).length] as const).filter(([, n]) => n > 0);
  // This week's first: what falls due by Sunday, then the month's and the term's.
  const items = [...due.data.items].sort((a, b) => Number(a.by > due.data.weekEnd) - Number(b.by > due.data.weekEnd)).slice(0, SHOWN);
  return (
    <Paper withBorder p="md" data-testid="today-care">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconHeartHandshake size={20} />
          <Text fw={700}>{t(hasOwn ? 'care:today.titleMine' : 'care:today.titleAll', { count: due.data.items.length })}</Text>
        </Group>
        <Anchor size="sm" onClick={() => navigate('/care')}>{t('care:today.link')}</Anchor>
      </Group>
      {due.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">{t('care:today.none')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">{counts.map(([k, n]) => t(`care:today.count.${k}`, { count: n })).join(' · ')}</Text>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {items.map((d, i) => (
                <Table.Tr key={i} style={{ cursor: 'pointer' }} onClick={() => navigate(`/children/${d.childId}`)}>
                  <Table.Td fw={600}>{d.name}</Table.Td>
                  <Table.Td>{className(d.grade, d.classNo)}</Table.Td>
                  <Table.Td>{t(`care:due.${d.kind}`, { by: d.by.slice(5), done: d.done, target: d.target })}</Table.Td>
                  <Table.Td c={d.by < today ? 'red' : d.by <= due.data.weekEnd ? 'orange' : 'dimmed'}>{d.by < today ? t('care:today.overdue') : d.by <= due.data.weekEnd ? t('care:today.thisWeek') : d.by}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  );
}
