import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Popover, Stack, Table, Text, Title, Tooltip, type MantineTheme } from '@mantine/core';
import { Segmented } from '../../components/Segmented/index.js';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconFileImport, IconFileSpreadsheet, IconId, IconPlus, IconPrinter } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useProcedure, useProcedureMutation, type Output } from '../../data/index.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { filterToSearch, useClassName, type ListFilter } from './format.js';
import { ClassFilter } from '../../components/ClassFilter/index.js';
import { FilterSelect } from '../../components/FilterSelect/index.js';
import { badgeLook, CELL, PlainBadge, rowLook, SEARCHED_LIST_WHOLE, usePlainLooks, WindowedRows, type RowProps } from '../../components/WindowedRows/index.js';
import { SearchField, useSearchText, useSearchTextStore, type SearchText } from '../../components/SearchField/index.js';
import { useLabel, type Label } from '../../labels.js';
import { HoverTip } from '../../components/HoverTip/index.js';
import { matchesName, nameQuery } from '../../../../shared/domain/match.js';
import { CategoryHelp } from '../../components/CategoryHelp/index.js';
import { childCategories, type ChildCategory } from '../../../../shared/domain/family.js';
import { ratePercent } from '../../../../shared/domain/percent.js';

/** The list holds every child the filters let through (a school has at most a few thousand); exports and prints take the same. */
const LIST_LIMIT = 5000;
const percent = (rate: number) => `${ratePercent(rate)}%`;

/** The list's filters other than the typed search. */
interface Filters {
  grade: number | null;
  classNo: number | null;
  category: ChildCategory | null;
  status: 'active' | 'left' | 'all';
  incomplete: boolean;
}

type Child = Output<'children.list'>[number];

/**
 * The children, searched as the teacher types. The search field keeps its own text and hands each new text
 * to a store (`useSearchTextStore`) that only the list reads: a keystroke draws the list (`ChildrenList`)
 * and nothing else of the page. The title, buttons and filters draw again only when the filters change, and
 * each row is memoized, so a keystroke draws only the rows that came into the list and the count.
 */
export function ChildrenPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const search = useSearchTextStore();
  const [filters, setFilters] = useState<Filters>({ grade: null, classNo: null, category: null, status: 'active', incomplete: false });
  const { grade, classNo, category, status, incomplete } = filters;
  // The core sends the filtered class or category once; each keystroke searches it in the page, by the
  // same rule as the core's search (shared/domain/match.ts), so exports and prints list the same children.
  const unsearched: ListFilter = { q: '', grade, classNo, category, status, incomplete, limit: LIST_LIMIT };
  const listed = useProcedure('children.list', unsearched, { placeholderData: keepPreviousData });
  // The buttons export and print what the list shows when they are pressed: the filters and the typed text.
  const latest = useRef(unsearched);
  useLayoutEffect(() => {
    latest.current = unsearched;
  });
  const filterNow = useCallback((): ListFilter => ({ ...latest.current, q: search.get() }), [search]);
  const completeness = useProcedure('children.completeness');
  const schoolEmpty = grade === null && !incomplete && completeness.data?.total === 0;

  return (
    <Stack gap="sm">
      <ChildrenHeader filterNow={filterNow} />
      <Group gap="xs" align="flex-end">
        <SearchField label={t('children:search')} onSearch={search.set} autoFocus w={320} />
        <ChildrenFilters value={filters} onChange={setFilters} />
      </Group>
      {listed.isError && (
        <Alert color="red" role="alert">
          {errorText(listed.error)}
        </Alert>
      )}
      <ChildrenList search={search} listed={listed.data} schoolEmpty={schoolEmpty} />
    </Stack>
  );
}

