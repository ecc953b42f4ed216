import { useRef, useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconDownload, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import type { BookImportPreview } from '../../../../shared/domain/bookImport.js';
import type { RowProblem } from '../../../../shared/domain/roster.js';
import { useProcedureMutation } from '../../data/index.js';
import { downloadFile, fileToBase64 } from '../../files.js';
import { useErrorText } from '../../app/errors.js';

const STATUS_COLOR = { new: 'teal', copies: 'blue', existing: 'gray', error: 'red' } as const;

/** Choose a book list → see every row and its problems → confirm → one transaction. */
export function BookImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [preview, setPreview] = useState<BookImportPreview | null>(null);
  const [result, setResult] = useState<{ created: number; copies: number; existing: number; newCopyIds: number[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const resetFile = useRef<() => void>(null);

  const read = useProcedureMutation('library.importPreview', {
    input: async (file: File) => ({ fileName: file.name, data: await fileToBase64(file) }),
    onMutate: () => {
      setFailure(null);
      setPreview(null);
      setResult(null);
    },
    onSuccess: setPreview,
    onError: (err) => setFailure(errorText(err)),
    onSettled: () => resetFile.current?.(),
  });
  const commit = useProcedureMutation('library.importCommit', {
    input: () => ({ importId: preview!.importId }),
    onSuccess: (r) => {
      setResult(r);
      setPreview(null);
    },
    onError: (err) => setFailure(errorText(err)),
  });
  const template = useProcedureMutation('library.importTemplate', {
    onSuccess: downloadFile,
    onError: (err) => setFailure(errorText(err)),
  });
  const problemText = (p: RowProblem) => `${t(`library:fields.${p.field}`, { defaultValue: p.field })}：${t(`validation:${p.message}`, p.params ?? {})}`;

  return (
    <Stack maw={1100} gap="sm">
      <Title order={3}>{t('library:import.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('library:import.intro')}
      </Text>
      <Group>
        <FileButton resetRef={resetFile} onChange={(f) => f && read.mutate(f)} accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => (
            <Button {...props} leftSection={<IconFileSpreadsheet size={16} />} loading={read.isPending}>
              {t('children:chooseFile')}
            </Button>
          )}
        </FileButton>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={template.isPending} onClick={() => template.mutate()}>
          {t('children:template')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {result && (
        <Alert color={result.copies > 0 ? 'teal' : 'gray'} role="status">
          {result.copies > 0 ? t('library:import.done', { ...result }) : t('library:import.nothingNew', { ...result })}{' '}
          {result.newCopyIds.length > 0 && (
            <Button variant="subtle" size="compact-sm" leftSection={<IconPrinter size={14} />} onClick={() => navigate(`/print/labels?ids=${result.newCopyIds.join(',')}`)}>
              {t('library:printLabels')}
            </Button>
          )}
        </Alert>
      )}
      {preview && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text size="sm">{t('children:previewOf', { file: preview.fileName, sheet: preview.sheet, row: preview.headerRow })}</Text>
            <Text fw={600} data-testid="import-counts">
              {t('library:import.counts', { ...preview.counts })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('children:skipped', { ...preview.skipped })}
              {preview.ignoredColumns.length > 0 && ` · ${t('children:ignoredColumns', { columns: preview.ignoredColumns.join('、') })}`}
            </Text>
            <ScrollArea h={380}>
              <Table striped stickyHeader data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={50}>{t('children:row')}</Table.Th>
                    <Table.Th w={100}> </Table.Th>
                    <Table.Th>{t('library:columns.title')}</Table.Th>
                    <Table.Th>{t('library:columns.author')}</Table.Th>
                    <Table.Th>ISBN</Table.Th>
                    <Table.Th>{t('library:columns.barcode')}</Table.Th>
                    <Table.Th>{t('library:fields.count')}</Table.Th>
                    <Table.Th>{t('children:problems')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={`${r.sheet}:${r.row}`} data-row={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]}>
                          {t(`library:import.status.${r.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{r.title}</Table.Td>
                      <Table.Td>{r.author}</Table.Td>
                      <Table.Td>{r.isbn ?? ''}</Table.Td>
                      <Table.Td>{r.barcode ?? ''}</Table.Td>
                      <Table.Td>{r.count || ''}</Table.Td>
                      <Table.Td>
                        {r.problems.map((p, i) => (
                          <Text key={i} size="xs" c={p.level === 'error' ? 'red' : 'orange.8'}>
                            {problemText(p)}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('common:cancel')}
              </Button>
              <Button loading={commit.isPending} onClick={() => commit.mutate()}>
                {t('library:import.confirm', { count: preview.counts.copies })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
