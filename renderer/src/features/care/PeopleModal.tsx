import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { personKinds, type Person, type PersonKind } from '../../../../shared/domain/care.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { DialogActions } from '../../app/forms.js';
import { useErrors } from './useErrors.js';

/** 志愿者 / 代理家长 / 爱心妈妈: people who care for a child without a login (name, phone, who they are). */
export function PeopleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const people = useProcedure('care.people', {}, { enabled: opened });
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('care:people.title')} size="lg">
      {editing === null ? (
        <Stack>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('care:people.name')}</Table.Th>
                <Table.Th>{t('care:people.kind')}</Table.Th>
                <Table.Th>{t('care:people.phone')}</Table.Th>
                <Table.Th>{t('care:people.children')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(people.data ?? []).map((p) => (
                <Table.Tr key={p.id} c={p.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{t(`care:kinds.${p.kind}`)}</Table.Td>
                  <Table.Td>{p.phone}</Table.Td>
                  <Table.Td>{p.children}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(p)}>
                      {t('common:edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={() => setEditing('new')}>{t('care:people.add')}</Button>
          </Group>
        </Stack>
      ) : (
        <PersonForm person={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
    </Modal>
  );
}

function PersonForm({ person, onDone }: { person: Person | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [kind, setKind] = useState<PersonKind | null>('volunteer');
  const [note, setNote] = useState('');
  const [active, setActive] = useState(true);
  const { errors, failure, onError } = useErrors();
  useEffect(() => {
    setName(person?.name ?? '');
    setPhone(person?.phone ?? '');
    setKind(person?.kind ?? 'volunteer');
    setNote(person?.note ?? '');
    setActive(person?.active ?? true);
  }, [person]);
  const save = useProcedureMutation('care.savePerson', {
    input: () => ({ id: person?.id ?? null, name, phone, kind: kind ?? (undefined as unknown as PersonKind), note, active }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
      onDone();
    },
    onError,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <TextInput label={t('care:people.name')} withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus />
        <Select label={t('care:people.kind')} withAsterisk data={personKinds.map((k) => ({ value: k, label: t(`care:kinds.${k}`) }))} value={kind} onChange={(v) => setKind(v as PersonKind | null)} error={errors.kind} />
        <TextInput label={t('care:people.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} />
        <TextInput label={t('care:people.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        {person && <Switch label={t('care:people.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        <DialogActions failure={failure} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
