import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Popover, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconFileImport, IconFileSpreadsheet, IconId, IconPlus, IconPrinter, IconSearch } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { filterToSearch, useClassName, type ListFilter } from './format.js';
import { ClassFilter } from '../../components/ClassFilter/index.js';
import { WindowedRows } from '../../components/WindowedRows/index.js';
import { matchesName, nameQuery } from '../../../../shared/domain/match.js';
import { CategoryHelp } from '../../components/CategoryHelp/index.js';
import { childCategories, type ChildCategory } from '../../../../shared/domain/family.js';

/** The list holds every child the filters let through (a school has at most a few thousand); exports and prints take the same. */
const LIST_LIMIT = 5000;
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

export function ChildrenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  // The list follows the field as fast as it can draw; typing never waits for it.
  const query = useDeferredValue(q);
  const [grade, setGrade] = useState<number | null>(null);
  const [classNo, setClassNo] = useState<number | null>(null);
  const [category, setCategory] = useState<ChildCategory | null>(null);
  const [status, setStatus] = useState<'active' | 'left' | 'all'>('active');
  const [incomplete, setIncomplete] = useState(false);
  const filter: ListFilter = { q: query, grade, classNo, category, status, incomplete, limit: LIST_LIMIT };
  // The core sends the filtered class or category once; each keystroke searches it in the page, by the
  // same rule as the core's search (shared/domain/match.ts), so exports and prints list the same children.
  const listed = useProcedure('children.list', { ...filter, q: '' }, { placeholderData: keepPreviousData });

  const shown = useMemo(() => {
    const parsed = nameQuery(query);
    return listed.data?.filter((child) => matchesName(child, parsed));
  }, [listed.data, query]);
  const completeness = useProcedure('children.completeness');
  const exportRoster = useProcedureMutation('children.export', {
    input: () => filter,
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
    <Stack gap="sm">
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
        <Group gap="xs" wrap="nowrap">
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
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/roster?${filterToSearch(filter)}`)}>
            {t('children:printRoster')}
          </Button>
          <Button variant="default" leftSection={<IconId size={16} />} onClick={() => navigate(`/print/cards?${filterToSearch(filter)}`)}>
            {t('children:printCards')}
          </Button>
          <Button variant="default" leftSection={<IconId size={16} />} onClick={() => navigate(`/print/contact-cards?${filterToSearch(filter)}`)}>
            {t('rota:card.print')}
          </Button>
        </Group>
      </Group>
      <Group gap="xs" align="flex-end">
        <TextInput
          placeholder={t('children:search')}
          aria-label={t('children:search')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          autoFocus
          w={280}
        />
        <ClassFilter grade={grade} classNo={classNo} onChange={(c) => { setGrade(c.grade); setClassNo(c.classNo); }} />
        <Group gap={2} wrap="nowrap">
          <Select
            aria-label={t('children:allCategories')}
            placeholder={t('children:allCategories')}
            clearable
            w={170}
            data={childCategories.map((a) => ({ value: a, label: t(`children:category.${a}`) }))}
            value={category}
            onChange={(v) => setCategory((v as ChildCategory | null) ?? null)}
          />
          <CategoryHelp />
        </Group>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={(['active', 'left', 'all'] as const).map((s) => ({ value: s, label: t(`children:status.${s}`) }))}
        />
        <Checkbox label={t('children:incompleteOnly')} checked={incomplete} onChange={(e) => setIncomplete(e.currentTarget.checked)} mb={8} />
      </Group>
      {listed.isError && (
        <Alert color="red" role="alert">
          {errorText(listed.error)}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('children:count', { count: shown?.length ?? 0 })}
        {listed.data?.length === LIST_LIMIT && ` · ${t('children:listCut', { limit: LIST_LIMIT })}`}
      </Text>
      {shown?.length === 0 ? (
        <Text c="dimmed" py="lg">
          {query === '' && grade === null && !incomplete && c?.total === 0 ? t('children:noneYet') : t('children:none')}
        </Text>
      ) : (
        <Table striped highlightOnHover stickyHeader stickyHeaderOffset={56}>
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
          <WindowedRows
            rows={shown ?? []}
            rowKey={(child) => child.id}
            columns={8}
            renderRow={(child, props) => (
              <Table.Tr key={child.id} {...props} style={{ cursor: 'pointer' }} onClick={() => navigate(`/children/${child.id}`)}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fw={600} size="sm">
                      {child.name}
                    </Text>
                    {child.sameName > 1 && (
                      <Badge size="xs" variant="outline" color="grape">
                        {t('children:sameName')}
                      </Badge>
                    )}
                    {child.status === 'left' && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('children:status.left')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{child.gender ? t(`children:gender.${child.gender}`) : ''}</Table.Td>
                <Table.Td>{child.birthDate ?? ''}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{className(child.grade, child.classNo)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`children:category.${child.category}`)}</Table.Td>
                <Table.Td>{child.guardianName ?? ''}</Table.Td>
                <Table.Td>{child.guardianPhone ?? ''}</Table.Td>
                <Table.Td>
                  {child.missing.length === 0 ? (
                    <Badge size="sm" variant="light" color="teal">
                      {t('children:recordComplete')}
                    </Badge>
                  ) : (
                    <Tooltip label={child.missing.map((m) => t(`children:missing.${m}`)).join(t('rota:listSep'))}>
                      <Badge size="sm" variant="light" color="orange">
                        {t('children:recordMissing', { count: child.missing.length })}
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
        </Table>
      )}
    </Stack>
  );
}
