import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconDeviceFloppy, IconFileSpreadsheet, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { draftParagraph } from '../../../../shared/domain/summaryText.js';
import type { SummaryFigures } from '../../../../shared/domain/summary.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { useAppInfo } from '../../app/queries.js';
import { TermRangePicker, useTermRange } from '../../components/TermRangePicker/index.js';
import { SchoolPupils } from './SchoolPupils.js';
import { SummaryFiguresView } from './SummaryFigures.js';

/** Where the print page finds the paragraph the principal edited (it is not stored until saved). */
export const draftKey = (from: string, to: string) => `summary-draft:${from}:${to}`;

export function useDraft(): (f: SummaryFigures) => string {
  const { t, i18n } = useTranslation();
  const info = useAppInfo();
  return (f) =>
    draftParagraph(f, i18n.language === 'en' ? 'en' : 'zh-CN', info.data?.schoolName ?? '', (key, name) => (key ? t(`events:categories.${key}`) : (name ?? t('summary:uncategorised'))));
}

export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const draft = useDraft();
  const [paragraph, setParagraph] = useState('');
  const [edited, setEdited] = useState(false);
  const [title, setTitle] = useState('');
  const { from, to, term, picker } = useTermRange({ stopAtToday: true, onChange: () => setEdited(false) });
  const figures = useProcedure('summary.compute', { from: from!, to: to! }, { enabled: from !== null && to !== null });
  // The title and the paragraph follow the term and the figures until the principal edits them. They are set
  // while rendering (React's way to adjust state to what changed), not in effects: a revisit draws the page
  // once, not once without them and again with them (two layouts of the whole summary on an old PC).
  const [titleFor, setTitleFor] = useState<number | undefined>(undefined);
  if (term?.id !== titleFor) {
    // A term became the choice, by the principal or by default: its name is the title (a range keeps the title).
    setTitleFor(term?.id);
    if (term) setTitle(term.name);
  }
  const [paragraphFor, setParagraphFor] = useState<{ data: SummaryFigures | undefined; edited: boolean; language: string } | null>(null);
  if (!paragraphFor || paragraphFor.data !== figures.data || paragraphFor.edited !== edited || paragraphFor.language !== i18n.language) {
    setParagraphFor({ data: figures.data, edited, language: i18n.language });
    if (figures.data && !edited) {
      // Back from the print page (or a lock): the principal's edits of this range are kept for the session.
      const kept = JSON.parse(sessionStorage.getItem(draftKey(figures.data.from, figures.data.to)) ?? 'null') as { paragraph: string; title: string } | null;
      if (kept) {
        setParagraph(kept.paragraph);
        if (kept.title) setTitle(kept.title);
        setEdited(true);
      } else setParagraph(draft(figures.data));
    }
  }
  const keep = (next: { paragraph?: string; title?: string }) => {
    if (from && to) sessionStorage.setItem(draftKey(from, to), JSON.stringify({ paragraph: next.paragraph ?? paragraph, title: next.title ?? title }));
  };
  const snapshots = useProcedure('summary.snapshots');
  const save = useProcedureMutation('summary.save', {
    input: () => ({ from: from!, to: to!, title: title || `${from}—${to}`, language: i18n.language === 'en' ? 'en' : 'zh-CN', paragraph }),
    onSuccess: (s) => {
      notifications.show({ color: 'teal', message: t('summary:saved', { title: s.title }) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const exportIt = useProcedureMutation('summary.export', {
    input: (snapshotId: number | null) => (snapshotId ? { snapshotId } : { from: from!, to: to! }),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const exportJson = useProcedureMutation('summary.exportJson', {
    input: (snapshotId: number) => ({ snapshotId }),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const [withDefinitions, setWithDefinitions] = useState(false);
  const [withNamed, setWithNamed] = useState(false);
  const print = () => {
    sessionStorage.setItem(draftKey(from!, to!), JSON.stringify({ paragraph, title }));
    navigate(`/print/summary?${new URLSearchParams({ from: from!, to: to!, ...(withDefinitions ? { definitions: '1' } : {}), ...(withNamed ? { named: '1' } : {}) })}`);
  };

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('summary:title')}</Title>
      <TermRangePicker picker={picker} termLabel={t('summary:term')} rangeLabel={t('summary:range')}>
        <TextInput label={t('summary:titleField')} w={240} value={title} onChange={(e) => { setTitle(e.currentTarget.value); keep({ title: e.currentTarget.value }); }} />
      </TermRangePicker>
      {figures.isError && <Alert color="red">{errorText(figures.error)}</Alert>}
      {figures.data && (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('summary:paragraph')}</Text>
              <Button size="compact-sm" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={() => { if (from && to) sessionStorage.removeItem(draftKey(from, to)); setEdited(false); setParagraph(draft(figures.data)); }}>
                {t('summary:regenerate')}
              </Button>
            </Group>
            <GrowingTextarea minRows={5} value={paragraph} onChange={(e) => { setEdited(true); setParagraph(e.currentTarget.value); keep({ paragraph: e.currentTarget.value }); }} aria-label={t('summary:paragraph')} data-testid="summary-paragraph" />
            <Text size="xs" c="dimmed" mt={4}>{t('summary:paragraphHelp')}</Text>
            <Group mt="sm">
              <Button leftSection={<IconPrinter size={16} />} onClick={print}>{t('summary:printButton')}</Button>
              <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} onClick={() => save.mutate()}>{t('summary:save')}</Button>
              <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportIt.isPending} onClick={() => exportIt.mutate(null)}>{t('summary:export')}</Button>
            </Group>
            <Group mt="xs" gap="lg">
              <Checkbox size="xs" label={t('summary:appendix.definitions')} checked={withDefinitions} onChange={(e) => setWithDefinitions(e.currentTarget.checked)} />
              <Checkbox size="xs" label={t('summary:appendix.named')} checked={withNamed} onChange={(e) => setWithNamed(e.currentTarget.checked)} />
            </Group>
            <Text size="xs" c="dimmed" mt={2}>{t('summary:appendix.note')}</Text>
          </Paper>
          <SchoolPupils from={figures.data.from} term={figures.data.school?.term ?? null} pupils={figures.data.school?.pupils ?? null} />
          <Paper withBorder p="md" data-testid="summary-figures">
            <SummaryFiguresView f={figures.data} />
          </Paper>
        </>
      )}
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('summary:snapshots')}</Text>
        {(snapshots.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">{t('summary:noSnapshots')}</Text>
        ) : (
          <Table data-testid="snapshots">
            <Table.Tbody>
              {(snapshots.data ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td fw={600}>{s.title}</Table.Td>
                  <Table.Td>{s.from} — {s.to}</Table.Td>
                  <Table.Td>{t('summary:madeBy', { at: dayjs(s.createdAt).format('YYYY-MM-DD HH:mm'), teacher: s.teacherName ?? '' })}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="compact-sm" variant="light" onClick={() => navigate(`/print/summary?snapshot=${s.id}`)}>{t('summary:reprint')}</Button>
                      <Button size="compact-sm" variant="default" onClick={() => exportIt.mutate(s.id)}>{t('summary:export')}</Button>
                      <Button size="compact-sm" variant="default" onClick={() => exportJson.mutate(s.id)} title={t('summary:exportJsonHelp')}>{t('summary:exportJson')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
