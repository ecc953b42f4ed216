import { useRef, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, FileButton, Group, Paper, ScrollArea, Stack, Table, Text, Title, type MantineColor, type TitleOrder } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import type { FileOut, RowProblem } from '../../../../shared/domain/roster.js';
import { downloadFile, fileToBase64 } from '../../files.js';
import { useErrorText } from '../../app/errors.js';

/** What both spreadsheet previews share (see the core's previews store). */
export interface SheetPreview<Row extends SheetRow> {
  importId: string;
  fileName: string;
  sheet: string;
  headerRow: number;
  ignoredColumns: string[];
  rows: Row[];
  skipped: { hidden: number; totals: number; empty: number };
}

export interface SheetRow {
  sheet: string;
  row: number;
  status: string;
  problems: RowProblem[];
}

export interface PreviewColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Dates, classes and the like stay on one line. */
  nowrap?: boolean;
}

export interface SpreadsheetImportProps<Row extends SheetRow, Preview extends SheetPreview<Row>, Result> {
  title: string;
  titleOrder?: TitleOrder;
  intro: string;
  /** The domain's procedures: read a file into a preview, write a preview, a blank template. */
  read: (file: { fileName: string; data: string }) => Promise<Preview>;
  commit: (importId: string) => Promise<Result>;
  template: () => Promise<FileOut>;
  counts: (preview: Preview) => string;
  statusLabel: (status: Row['status']) => string;
  statusColor: Record<Row['status'], MantineColor>;
  statusWidth?: number;
  columns: PreviewColumn<Row>[];
  /** A problem's field as the teacher knows it. */
  fieldName: (field: string) => string;
  confirmLabel: (preview: Preview) => string;
  /** The line after the write, and what to do next. */
  /** What the import did; `importId` names the preview it wrote (its refused rows can still be fetched). */
  outcome: (result: Result, importId: string) => { color: MantineColor; text: string; action?: ReactNode };
  chooseTestId?: string;
}

/** Choose a spreadsheet → see every row and its problems → confirm → one transaction. */
export function SpreadsheetImport<Row extends SheetRow, Preview extends SheetPreview<Row>, Result>(props: SpreadsheetImportProps<Row, Preview, Result>) {
  const { title, titleOrder = 2, intro, counts, statusLabel, statusColor, statusWidth = 90, columns, fieldName, confirmLabel, outcome, chooseTestId } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<{ value: Result; importId: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Cleared after each read, so choosing the same file again (a second import) is noticed.
  const resetFile = useRef<() => void>(null);

  const read = useMutation({
    mutationFn: async (file: File) => props.read({ fileName: file.name, data: await fileToBase64(file) }),
    onMutate: () => {
      setFailure(null);
      setPreview(null);
      setResult(null);
    },
    onSuccess: setPreview,
    onError: (err) => setFailure(errorText(err)),
    onSettled: () => resetFile.current?.(),
  });
  const commit = useMutation({
    mutationFn: () => props.commit(preview!.importId),
    // What shows the new rows refreshes by itself: the commit's procedure changes their topic.
    onSuccess: (r) => {
      setResult({ value: r, importId: preview!.importId });
      setPreview(null);
    },
    onError: (err) => setFailure(errorText(err)),
  });
  const template = useMutation({
    mutationFn: () => props.template(),
    onSuccess: downloadFile,
    onError: (err) => setFailure(errorText(err)),
  });

  const manySheets = preview !== null && new Set(preview.rows.map((r) => r.sheet)).size > 1;
  const problemText = (p: RowProblem) => `${fieldName(p.field)}：${t(`validation:${p.message}`, p.params ?? {})}`;
  const done = result === null ? null : outcome(result.value, result.importId);

  return (
    <Stack maw={1100} gap="sm">
      <Title order={titleOrder}>{title}</Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      <Group>
        <FileButton resetRef={resetFile} onChange={(f) => f && read.mutate(f)} accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(p) => (
            <Button {...p} leftSection={<IconFileSpreadsheet size={16} />} loading={read.isPending} data-testid={chooseTestId}>
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
      {done && (
        <Alert color={done.color} role="status">
          {done.text}{' '}
          {done.action}
        </Alert>
      )}
      {preview && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text size="sm">{t('children:previewOf', { file: preview.fileName, sheet: preview.sheet, row: preview.headerRow })}</Text>
            <Text fw={600} data-testid="import-counts">
              {counts(preview)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('children:skipped', { ...preview.skipped })}
              {preview.ignoredColumns.length > 0 && ` · ${t('children:ignoredColumns', { columns: preview.ignoredColumns.join(t('rota:listSep')) })}`}
            </Text>
            <ScrollArea h={380}>
              <Table striped stickyHeader data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    {manySheets && <Table.Th>{t('children:sheet')}</Table.Th>}
                    <Table.Th w={50}>{t('children:row')}</Table.Th>
                    <Table.Th w={statusWidth}> </Table.Th>
                    {columns.map((c, i) => (
                      <Table.Th key={i}>{c.header}</Table.Th>
                    ))}
                    <Table.Th>{t('children:problems')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={`${r.sheet}:${r.row}`} data-row={r.row}>
                      {manySheets && <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.sheet}</Table.Td>}
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={statusColor[r.status as Row['status']]}>
                          {statusLabel(r.status)}
                        </Badge>
                      </Table.Td>
                      {columns.map((c, i) => (
                        <Table.Td key={i} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                          {c.cell(r)}
                        </Table.Td>
                      ))}
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
                {confirmLabel(preview)}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