/** The count and the rows of the children the typed text finds among those the filters let through. */
const ChildrenList = memo(function ChildrenList({ search, listed, schoolEmpty }: { search: SearchText; listed: Child[] | undefined; schoolEmpty: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const query = useSearchText(search);
  const shown = useMemo(() => {
    const parsed = nameQuery(query);
    return listed?.filter((child) => matchesName(child, parsed));
  }, [listed, query]);
  const open = useCallback((id: number) => navigate(`/children/${id}`), [navigate]);
  const looks = usePlainLooks(rowBadges);
  const label = useLabel();
  // Rows keyed by their place in the list, not by id: a keystroke then writes the new children's text into the
  // rows already there instead of building new ones (half the style and layout work of a keystroke).
  const renderRow = useCallback(
    (child: Child, props: RowProps) => <ChildRow key={props['data-index']} child={child} label={label} className={className} looks={looks} onOpen={open} {...props} />,
    [label, className, looks, open],
  );
  return (
    <>
      <Text size="sm" c="dimmed">
        {label('children:count', { count: shown?.length ?? 0 })}
        {listed?.length === LIST_LIMIT && ` · ${t('children:listCut', { limit: LIST_LIMIT })}`}
      </Text>
      {shown?.length === 0 ? (
        <Text c="dimmed" py="lg">
          {query === '' && schoolEmpty ? t('children:noneYet') : t('children:none')}
        </Text>
      ) : (
        <Table striped highlightOnHover stickyHeader stickyHeaderOffset={56}>
          <ChildrenHead />
          <WindowedRows rows={shown ?? []} rowKey={childKey} columns={8} renderRow={renderRow} drawAllUpTo={SEARCHED_LIST_WHOLE} />
        </Table>
      )}
    </>
  );
});

const childKey = (child: Child) => child.id;

const ChildrenHead = memo(function ChildrenHead() {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('children:columns.name')}</Table.Th>
        <Table.Th>{t('children:columns.gender')}</Table.Th>
        <Table.Th>{t('children:columns.birthDate')}</Table.Th>
        <Table.Th>{t('children:columns.class')}</Table.Th>
        <Table.Th>{t('children:columns.category')}</Table.Th>
        <Table.Th>{t('children:columns.guardian')}</Table.Th>
        <Table.Th>{t('children:columns.phone')}</Table.Th>
        <Table.Th>{t('children:columns.record')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
});

const ROW = rowLook({ striped: true, hover: true });
const NAME_CELL = { display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'nowrap' } as const;
const NAME = { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', lineHeight: 'var(--mantine-line-height-sm)' } as const;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const POINTER = { cursor: 'pointer' } as const;

/** The rows' badges as plain elements (a Mantine Badge is a component with its style hooks), once per theme. */
function rowBadges(theme: MantineTheme) {
  return {
    sameName: badgeLook(theme, { variant: 'outline', size: 'xs', color: 'grape' }),
    left: badgeLook(theme, { variant: 'light', size: 'xs', color: 'gray' }),
    complete: badgeLook(theme, { variant: 'light', size: 'sm', color: 'teal' }),
    missing: badgeLook(theme, { variant: 'light', size: 'sm', color: 'orange' }),
  };
}

/** One child's row: plain cells with the table's classes; drawn again only when its child or the language changes. */
const ChildRow = memo(function ChildRow({
  child,
  label,
  className,
  looks,
  onOpen,
  ...props
}: RowProps & {
  child: Child;
  label: Label;
  className: (grade: number | null, classNo: number | null) => string;
  looks: ReturnType<typeof rowBadges>;
  onOpen: (id: number) => void;
}) {
  return (
    <tr {...ROW} {...props} style={POINTER} onClick={() => onOpen(child.id)}>
      <td className={CELL}>
        <div style={NAME_CELL}>
          <span style={NAME}>{child.name}</span>
          {child.sameName > 1 && <PlainBadge look={looks.sameName}>{label('children:sameName')}</PlainBadge>}
          {child.status === 'left' && <PlainBadge look={looks.left}>{label('children:status.left')}</PlainBadge>}
        </div>
      </td>
      <td className={CELL}>{child.gender ? label(`children:gender.${child.gender}`) : ''}</td>
      <td className={CELL}>{child.birthDate ?? ''}</td>
      <td className={CELL} style={NOWRAP}>
        {className(child.grade, child.classNo)}
      </td>
      <td className={CELL} style={NOWRAP}>
        {label(`children:category.${child.category}`)}
      </td>
      <td className={CELL}>{child.guardianName ?? ''}</td>
      <td className={CELL}>{child.guardianPhone ?? ''}</td>
      <td className={CELL}>
        {child.missing.length === 0 ? (
          <PlainBadge look={looks.complete}>{label('children:recordComplete')}</PlainBadge>
        ) : (
          <HoverTip label={child.missing.map((m) => label(`children:missing.${m}`)).join(label('rota:listSep'))}>
            <PlainBadge look={looks.missing}>{label('children:recordMissing', { count: child.missing.length })}</PlainBadge>
          </HoverTip>
        )}
      </td>
    </tr>
  );
});

/** The title, the completeness badge and the buttons; they export and print the list's filter (`filterNow`) when pressed. */
const ChildrenHeader = memo(function ChildrenHeader({ filterNow }: { filterNow: () => ListFilter }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const completeness = useProcedure('children.completeness');
  const exportRoster = useProcedureMutation('children.export', {
    input: filterNow,
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });

  const exportRegister = useProcedureMutation('children.register', {
    input: () => ({}),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });

  const c = completeness.data;
  return (
    <Group justify="space-between" wrap="nowrap">
      <Group gap="sm">
        <Title order={2}>{t('children:title')}</Title>
        {c && c.total > 0 && (
          <Popover width={380} position="bottom-start" withArrow shadow="md">
            <Popover.Target>
              <Badge
                size="lg"
                variant="light"
                color={c.rate === 1 ? 'teal' : 'orange'}
                data-testid="completeness"
                style={{ cursor: 'pointer' }}
                component="button"
              >
                {t('children:completeness', { rate: percent(c.rate), complete: c.complete, total: c.total })}
              </Badge>
            </Popover.Target>
            <Popover.Dropdown>
              <Text size="xs" c="dimmed" mb="xs">
                {t('children:completenessHelp')}
              </Text>
              <Table withRowBorders={false} verticalSpacing={2} fz="sm">
                <Table.Tbody>
                  {c.byGrade.map((g) => (
                    <Table.Tr key={g.grade}>
                      <Table.Td>{t('children:gradeN', { grade: t(`children:grades.${g.grade}`) })}</Table.Td>
                      <Table.Td>{percent(g.rate)}</Table.Td>
                      <Table.Td c="dimmed">
                        {g.complete}/{g.total}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {Object.keys(c.byField).length > 0 && (
                <Text size="xs" mt="xs">
                  {t('children:mostMissing')}
                  {Object.entries(c.byField)
                    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
                    .map(([field, n]) => `${t(`children:missing.${field}`)} ${n}`)
                    .join(t('rota:listSep'))}
                </Text>
              )}
            </Popover.Dropdown>
          </Popover>
        )}
      </Group>
      {/* The buttons wrap onto a second line when the language's words are long (English at 1366 px). */}
      <Group gap="xs" wrap="wrap" justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/children/new')}>
          {t('children:new')}
        </Button>
        <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => navigate('/children/import')}>
          {t('children:import')}
        </Button>
        <Tooltip label={t('children:registerHelp')} multiline w={320}>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportRegister.isPending} onClick={() => exportRegister.mutate()} data-testid="export-register">
            {t('children:register')}
          </Button>
        </Tooltip>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportRoster.isPending} onClick={() => exportRoster.mutate()}>
          {t('children:export')}
        </Button>
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/roster?${filterToSearch(filterNow())}`)}>
          {t('children:printRoster')}
        </Button>
        <Button variant="default" leftSection={<IconId size={16} />} onClick={() => navigate(`/print/cards?${filterToSearch(filterNow())}`)}>
          {t('children:printCards')}
        </Button>
        <Button variant="default" leftSection={<IconId size={16} />} onClick={() => navigate(`/print/contact-cards?${filterToSearch(filterNow())}`)}>
          {t('rota:card.print')}
        </Button>
      </Group>
    </Group>
  );
});

/** The class, category and status filters, and "incomplete records only". */
const ChildrenFilters = memo(function ChildrenFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ClassFilter grade={value.grade} classNo={value.classNo} onChange={(c) => onChange({ ...value, grade: c.grade, classNo: c.classNo })} />
      <Group gap={2} wrap="nowrap">
        <FilterSelect
          all={t('children:allCategories')}
          w={170}
          options={childCategories.map((a) => ({ value: a, label: t(`children:category.${a}`) }))}
          value={value.category}
          onChange={(category) => onChange({ ...value, category })}
        />
        <CategoryHelp />
      </Group>
      <Segmented
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        data={(['active', 'left', 'all'] as const).map((s) => ({ value: s, label: t(`children:status.${s}`) }))}
      />
      <Checkbox label={t('children:incompleteOnly')} checked={value.incomplete} onChange={(e) => onChange({ ...value, incomplete: e.currentTarget.checked })} mb={8} />
    </>
  );
});
