import { useState } from 'react';
import { Alert, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPrinter, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { downloadFile } from '../../files.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';
import { useClassName } from '../children/format.js';
import { PairModal } from './PairModal.js';
import { PeopleModal } from './PeopleModal.js';

/** 结对帮扶名单: every current pairing by class (or the whole history), pair, end a pairing, print, export. */
export function PairingsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const className = useClassName();
  const [all, setAll] = useState(false);
  const [pairing, setPairing] = useState(false);
  const [people, setPeople] = useState(false);
  const [ending, setEnding] = useState<number | null>(null);
  const list = useProcedure('care.pairings', { all });
  const exportFile = useProcedureMutation('care.exportPairings', {
    onSuccess: (file) => downloadFile(file),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const [reason, setReason] = useState('');
  const unpair = useProcedureMutation('care.unpair', {
    input: () => ({ id: ending!, toDay: today, reason }),
    onSuccess: () => {
      setEnding(null);
      setReason('');
    },
  });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch label={t('care:pairings.history')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <Group gap="xs">
          <Button variant="default" leftSection={<IconUsersGroup size={16} />} onClick={() => setPeople(true)}>{t('care:people.title')}</Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate('/print/pairings')}>{t('care:pairings.print')}</Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportFile.isPending} onClick={() => exportFile.mutate()}>{t('care:pairings.export')}</Button>
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setPairing(true)}>{t('care:pair.title')}</Button>
        </Group>
      </Group>
      {list.isError && <Alert color="red">{errorText(list.error)}</Alert>}
      {list.data && list.data.length === 0 && <Alert color="gray">{t('care:pairings.none')}</Alert>}
      {list.data && list.data.length > 0 && (
        <Table striped data-testid="pairings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care:child')}</Table.Th>
              <Table.Th>{t('care:class')}</Table.Th>
              <Table.Th>{t('care:pair.mentor')}</Table.Th>
              <Table.Th>{t('care:pair.role')}</Table.Th>
              <Table.Th>{t('care:pairings.period')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={600} style={{ cursor: 'pointer' }} onClick={() => navigate(`/children/${p.childId}`)}>{p.childName}</Table.Td>
                <Table.Td>{className(p.grade, p.classNo)}</Table.Td>
                <Table.Td>
                  {p.mentorName}
                  {p.mentorPhone && <Text span c="dimmed" size="sm"> {p.mentorPhone}</Text>}
                </Table.Td>
                <Table.Td>{t(`care:roles.${p.role}`)}</Table.Td>
                <Table.Td>
                  {p.fromDay} — {p.toDay ?? t('care:pairings.now')}
                  {p.endReason && <Text span c="dimmed" size="sm">（{p.endReason}）</Text>}
                </Table.Td>
                <Table.Td>
                  {p.toDay === null && (
                    <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setEnding(p.id)}>{t('care:pairings.end')}</Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PairModal opened={pairing} onClose={() => setPairing(false)} today={today} />
      <PeopleModal opened={people} onClose={() => setPeople(false)} />
      <ReasonDialog
        opened={ending !== null}
        onClose={() => setEnding(null)}
        title={t('care:pairings.endTitle')}
        reason={{ label: t('care:pairings.endReason'), value: reason, onChange: (e) => setReason(e.currentTarget.value) }}
        required
        failure={unpair.error ? errorText(unpair.error) : null}
        pending={unpair.isPending}
        submitLabel={t('care:pairings.end')}
        onSubmit={() => unpair.mutate()}
      />
    </Stack>
  );
}
