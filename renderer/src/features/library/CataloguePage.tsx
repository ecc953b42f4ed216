import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { IconCategory, IconFileImport, IconFileSpreadsheet, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import type { Category } from '../../../../shared/domain/library.js';
import { api } from '../../api.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { IntakeModal } from './IntakeModal.js';
import { isLibraryQuery, useCategories, useCategoryName } from './format.js';

const LIST_LIMIT = 1000;

export function CataloguePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const categoryName = useCategoryName();
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q, 120);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [intake, setIntake] = useState(false);
  const [editingCategories, setEditingCategories] = useState(false);
  const categories = useCategories();
  const books = useQuery({
    queryKey: ['library.books', query, categoryId],
    queryFn: () => api.library.books({ q: query, categoryId, limit: LIST_LIMIT }),
    placeholderData: keepPreviousData,
  });
  const exportList = useMutation({
    mutationFn: () => api.library.export(),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const byId = new Map((categories.data ?? []).map((c) => [c.id, c]));
  const list = books.data ?? [];
  const copies = list.reduce((n, b) => n + b.copies, 0);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="flex-end">
          <TextInput
            placeholder={t('library:books.search')}
            aria-label={t('library:books.search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={300}
          />
          <Select
            aria-label={t('library:books.allCategories')}
            placeholder={t('library:books.allCategories')}
            clearable
            w={140}
            data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: categoryName(c) }))}
            value={categoryId === null ? null : String(categoryId)}
            onChange={(v) => setCategoryId(v === null ? null : Number(v))}
          />
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setIntake(true)}>
            {t('library:intake.title')}
          </Button>
          <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => navigate('/library/import')}>
            {t('library:import.button')}
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportList.isPending} onClick={() => exportList.mutate()}>
            {t('library:books.export')}
          </Button>
          <Button variant="default" leftSection={<IconCategory size={16} />} onClick={() => setEditingCategories(true)}>
            {t('library:categoriesTitle')}
          </Button>
        </Group>
      </Group>
      {books.isError && (
        <Alert color="red" role="alert">
          {errorText(books.error)}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('library:books.count', { titles: list.length, copies })}
        {list.length === LIST_LIMIT && ` · ${t('library:books.listCut', { limit: LIST_LIMIT })}`}
      </Text>
      {list.length === 0 ? (
        <Text c="dimmed" py="lg">
          {query === '' && categoryId === null ? t('library:books.noneYet') : t('library:books.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('library:columns.title')}</Table.Th>
              <Table.Th>{t('library:columns.author')}</Table.Th>
              <Table.Th>{t('library:columns.publisher')}</Table.Th>
              <Table.Th>{t('library:columns.category')}</Table.Th>
              <Table.Th>ISBN</Table.Th>
              <Table.Th>{t('library:columns.available')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((b) => (
              <Table.Tr key={b.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/library/books/${b.id}`)}>
                <Table.Td fw={600}>{b.title}</Table.Td>
                <Table.Td>{b.author}</Table.Td>
                <Table.Td>{b.publisher}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{categoryName(b.categoryId === null ? null : byId.get(b.categoryId))}</Table.Td>
                <Table.Td>{b.isbn ?? ''}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={b.available > 0 ? 'teal' : 'gray'}>
                    {t('library:books.availableOf', { available: b.available, copies: b.copies })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <IntakeModal opened={intake} onClose={() => setIntake(false)} />
      <CategoriesModal opened={editingCategories} onClose={() => setEditingCategories(false)} categories={categories.data ?? []} />
    </Stack>
  );
}

/** The category list: add, rename, remove one no title uses. */
function CategoriesModal({ opened, onClose, categories }: { opened: boolean; onClose: () => void; categories: Category[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorText = useErrorText();
  const categoryName = useCategoryName();
  const [editing, setEditing] = useState<{ id: number | null; name: string; was: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const done = async () => {
    setEditing(null);
    setFailure(null);
    await client.invalidateQueries({ predicate: isLibraryQuery });
  };
  const save = useMutation({
    mutationFn: (v: { id: number | null; name: string }) => api.library.saveCategory(v),
    onSuccess: done,
    onError: (err) => setFailure(errorText(err)),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.library.removeCategory({ id }),
    onSuccess: done,
    onError: (err) => setFailure(errorText(err)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('library:categoriesTitle')}>
      <Stack gap="xs">
        <Table>
          <Table.Tbody>
            {categories.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{categoryName(c)}</Table.Td>
                <Table.Td c="dimmed">{t('library:books.titlesN', { count: c.books })}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <ActionIcon variant="subtle" aria-label={t('common:edit')} onClick={() => setEditing({ id: c.id, name: categoryName(c), was: categoryName(c) })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('common:delete')} onClick={() => remove.mutate(c.id)}>
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
              else save.mutate({ id: editing.id, name: editing.name });
            }}
          >
            <Group align="flex-end">
              <TextInput label={t('library:categoryName')} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} data-autofocus style={{ flex: 1 }} />
              <Button type="submit" loading={save.isPending}>
                {t('common:save')}
              </Button>
            </Group>
          </form>
        ) : (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ id: null, name: '', was: '' })}>
            {t('library:addCategory')}
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
