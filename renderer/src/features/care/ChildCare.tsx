import { useState } from 'react';
import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconHome, IconMessageCircle } from '@tabler/icons-react';
import { yuan } from '../../../../shared/domain/care.js';
import { useProcedure } from '../../data/index.js';
import { WhenToday } from '../../app/useToday.js';
import { TalkModal } from './TalkModal.js';
import { VisitModal } from './VisitModal.js';

/**
 * A child's care on the child page: mentors (with the history), the latest talks, home visits and support.
 * Close attention is not here: its record opens only from the care section, for those who may read it.
 */
export function ChildCare({ childId }: { childId: number }) {
  const { t } = useTranslation();
  const data = useProcedure('care.ofChild', { childId });
  const [talk, setTalk] = useState(false);
  const [visit, setVisit] = useState(false);
  const d = data.data;
  return (
    <Paper withBorder p="md" data-testid="child-care">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('care:child_.title')}</Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" leftSection={<IconMessageCircle size={14} />} onClick={() => setTalk(true)}>{t('care:talk.log')}</Button>
          <Button size="compact-sm" variant="light" leftSection={<IconHome size={14} />} onClick={() => setVisit(true)}>{t('care:visit.log')}</Button>
        </Group>
      </Group>
      {d && (
        <Table fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {d.pairings.map((p) => (
              <Table.Tr key={`p${p.id}`} c={p.toDay ? 'dimmed' : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.fromDay} — {p.toDay ?? t('care:pairings.now')}</Table.Td>
                <Table.Td>{t(`care:roles.${p.role}`)}</Table.Td>
                <Table.Td fw={600}>{p.mentorName}</Table.Td>
                <Table.Td>{p.endReason}</Table.Td>
              </Table.Tr>
            ))}
            {d.talks.slice(0, 5).map((k) => (
              <Table.Tr key={`t${k.id}`}>
                <Table.Td>{k.day}</Table.Td>
                <Table.Td>{t('care:talk.short')}</Table.Td>
                <Table.Td fw={600}>{k.byName}</Table.Td>
                <Table.Td>{k.topics.map((x) => t(`care:topics.${x}`)).join('、')}{k.summary && `：${k.summary}`}</Table.Td>
              </Table.Tr>
            ))}
            {d.visits.slice(0, 3).map((v) => (
              <Table.Tr key={`v${v.id}`}>
                <Table.Td>{v.day}</Table.Td>
                <Table.Td>{t('care:visit.short')}</Table.Td>
                <Table.Td fw={600}>{v.teacherNames.join('、')}</Table.Td>
                <Table.Td>{v.found}</Table.Td>
              </Table.Tr>
            ))}
            {d.support.slice(0, 3).map((s) => (
              <Table.Tr key={`s${s.id}`}>
                <Table.Td>{s.day}</Table.Td>
                <Table.Td>{t(`care:supportKinds.${s.kind}`)}</Table.Td>
                <Table.Td fw={600}>{t(`care:sources.${s.source}`)}{s.sourceName && ` · ${s.sourceName}`}</Table.Td>
                <Table.Td>{s.amountFen > 0 ? t('care:support.yuan', { amount: yuan(s.amountFen) }) : s.items}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {d && d.pairings.length + d.talks.length + d.visits.length + d.support.length === 0 && <Text size="sm" c="dimmed">{t('care:child_.none')}</Text>}
      <WhenToday>
        {(today) => (
          <>
            <TalkModal opened={talk} onClose={() => setTalk(false)} childId={childId} today={today} />
            <VisitModal opened={visit} onClose={() => setVisit(false)} childId={childId} today={today} />
          </>
        )}
      </WhenToday>
    </Paper>
  );
}
