import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';
import { LoanHistory } from './BookPage.js';

/** A child's reading history on the child page: what is out now and everything read before. */
export function ChildReading({ childId }: { childId: number }) {
  const { t } = useTranslation();
  const loans = useProcedure('library.childHistory', { childId });
  const list = loans.data ?? [];
  const out = list.filter((l) => l.returnedOn === null).length;
  return (
    <Paper withBorder p="md" data-testid="child-reading">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('library:child.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('library:child.summary', { count: list.length, out })}
        </Text>
      </Group>
      {list.length === 0 ? <Text size="sm" c="dimmed">{t('library:child.none')}</Text> : <LoanHistory loans={list.slice(0, 30)} show="title" />}
    </Paper>
  );
}
