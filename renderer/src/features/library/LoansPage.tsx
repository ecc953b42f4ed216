import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Segmented } from '../../components/Segmented/index.js';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconPrinter } from '@tabler/icons-react';
import { useProcedure } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useClassName } from '../children/format.js';
import { ClassFilter } from '../../components/ClassFilter/index.js';

/** What is out now, or only what is overdue, by class; overdue slips print per class. */
export function LoansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const className = useClassName();
  const [status, setStatus] = useState<'open' | 'overdue'>('overdue');
  const [grade, setGrade] = useState<number | null>(null);
  const [classNo, setClassNo] = useState<number | null>(null);
  const loans = useProcedure('library.loans', { status, grade, classNo }, { placeholderData: keepPreviousData });
  const list = loans.data ?? [];
  const search = new URLSearchParams({ ...(grade !== null ? { grade: String(grade) } : {}), ...(classNo !== null ? { classNo: String(classNo) } : {}) });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="flex-end">
          <Segmented
            value={status}
            onChange={setStatus}
            data={[
              { value: 'overdue', label: t('library:loans.overdue') },
              { value: 'open', label: t('library:loans.open') },
            ]}
          />
          <ClassFilter grade={grade} classNo={classNo} onChange={(c) => { setGrade(c.grade); setClassNo(c.classNo); }} />
        </Group>
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/overdue?${search.toString()}`)}>
          {t('library:loans.printSlips')}
        </Button>
      </Group>
      {loans.isError && (
        <Alert color="red" role="alert">
          {errorText(loans.error)}
        </Alert>
      )}
      <Text size="sm" c="dimmed" data-testid="loans-count">
        {t(status === 'overdue' ? 'library:loans.overdueCount' : 'library:loans.openCount', { count: list.length })}
      </Text>
      {list.length > 0 && (
        <Table striped highlightOnHover data-testid="loans">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('library:columns.child')}</Table.Th>
              <Table.Th>{t('children:columns.class')}</Table.Th>
              <Table.Th>{t('library:columns.title')}</Table.Th>
              <Table.Th>{t('library:columns.barcode')}</Table.Th>
              <Table.Th>{t('library:columns.lentOn')}</Table.Th>
              <Table.Th>{t('library:columns.due')}</Table.Th>
              <Table.Th>{t('library:columns.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((l) => (
              <Table.Tr key={l.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/children/${l.childId}`)}>
                <Table.Td fw={600}>{l.childName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{className(l.grade, l.classNo)}</Table.Td>
                <Table.Td>{l.title}</Table.Td>
                <Table.Td>{l.barcode}</Table.Td>
                <Table.Td>{l.lentOn}</Table.Td>
                <Table.Td>{l.dueOn}</Table.Td>
                <Table.Td>
                  {l.daysOverdue > 0 && (
                    <Badge color="red" variant="light">
                      {t('library:overdueDays', { count: l.daysOverdue })}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
