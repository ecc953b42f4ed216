import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { TermRangePicker, useTermRange } from '../../components/TermRangePicker/index.js';
import { useClassName } from '../children/format.js';

/** 谈心记录 of a term or range, newest first; a follow-up still open can be marked done. */
export function TalksTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const className = useClassName();
  const errorText = useErrorText();
  const { from, to, picker } = useTermRange({ stopAtToday: true });
  const talks = useProcedure('care.talks', { from: from!, to: to! }, { enabled: from !== null && to !== null });
  const done = useProcedureMutation('care.followUpDone', { input: (id: number) => ({ id, day: today }) });
  return (
    <Stack gap="sm">
      <TermRangePicker picker={picker} termLabel={t('care:term')} rangeLabel={t('care:range')} />
      {talks.isError && <Alert color="red">{errorText(talks.error)}</Alert>}
      <Text size="sm" c="dimmed">{t('care:talk.count', { count: talks.data?.length ?? 0 })}</Text>
      {(talks.data?.length ?? 0) > 0 && (
        <Table striped data-testid="talks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care:day')}</Table.Th>
              <Table.Th>{t('care:child')}</Table.Th>
              <Table.Th>{t('care:talk.by')}</Table.Th>
              <Table.Th>{t('care:talk.topics')}</Table.Th>
              <Table.Th>{t('care:talk.summary')}</Table.Th>
              <Table.Th>{t('care:talk.followUp')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {talks.data!.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{k.day}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <b>{k.childName}</b> <Text span size="sm" c="dimmed">{className(k.grade, k.classNo)}</Text>
                </Table.Td>
                <Table.Td>{k.byName}</Table.Td>
                <Table.Td>{k.topics.map((x) => t(`care:topics.${x}`)).join('、')}</Table.Td>
                <Table.Td maw={320}>{k.summary}</Table.Td>
                <Table.Td>
                  {k.followUp && (
                    <Group gap={4}>
                      <Text size="sm">{k.followUp}{k.followUpBy && `（${k.followUpBy}）`}</Text>
                      {k.followUpDone ? (
                        <Badge color="teal" variant="light">{t('care:talk.done', { day: k.followUpDone })}</Badge>
                      ) : (
                        <Button size="compact-xs" variant="light" loading={done.isPending} onClick={() => done.mutate(k.id)}>{t('care:talk.markDone')}</Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** 家访记录 of a term or range, and the left-behind families not yet visited this term. */
export function VisitsTab({ onVisit }: { onVisit: (childId: number) => void }) {
  const { t } = useTranslation();
  const className = useClassName();
  const navigate = useNavigate();
  const { from, to, picker } = useTermRange({ stopAtToday: true });
  const visits = useProcedure('care.visits', { from: from!, to: to! }, { enabled: from !== null && to !== null });
  const due = useProcedure('care.due', { mine: false });
  const notVisited = (due.data?.items ?? []).filter((d) => d.kind === 'visit');
  return (
    <Stack gap="sm">
      <Text fw={700}>{t('care:visit.notYet', { count: notVisited.length })}</Text>
      {notVisited.length === 0 ? (
        <Alert color="teal">{t('care:visit.allVisited')}</Alert>
      ) : (
        <Group gap={6} data-testid="not-visited">
          {notVisited.map((d) => (
            <Badge key={d.childId} variant="light" size="lg" style={{ cursor: 'pointer', textTransform: 'none' }} onClick={() => onVisit(d.childId)}>
              {d.name} · {className(d.grade, d.classNo)}
            </Badge>
          ))}
        </Group>
      )}
      <TermRangePicker picker={picker} termLabel={t('care:term')} rangeLabel={t('care:range')} />
      <Text size="sm" c="dimmed">{t('care:visit.count', { count: visits.data?.length ?? 0 })}</Text>
      {(visits.data?.length ?? 0) > 0 && (
        <Table striped data-testid="visits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care:day')}</Table.Th>
              <Table.Th>{t('care:child')}</Table.Th>
              <Table.Th>{t('care:visit.teachers')}</Table.Th>
              <Table.Th>{t('care:visit.met')}</Table.Th>
              <Table.Th>{t('care:visit.found')}</Table.Th>
              <Table.Th>{t('care:visit.agreed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visits.data!.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{v.day}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', cursor: 'pointer' }} onClick={() => navigate(`/children/${v.childId}`)}>
                  <b>{v.childName}</b> <Text span size="sm" c="dimmed">{className(v.grade, v.classNo)}</Text>
                </Table.Td>
                <Table.Td>{v.teacherNames.join('、')}</Table.Td>
                <Table.Td>{t(`care:met.${v.met}`)} · {t(`care:how.${v.how}`)}</Table.Td>
                <Table.Td maw={260}>{v.found}</Table.Td>
                <Table.Td maw={260}>{v.agreed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
