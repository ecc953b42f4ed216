import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useProcedure } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useClassName } from '../children/format.js';
import { DueBadges } from './DueBadges.js';
import { useTeacherOptions } from './ChildPicker.js';
import { useSession } from '../../app/queries.js';

/** 我的结对儿童: the signed-in teacher's children, when they last talked and were visited, and what is due. */
export function MineTab({ today, onTalk, onVisit }: { today: string; onTalk: (childId: number) => void; onVisit: (childId: number) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const className = useClassName();
  const session = useSession();
  const teachers = useTeacherOptions();
  // The principal looks at any teacher's list; a teacher at their own.
  const isAdmin = session.data?.teacher?.role === 'admin';
  const [whose, setWhose] = useState<string | null>(null);
  const mine = useProcedure('care.mine', { teacherId: whose === null ? null : Number(whose) });
  const picker = isAdmin && (
    <Select w={220} label={t('care:mine.teacher')} data={teachers} value={whose ?? String(session.data?.teacher?.id ?? '')} onChange={setWhose} allowDeselect={false} />
  );
  if (mine.isError) return <Alert color="red">{errorText(mine.error)}</Alert>;
  if (!mine.data) return null;
  if (mine.data.length === 0)
    return (
      <Stack gap="xs">
        {picker}
        <Alert color="gray" data-testid="mine-empty">{t(whose === null ? 'care:mine.none' : 'care:mine.noneOther')}</Alert>
      </Stack>
    );
  return (
    <Stack gap="xs">
      {picker}
      <Text size="sm" c="dimmed">{t('care:mine.help', { count: mine.data.length })}</Text>
      <Table striped data-testid="mine">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('care:child')}</Table.Th>
            <Table.Th>{t('care:class')}</Table.Th>
            <Table.Th>{t('care:mine.since')}</Table.Th>
            <Table.Th>{t('care:mine.lastTalk')}</Table.Th>
            <Table.Th>{t('care:mine.lastVisit')}</Table.Th>
            <Table.Th>{t('care:mine.due')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mine.data.map((m) => (
            <Table.Tr key={m.pairing.id} data-child={m.pairing.childId}>
              <Table.Td fw={600} style={{ cursor: 'pointer', whiteSpace: 'nowrap' }} onClick={() => navigate(`/children/${m.pairing.childId}`)}>
                {m.pairing.childName} {m.underAttention && <Badge size="xs" color="grape" variant="light">{t('care:attention.badge')}</Badge>}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{className(m.pairing.grade, m.pairing.classNo)}</Table.Td>
              <Table.Td>{m.pairing.fromDay}</Table.Td>
              <Table.Td>{m.lastTalk ?? t('care:never')}</Table.Td>
              <Table.Td>{m.lastVisit ?? t('care:never')}</Table.Td>
              <Table.Td>
                <DueBadges items={m.due} today={today} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-sm" variant="light" onClick={() => onTalk(m.pairing.childId)}>{t('care:talk.short')}</Button>
                  <Button size="compact-sm" variant="light" onClick={() => onVisit(m.pairing.childId)}>{t('care:visit.short')}</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
