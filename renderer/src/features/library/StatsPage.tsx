import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { TermRangePicker, useTermRange } from '../../components/TermRangePicker/index.js';
import { useClassName } from '../children/format.js';

/** A term's reading: books lent, readers, 阅读之星 and the most borrowed titles. */
export function StatsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const className = useClassName();
  const { from, to, picker } = useTermRange();
  const stats = useProcedure('library.stats', { from: from!, to: to! }, { enabled: from !== null && to !== null });
  const s = stats.data;

  return (
    <Stack gap="md" maw={1100}>
      <TermRangePicker picker={picker} termLabel={t('library:stats.term')} rangeLabel={t('library:stats.range')} />
      {stats.isError && (
        <Alert color="red" role="alert">
          {errorText(stats.error)}
        </Alert>
      )}
      {s && (
        <>
          <SimpleGrid cols={3} data-testid="library-stats">
            <Figure label={t('library:stats.loans')} value={s.loans} />
            <Figure label={t('library:stats.readers')} value={s.readers} />
            <Figure label={t('library:stats.titles')} value={s.titles} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Paper withBorder p="md">
              <Title order={4} mb="xs">
                {t('library:stats.topReaders')}
              </Title>
              {s.topReaders.length === 0 ? (
                <Text size="sm" c="dimmed">{t('library:stats.none')}</Text>
              ) : (
                <Table fz="sm">
                  <Table.Tbody>
                    {s.topReaders.map((r, i) => (
                      <Table.Tr key={r.childId}>
                        <Table.Td w={30}>{i + 1}</Table.Td>
                        <Table.Td fw={600}>{r.name}</Table.Td>
                        <Table.Td>{className(r.grade, r.classNo)}</Table.Td>
                        <Table.Td>{t('library:stats.booksN', { count: r.loans })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={4} mb="xs">
                {t('library:stats.topTitles')}
              </Title>
              {s.topTitles.length === 0 ? (
                <Text size="sm" c="dimmed">{t('library:stats.none')}</Text>
              ) : (
                <Table fz="sm">
                  <Table.Tbody>
                    {s.topTitles.map((r, i) => (
                      <Table.Tr key={r.bookId}>
                        <Table.Td w={30}>{i + 1}</Table.Td>
                        <Table.Td fw={600}>{r.title}</Table.Td>
                        <Table.Td>{r.author}</Table.Td>
                        <Table.Td>{t('library:stats.timesN', { count: r.loans })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('library:stats.help')}
          </Text>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}
