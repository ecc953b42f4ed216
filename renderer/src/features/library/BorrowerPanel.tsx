import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconX } from '@tabler/icons-react';
import type { Borrower, Loan } from '../../../../shared/domain/library.js';
import { useClassName } from '../children/format.js';

/** The chosen child, big (so the teacher sees who the next book goes to), with their loans. */
export function BorrowerPanel({
  borrower,
  idleSeconds,
  onClear,
  onRenew,
  onReturn,
}: {
  borrower: Borrower | null;
  idleSeconds: number;
  onClear: () => void;
  onRenew: (loan: Loan) => void;
  onReturn: (loan: Loan) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const overdue = borrower?.overdue ?? 0;
  return (
    <Paper withBorder p="md" style={{ flex: 2, borderColor: borrower ? 'var(--mantine-color-teal-5)' : undefined, borderWidth: borrower ? 2 : undefined }} data-testid="borrower">
      {!borrower ? (
        <Text c="dimmed" size="lg">{t('library:desk.noChild')}</Text>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="sm" align="baseline">
              <Title order={1} fz={34} c="teal.9" data-testid="borrower-name">
                {t('library:desk.chosen', { name: borrower.name })}
              </Title>
              <Text fz="xl" fw={600}>{className(borrower.grade, borrower.classNo)}</Text>
              <Badge variant="light" color={borrower.loans.length >= borrower.maxLoans ? 'orange' : 'teal'} data-testid="loan-count">
                {t('library:desk.onLoanCount', { count: borrower.loans.length, max: borrower.maxLoans })}
              </Badge>
            </Group>
            <Group gap="xs">
              <Button variant="subtle" size="compact-sm" onClick={() => navigate(`/children/${borrower.id}`)}>
                {t('library:desk.record')}
              </Button>
              <Button variant="default" size="compact-sm" leftSection={<IconX size={14} />} style={{ whiteSpace: 'nowrap' }} onClick={onClear}>
                {t('library:desk.clear')}
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            {t('library:desk.idleHint', { seconds: idleSeconds })}
          </Text>
          {overdue > 0 && (
            <Alert color="red" data-testid="blocked">
              {t('library:desk.blocked', { name: borrower.name, count: overdue })}
            </Alert>
          )}
          {borrower.loans.length === 0 ? (
            <Text size="sm" c="dimmed">{t('library:desk.noLoans')}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('library:columns.title')}</Table.Th>
                  <Table.Th>{t('library:columns.barcode')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('library:columns.due')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {borrower.loans.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.title}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.barcode}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{l.dueOn}</Text>
                        {l.daysOverdue > 0 && (
                          <Badge color="red" variant="light">
                            {t('library:overdueDays', { count: l.daysOverdue })}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => onRenew(l)}
                        >
                          {t('library:desk.renew')}
                        </Button>
                        <Button size="compact-sm" variant="light" onClick={() => onReturn(l)}>
                          {t('library:desk.return')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Paper>
  );
}
