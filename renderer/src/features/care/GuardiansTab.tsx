import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Table, Text, TextInput, MultiSelect } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { guardianHow, meetingKinds } from '../../../../shared/domain/care.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { DialogActions } from '../../app/forms.js';
import { useErrors } from './useErrors.js';
import { TermRangePicker, useTermRange } from '../../components/TermRangePicker/index.js';
import { useClassName } from '../children/format.js';
import { ChildPicker } from './ChildPicker.js';

type How = (typeof guardianHow)[number];
type Kind = (typeof meetingKinds)[number];

/** Contacts with temporary guardians (the monthly guardian target) and guardians' meetings with the families who came. */
export function GuardiansTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const className = useClassName();
  const { from, to, picker } = useTermRange({ stopAtToday: true });
  const enabled = from !== null && to !== null;
  const contacts = useProcedure('care.guardianContacts', { from: from!, to: to! }, { enabled });
  const meetings = useProcedure('care.meetings', { from: from!, to: to! }, { enabled });
  const due = useProcedure('care.due', { mine: false });
  const missing = (due.data?.items ?? []).filter((d) => d.kind === 'guardian').length;
  const [contact, setContact] = useState(false);
  const [meeting, setMeeting] = useState(false);
  return (
    <Stack gap="sm">
      <TermRangePicker picker={picker} termLabel={t('care:term')} rangeLabel={t('care:range')} justify="space-between">
        <Group gap="xs">
          <Button variant="light" onClick={() => setContact(true)}>{t('care:guardian.log')}</Button>
          <Button variant="light" onClick={() => setMeeting(true)}>{t('care:meeting.log')}</Button>
        </Group>
      </TermRangePicker>
      <Text size="sm">{t('care:guardian.monthMissing', { count: missing })}</Text>
      <Text fw={700}>{t('care:meeting.title')}</Text>
      <Table striped fz="sm" data-testid="meetings">
        <Table.Tbody>
          {(meetings.data ?? []).map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.day}</Table.Td>
              <Table.Td>{t(`care:meetingKinds.${m.kind}`)}</Table.Td>
              <Table.Td fw={600}>{m.title}</Table.Td>
              <Table.Td>{t('care:meeting.families', { count: m.families })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={700}>{t('care:guardian.title', { count: contacts.data?.length ?? 0 })}</Text>
      <Table striped fz="sm">
        <Table.Tbody>
          {(contacts.data ?? []).slice(0, 200).map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>{g.day}</Table.Td>
              <Table.Td fw={600}>{g.childName}</Table.Td>
              <Table.Td>{className(g.grade, g.classNo)}</Table.Td>
              <Table.Td>{t(`care:guardianHow.${g.how}`)}</Table.Td>
              <Table.Td>{g.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {contact && <ContactModal today={today} onClose={() => setContact(false)} />}
      {meeting && <MeetingModal today={today} onClose={() => setMeeting(false)} />}
    </Stack>
  );
}

function ContactModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [childId, setChildId] = useState<number | null>(null);
  const [day, setDay] = useState<string | null>(today);
  const [how, setHow] = useState<How | null>('phone');
  const [note, setNote] = useState('');
  const { errors, failure, onError } = useErrors({ 'care.inFuture': 'day' });
  const save = useProcedureMutation('care.logGuardian', {
    input: () => ({ childId: childId ?? (undefined as unknown as number), day: day ?? '', how: how ?? (undefined as unknown as How), note }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
      onClose();
    },
    onError,
  });
  return (
    <Modal opened onClose={onClose} title={t('care:guardian.log')}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <ChildPicker label={t('care:child')} value={childId} onChange={setChildId} error={errors.childId} />
          <Group grow>
            <DateInput label={t('care:day')} withAsterisk valueFormat="YYYY-MM-DD" value={day} onChange={setDay} maxDate={today} error={errors.day} />
            <Select label={t('care:guardian.how')} withAsterisk data={guardianHow.map((h) => ({ value: h, label: t(`care:guardianHow.${h}`) }))} value={how} onChange={(v) => setHow(v as How | null)} error={errors.how} />
          </Group>
          <TextInput label={t('care:guardian.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function MeetingModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const className = useClassName();
  const [day, setDay] = useState<string | null>(today);
  const [kind, setKind] = useState<Kind | null>('meeting');
  const [title, setTitle] = useState('');
  const [families, setFamilies] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 150);
  const found = useProcedure('children.list', { q, limit: 30 });
  const [labels, setLabels] = useState<Record<string, string>>({});
  const options = (found.data ?? []).map((c) => ({ value: String(c.id), label: `${c.name} · ${className(c.grade, c.classNo)}` }));
  const data = [...families.filter((f) => !options.some((o) => o.value === f)).map((f) => ({ value: f, label: labels[f] ?? f })), ...options];
  const { errors, failure, onError } = useErrors({ 'care.inFuture': 'day' });
  const save = useProcedureMutation('care.saveMeeting', {
    input: () => ({ day: day ?? '', kind: kind ?? (undefined as unknown as Kind), title, childIds: families.map(Number) }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
      onClose();
    },
    onError,
  });
  return (
    <Modal opened onClose={onClose} title={t('care:meeting.log')} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <Group grow>
            <DateInput label={t('care:day')} withAsterisk valueFormat="YYYY-MM-DD" value={day} onChange={setDay} maxDate={today} error={errors.day} />
            <Select label={t('care:meeting.kind')} withAsterisk data={meetingKinds.map((k) => ({ value: k, label: t(`care:meetingKinds.${k}`) }))} value={kind} onChange={(v) => setKind(v as Kind | null)} error={errors.kind} />
          </Group>
          <TextInput label={t('care:meeting.name')} withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
          <MultiSelect
            label={t('care:meeting.attended')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={data}
            value={families}
            onChange={(v) => {
              setLabels((l) => ({ ...l, ...Object.fromEntries(options.map((o) => [o.value, o.label])) }));
              setFamilies(v);
            }}
            filter={({ options: o }) => o}
            error={errors.childIds}
          />
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
