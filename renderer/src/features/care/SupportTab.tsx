import { useState } from 'react';
import { Badge, Button, Chip, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { Segmented } from '../../components/Segmented/index.js';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { priorityPurposes, supportKinds, supportSources, yuan } from '../../../../shared/domain/care.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { DialogActions } from '../../app/forms.js';
import { useErrors } from './useErrors.js';
import { TermRangePicker, useTermRange } from '../../components/TermRangePicker/index.js';
import { useClassName } from '../children/format.js';
import { ChildPicker } from './ChildPicker.js';

type Kind = (typeof supportKinds)[number];
type Source = (typeof supportSources)[number];
type Purpose = (typeof priorityPurposes)[number];

/** 资助 / 慰问 received, and the 三个优先 list for picking children (left-behind children first). */
export function SupportTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const className = useClassName();
  const { from, to, picker } = useTermRange({ stopAtToday: true });
  const list = useProcedure('care.support', { from: from!, to: to! }, { enabled: from !== null && to !== null });
  const [logging, setLogging] = useState<number | null | false>(false);
  const [purpose, setPurpose] = useState<Purpose>('support');
  const [grades, setGrades] = useState<string[]>([]);
  const priority = useProcedure('care.priority', { purpose, grades: grades.map(Number) });
  return (
    <Stack gap="sm">
      <TermRangePicker picker={picker} termLabel={t('care:term')} rangeLabel={t('care:range')} justify="space-between">
        <Button variant="light" onClick={() => setLogging(null)}>{t('care:support.log')}</Button>
      </TermRangePicker>
      <Table striped fz="sm" data-testid="support">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('care:day')}</Table.Th>
            <Table.Th>{t('care:child')}</Table.Th>
            <Table.Th>{t('care:class')}</Table.Th>
            <Table.Th>{t('care:support.kind')}</Table.Th>
            <Table.Th>{t('care:support.what')}</Table.Th>
            <Table.Th>{t('care:support.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.day}</Table.Td>
              <Table.Td fw={600}>{s.childName}</Table.Td>
              <Table.Td>{className(s.grade, s.classNo)}</Table.Td>
              <Table.Td>{t(`care:supportKinds.${s.kind}`)}</Table.Td>
              <Table.Td>{s.amountFen > 0 ? t('care:support.yuan', { amount: yuan(s.amountFen) }) : s.items}</Table.Td>
              <Table.Td>{t(`care:sources.${s.source}`)}{s.sourceName && ` · ${s.sourceName}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={700} mt="md">{t('care:priority.title')}</Text>
      <Text size="sm" c="dimmed">{t('care:priority.help')}</Text>
      <Group>
        <Segmented value={purpose} onChange={setPurpose} data={priorityPurposes.map((p) => ({ value: p, label: t(`care:purposes.${p}`) }))} />
        <Chip.Group multiple value={grades} onChange={setGrades}>
          <Group gap={4}>
            {[1, 2, 3, 4, 5, 6].map((g) => <Chip key={g} value={String(g)} size="xs">{t(`children:grades.${g}`)}</Chip>)}
          </Group>
        </Chip.Group>
      </Group>
      <Table striped fz="sm" data-testid="priority">
        <Table.Tbody>
          {(priority.data ?? []).slice(0, 60).map((c, i) => (
            <Table.Tr key={c.childId}>
              <Table.Td w={40}>{i + 1}</Table.Td>
              <Table.Td fw={600}>{c.name}</Table.Td>
              <Table.Td>{className(c.grade, c.classNo)}</Table.Td>
              <Table.Td>{c.leftBehind && <Badge variant="light" color="grape">{t('care:priority.leftBehind')}</Badge>}</Table.Td>
              <Table.Td>{[c.receivedFen > 0 ? t('care:priority.received', { amount: yuan(c.receivedFen) }) : '', c.lastDay ? t('care:priority.last', { day: c.lastDay }) : ''].filter(Boolean).join(' · ')}</Table.Td>
              <Table.Td>{purpose === 'support' && <Button size="compact-xs" variant="subtle" onClick={() => setLogging(c.childId)}>{t('care:support.log')}</Button>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {logging !== false && <SupportModal today={today} childId={logging} onClose={() => setLogging(false)} />}
    </Stack>
  );
}

function SupportModal({ today, childId: fixed, onClose }: { today: string; childId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [childId, setChildId] = useState<number | null>(fixed);
  const [day, setDay] = useState<string | null>(today);
  const [kind, setKind] = useState<Kind | null>('money');
  const [amount, setAmount] = useState<number | string>('');
  const [items, setItems] = useState('');
  const [source, setSource] = useState<Source | null>('government');
  const [sourceName, setSourceName] = useState('');
  const { errors, failure, onError } = useErrors({ 'care.inFuture': 'day' });
  const save = useProcedureMutation('care.logSupport', {
    input: () => ({ childId: childId ?? (undefined as unknown as number), day: day ?? '', kind: kind ?? (undefined as unknown as Kind), amountYuan: amount === '' ? 0 : Number(amount), items, source: source ?? (undefined as unknown as Source), sourceName }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
      onClose();
    },
    onError,
  });
  return (
    <Modal opened onClose={onClose} title={t('care:support.log')}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          {fixed === null && <ChildPicker label={t('care:child')} value={childId} onChange={setChildId} error={errors.childId} />}
          <Group grow>
            <DateInput label={t('care:day')} withAsterisk valueFormat="YYYY-MM-DD" value={day} onChange={setDay} maxDate={today} error={errors.day} />
            <Select label={t('care:support.kind')} withAsterisk data={supportKinds.map((k) => ({ value: k, label: t(`care:supportKinds.${k}`) }))} value={kind} onChange={setKind} error={errors.kind} />
          </Group>
          <Group grow>
            <NumberInput label={t('care:support.amount')} min={0} decimalScale={2} value={amount} onChange={setAmount} error={errors.amountYuan} />
            <TextInput label={t('care:support.items')} value={items} onChange={(e) => setItems(e.currentTarget.value)} error={errors.items} />
          </Group>
          <Group grow>
            <Select label={t('care:support.source')} withAsterisk data={supportSources.map((s) => ({ value: s, label: t(`care:sources.${s}`) }))} value={source} onChange={setSource} error={errors.source} />
            <TextInput label={t('care:support.sourceName')} value={sourceName} onChange={(e) => setSourceName(e.currentTarget.value)} error={errors.sourceName} />
          </Group>
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
