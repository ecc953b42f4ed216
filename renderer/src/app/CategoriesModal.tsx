import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useErrorText } from './errors.js';

interface Item {
  id: number;
  key: string | null;
  name: string;
}

/** An editable list of categories (books, events): add, rename, remove one nothing uses. */
export function CategoriesModal<C extends Item>({
  opened,
  onClose,
  title,
  nameLabel,
  addLabel,
  categories,
  labelOf,
  countOf,
  save,
  remove,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  nameLabel: string;
  addLabel: string;
  categories: C[];
  labelOf: (c: C) => string;
  countOf?: (c: C) => string;
  save: (v: { id: number | null; name: string }) => Promise<unknown>;
  remove: (id: number) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<{ id: number | null; name: string; was: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    setFailure(null);
  };
  const saving = useMutation({ mutationFn: save, onSuccess: done, onError: (err) => setFailure(errorText(err)) });
  const removing = useMutation({ mutationFn: remove, onSuccess: done, onError: (err) => setFailure(errorText(err)) });
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack gap="xs">
        <Table>
          <Table.Tbody>
            {categories.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{labelOf(c)}</Table.Td>
                {countOf && <Table.Td c="dimmed">{countOf(c)}</Table.Td>}
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <ActionIcon variant="subtle" aria-label={t('common:edit')} onClick={() => setEditing({ id: c.id, name: labelOf(c), was: labelOf(c) })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('common:delete')} onClick={() => removing.mutate(c.id)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              // Unchanged: a built-in category keeps its translated name.
              if (editing.id !== null && editing.name.trim() === editing.was) setEditing(null);
              else saving.mutate({ id: editing.id, name: editing.name });
            }}
          >
            <Group align="flex-end">
              <TextInput label={nameLabel} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} data-autofocus style={{ flex: 1 }} />
              <Button type="submit" loading={saving.isPending}>
                {t('common:save')}
              </Button>
            </Group>
          </form>
        ) : (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ id: null, name: '', was: '' })}>
            {addLabel}
          </Button>
        )}
        {failure && (
          <Text c="red" size="sm" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
