import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { termInput } from '../../../../shared/api/terms.js';
import type { Term } from '../../../../shared/domain/types.js';
import { useToday } from '../../app/useToday.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useSchemaValidate } from '../../app/errors.js';
import { DialogActions, useFormFailure } from '../../app/forms.js';

type Editing = { mode: 'add' } | { mode: 'edit'; term: Term } | null;

function TermForm({ editing, onDone }: { editing: Exclude<Editing, null>; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: editing.mode === 'edit' ? { name: editing.term.name, start: editing.term.start, end: editing.term.end } : { name: '', start: '', end: '' },
    validate: useSchemaValidate(termInput),
  });
  const { failure, onError } = useFormFailure(form);
  type V = { name: string; start: string; end: string };
  const editingId = editing.mode === 'edit' ? editing.term.id : null;
  const saved = () => {
    notifications.show({ color: 'teal', message: t('common:saved') });
    onDone();
  };
  const add = useProcedureMutation('terms.add', { input: (v: V) => v, onSuccess: saved, onError });
  const update = useProcedureMutation('terms.update', { input: (v: V) => ({ id: editingId!, ...v }), onSuccess: saved, onError });
  const save = editing.mode === 'edit' ? update : add;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <TextInput label={t('settings:terms.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Group grow>
          <DateInput label={t('settings:terms.start')} valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('start')} />
          <DateInput label={t('settings:terms.end')} valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('end')} />
        </Group>
        <DialogActions failure={failure} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function TermsPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const terms = useProcedure('terms.list');
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Term | null>(null);
  const today = useToday();
  const remove = useProcedureMutation('terms.remove', {
    input: (id: number) => ({ id }),
    onSuccess: () => setRemoving(null),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });

  return (
    <Stack maw={760}>
      {isAdmin && (
        <Group>
          <Button onClick={() => setEditing({ mode: 'add' })}>{t('settings:terms.add')}</Button>
        </Group>
      )}
      {terms.data?.length === 0 && <Text c="dimmed">{t('settings:terms.none')}</Text>}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings:terms.name')}</Table.Th>
            <Table.Th>{t('settings:terms.start')}</Table.Th>
            <Table.Th>{t('settings:terms.end')}</Table.Th>
            {isAdmin && <Table.Th>{t('common:actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(terms.data ?? []).map((term) => (
            <Table.Tr key={term.id}>
              <Table.Td>
                {term.name}{' '}
                {today !== undefined && term.start <= today && today <= term.end && (
                  <Badge size="sm" variant="light">
                    {t('settings:terms.current')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{term.start}</Table.Td>
              <Table.Td>{term.end}</Table.Td>
              {isAdmin && (
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setEditing({ mode: 'edit', term })}>
                      {t('common:edit')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(term)}>
                      {t('common:delete')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? t('settings:terms.editTitle') : t('settings:terms.addTitle')}
        centered
      >
        {editing && <TermForm editing={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('settings:terms.removeTitle')} centered>
        <Stack>
          <Text>{t('settings:terms.removeBody', { name: removing?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common:cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => removing && remove.mutate(removing.id)}>
              {t('common:delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
