import { memo, useCallback, useMemo, useState } from 'react';
import { Alert, Button, Group, Select, Stack, Table, Text, type MantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { IconCategory, IconFileImport, IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { api } from '../../api.js';
import { useProcedure, useProcedureMutation, type Output } from '../../data/index.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { IntakeModal } from './IntakeModal.js';
import { badgeLook, CELL, PlainBadge, rowLook, SEARCHED_LIST_WHOLE, usePlainLooks, WindowedRows, type RowProps } from '../../components/WindowedRows/index.js';
import { SearchField, useSearchText, useSearchTextStore, type SearchText } from '../../components/SearchField/index.js';
import { useLabel, type Label } from '../../labels.js';
import { bookQuery, matchesBook } from '../../../../shared/domain/match.js';
import { CategoriesModal } from '../../app/CategoriesModal.js';
import { useCategories, useCategoryName } from './format.js';

type Title = Output<'library.titles'>[number];

/**
 * The catalogue, searched as the teacher types: the field keeps its own text and hands each new text to a
 * store that only the list reads (`CatalogueList`), so a keystroke draws the list and nothing else of the
 * page; the buttons and dialogs are a component of their own, and each row is memoized, so a keystroke
 * draws the rows that came into the list and the count.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const search = useSearchTextStore();
  const [categoryId, setCategoryId] = useState<number | null>(null);
  // Every title of the category, once; each keystroke filters it in the page (the same rule as the core's search).
  const titles = useProcedure('library.titles', { categoryId });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="flex-end">
          <SearchField label={t('library:books.search')} onSearch={search.set} w={300} />
          <CategoryFilter value={categoryId} onChange={setCategoryId} />
        </Group>
        <CatalogueActions />
      </Group>
      {titles.isError && (
        <Alert color="red" role="alert">
          {errorText(titles.error)}
        </Alert>
      )}
      <CatalogueList search={search} titles={titles.data} pending={titles.isPending} allCategories={categoryId === null} />
    </Stack>
  );
}

/** The count and the rows of the titles the typed text finds in the chosen category. */
const CatalogueList = memo(function CatalogueList({
  search,
  titles,
  pending,
  allCategories,
}: {
  search: SearchText;
  titles: Title[] | undefined;
  pending: boolean;
  allCategories: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const categories = useCategories();
  const query = useSearchText(search);
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  const list = useMemo(() => {
    const parsed = bookQuery(query);
    return (titles ?? []).filter((b) => matchesBook(b, parsed));
  }, [titles, query]);
  const copies = list.reduce((n, b) => n + b.copies, 0);
  const open = useCallback((id: number) => navigate(`/library/books/${id}`), [navigate]);
  const looks = usePlainLooks(rowBadges);
  const label = useLabel();
  // Rows keyed by their place in the list, not by id: a keystroke then writes the new titles' text into the
  // rows already there instead of building new ones (half the style and layout work of a keystroke).
  const renderRow = useCallback(
    (b: Title, props: RowProps) => (
      <TitleRow key={props['data-index']} b={b} category={categoryName(b.categoryId === null ? null : byId.get(b.categoryId))} label={label} looks={looks} onOpen={open} {...props} />
    ),
    [label, categoryName, byId, looks, open],
  );
  return (
    <>
      <Text size="sm" c="dimmed">
        {label('library:books.count', { titles: list.length, copies })}
      </Text>
      {list.length === 0 ? (
        <Text c="dimmed" py="lg">
          {pending ? '' : query === '' && allCategories ? t('library:books.noneYet') : t('library:books.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover stickyHeader stickyHeaderOffset={56}>
          <CatalogueHead />
          <WindowedRows rows={list} rowKey={titleKey} columns={6} renderRow={renderRow} drawAllUpTo={SEARCHED_LIST_WHOLE} />
        </Table>
      )}
    </>
  );
});

const titleKey = (b: Title) => b.id;

const CatalogueHead = memo(function CatalogueHead() {
  const { t } = useTranslation();
  return (
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
  );
});

const ROW = rowLook({ striped: true, hover: true });
const TITLE = { fontWeight: 600 } as const;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const POINTER = { cursor: 'pointer' } as const;

/** The rows' badge of copies on the shelf, as plain elements (a Mantine Badge is a component with its style hooks), once per theme. */
function rowBadges(theme: MantineTheme) {
  return {
    available: badgeLook(theme, { variant: 'light', size: 'md', color: 'teal' }),
    noneLeft: badgeLook(theme, { variant: 'light', size: 'md', color: 'gray' }),
  };
}

/** One title's row: plain cells with the table's classes; drawn again only when its title, category name or the language changes. */
const TitleRow = memo(function TitleRow({
  b,
  category,
  label,
  looks,
  onOpen,
  ...props
}: RowProps & { b: Title; category: string; label: Label; looks: ReturnType<typeof rowBadges>; onOpen: (id: number) => void }) {
  return (
    <tr {...ROW} {...props} style={POINTER} onClick={() => onOpen(b.id)}>
      <td className={CELL} style={TITLE}>
        {b.title}
      </td>
      <td className={CELL}>{b.author}</td>
      <td className={CELL}>{b.publisher}</td>
      <td className={CELL} style={NOWRAP}>
        {category}
      </td>
      <td className={CELL}>{b.isbn ?? ''}</td>
      <td className={CELL} style={NOWRAP}>
        <PlainBadge look={b.available > 0 ? looks.available : looks.noneLeft}>{label('library:books.availableOf', { available: b.available, copies: b.copies })}</PlainBadge>
      </td>
    </tr>
  );
});

/** Taking in books, importing, exporting the catalogue and the categories, with their dialogs. */
const CatalogueActions = memo(function CatalogueActions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const categoryName = useCategoryName();
  const categories = useCategories();
  const [intake, setIntake] = useState(false);
  const [editingCategories, setEditingCategories] = useState(false);
  const exportList = useProcedureMutation('library.export', {
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  return (
    <>
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
    </>
  );
});

/** The category the list is of, or every category. */
const CategoryFilter = memo(function CategoryFilter({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const categories = useCategories();
  return (
    <Select
      aria-label={t('library:books.allCategories')}
      placeholder={t('library:books.allCategories')}
      clearable
      w={140}
      data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: categoryName(c) }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
    />
  );
});
