import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { IconCategory, IconFileImport, IconFileSpreadsheet, IconPlus, IconSearch } from '@tabler/icons-react';
import { api } from '../../api.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { IntakeModal } from './IntakeModal.js';
import { WindowedRows } from '../../components/WindowedRows/index.js';
import { bookQuery, matchesBook } from '../../../../shared/domain/match.js';
import { CategoriesModal } from '../../app/CategoriesModal.js';
import { useCategories, useCategoryName } from './format.js';

export function CataloguePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const categoryName = useCategoryName();
  const [q, setQ] = useState('');
  // The list follows the field as fast as it can draw; typing never waits for it.
  const query = useDeferredValue(q);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [intake, setIntake] = useState(false);
  const [editingCategories, setEditingCategories] = useState(false);
  const categories = useCategories();
  // Every title of the category, once; each keystroke filters it in the page (the same rule as the core's search).
  const titles = useProcedure('library.titles', { categoryId });
  const exportList = useProcedureMutation('library.export', {
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const byId = new Map((categories.data ?? []).map((c) => [c.id, c]));
  const list = useMemo(() => {
    const parsed = bookQuery(query);
    return (titles.data ?? []).filter((b) => matchesBook(b, parsed));
  }, [titles.data, query]);
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
      {titles.isError && (
        <Alert color="red" role="alert">
          {errorText(titles.error)}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('library:books.count', { titles: list.length, copies })}
      </Text>
      {list.length === 0 ? (
        <Text c="dimmed" py="lg">
          {titles.isPending ? '' : query === '' && categoryId === null ? t('library:books.noneYet') : t('library:books.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover stickyHeader stickyHeaderOffset={56}>
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
          <WindowedRows
            rows={list}
            rowKey={(b) => b.id}
            columns={6}
            renderRow={(b, props) => (
              <Table.Tr key={b.id} {...props} style={{ cursor: 'pointer' }} onClick={() => navigate(`/library/books/${b.id}`)}>
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
            )}
          />
        </Table>
      )}
      <IntakeModal opened={intake} onClose={() => setIntake(false)} />
      <CategoriesModal
        opened={editingCategories}
        onClose={() => setEditingCategories(false)}
        title={t('library:categoriesTitle')}
        nameLabel={t('library:categoryName')}
        addLabel={t('library:addCategory')}
        categories={categories.data ?? []}
        labelOf={categoryName}
        countOf={(c) => t('library:books.titlesN', { count: c.books })}
        save={(v) => api.library.saveCategory(v)}
        remove={(id) => api.library.removeCategory({ id })}
      />
    </Stack>
  );
}

