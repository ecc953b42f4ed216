import { useRef, useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import type { ImportPreview, ImportResult, RowProblem } from '../../../../shared/domain/roster.js';
import { useProcedureMutation } from '../../data/index.js';
import { downloadFile, fileToBase64 } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { useClassName } from './format.js';

const STATUS_COLOR = { new: 'teal', existing: 'gray', error: 'red' } as const;

/** Choose a roster → see every row and its problems → confirm → one transaction. */
export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const errorText = useErrorText();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Cleared after each read, so choosing the same file again (a second import) is noticed.
  const resetFile = useRef<() => void>(null);

  const read = useProcedureMutation('children.importPreview', {
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
  const commit = useProcedureMutation('children.importCommit', {
    input: () => ({ importId: preview!.importId }),
    onSuccess: (r) => {
      setResult(r);
      setPreview(null);
    },
    onError: (err) => setFailure(errorText(err)),
  });
  const template = useProcedureMutation('children.importTemplate', {
    onSuccess: downloadFile,
    onError: (err) => setFailure(errorText(err)),
  });

  const manySheets = preview !== null && new Set(preview.rows.map((r) => r.sheet)).size > 1;
  const problemText = (p: RowProblem) =>
    `${t(`children:fieldNames.${p.field}`, { defaultValue: p.field })}：${t(`validation:${p.message}`, p.params ?? {})}`;

  return (
    <Stack maw={1100} gap="sm">
      <Title order={2}>{t('children:importTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('children:importIntro')}
      </Text>
      <Group>
        <FileButton resetRef={resetFile} onChange={(f) => f && read.mutate(f)} accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => (
            <Button {...props} leftSection={<IconFileSpreadsheet size={16} />} loading={read.isPending} data-testid="choose-roster">
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
        <Alert color={result.created > 0 ? 'teal' : 'gray'} role="status">
          {result.created > 0 ? t('children:imported', { ...result }) : t('children:nothingNew', { ...result })}
          {result.created > 0 && result.existing > 0 && ` ${t('children:importedExisting', { ...result })}`}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => navigate('/children')}>
            {t('children:title')}
          </Button>
        </Alert>
      )}
      {preview && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text size="sm">{t('children:previewOf', { file: preview.fileName, sheet: preview.sheet, row: preview.headerRow })}</Text>
            <Text fw={600} data-testid="import-counts">
              {t('children:counts', { ...preview.counts })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('children:skipped', { ...preview.skipped })}
              {preview.ignoredColumns.length > 0 && ` · ${t('children:ignoredColumns', { columns: preview.ignoredColumns.join('、') })}`}
            </Text>
            <ScrollArea h={380}>
              <Table striped stickyHeader data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    {manySheets && <Table.Th>{t('children:sheet')}</Table.Th>}
                    <Table.Th w={50}>{t('children:row')}</Table.Th>
                    <Table.Th w={90}> </Table.Th>
                    <Table.Th>{t('children:columns.name')}</Table.Th>
                    <Table.Th>{t('children:columns.birthDate')}</Table.Th>
                    <Table.Th>{t('children:columns.class')}</Table.Th>
                    <Table.Th>{t('children:columns.away')}</Table.Th>
                    <Table.Th>{t('children:columns.guardian')}</Table.Th>
                    <Table.Th>{t('children:problems')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={`${r.sheet}:${r.row}`} data-row={r.row}>
                      {manySheets && <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.sheet}</Table.Td>}
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]}>
                          {t(`children:rowStatus.${r.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.birthDate ?? ''}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{className(r.grade, r.classNo)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.awayParents ? t(`children:away.${r.awayParents}`) : ''}</Table.Td>
                      <Table.Td>{r.guardian}</Table.Td>
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
                {t('children:confirmImport', { count: preview.counts.new })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
