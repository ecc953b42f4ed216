import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconEdit, IconFileExport, IconId, IconRestore, IconTrash } from '@tabler/icons-react';
import type { ChildRemoved } from '../../../../shared/domain/child.js';
import { downloadFile } from '../../files.js';
import { useSession } from '../../app/queries.js';
import { useToday } from '../../app/useToday.js';
import { termHolding } from '../../components/TermRangePicker/index.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';
import { procedureKey, useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useClassName, filterToSearch } from './format.js';
import dayjs from 'dayjs';
import { ChildReading } from '../library/ChildReading.js';
import { ChildCalls } from '../calls/ChildCalls.js';
import { ChildEvents } from '../events/ChildEvents.js';
import { ChildCare } from '../care/ChildCare.js';
import { Field } from '../../app/Field.js';


/** Visits this term (the term of today in Settings; the last 120 days when no term holds today). */
function ChildVisits({ childId }: { childId: number }) {
  const { t } = useTranslation();
  const today = useToday() ?? '';
  const terms = useProcedure('terms.list');
  const term = terms.data && termHolding(terms.data, today);
  const from = term?.start ?? dayjs(today).subtract(120, 'day').format('YYYY-MM-DD');
  const visits = useProcedure('attendance.childVisits', { childId, from, to: today }, { enabled: today !== '' && terms.isSuccess });
  const list = visits.data ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('attendance:visitsTitle')}</Text>
        <Text size="sm" c="dimmed">{t('attendance:visitsThisTerm', { count: list.length })}</Text>
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">{t('attendance:noVisits')}</Text>
      ) : (
        <Table fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {list.slice(0, 12).map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.day}</Table.Td>
                <Table.Td>
                  {dayjs(v.inAt).format('HH:mm')}–{v.outAt === null ? '' : dayjs(v.outAt).format('HH:mm')}
                </Table.Td>
                <Table.Td>{v.notSignedOut && <Badge size="xs" color="red" variant="light">{t('attendance:notSignedOut')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** What the deletion did to the data file and the backups, when anything could not be cleared at once. */
function RemovedNote({ r }: { r: ChildRemoved }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm">{t('children:deleted')}</Text>
      {!r.fileCleared && <Text size="sm">{t('children:fileDone.fileNotClear')}</Text>}
      {r.backups.cleaned.length > 0 && <Text size="sm">{t('children:fileDone.backupsCleaned', { count: r.backups.cleaned.length })}</Text>}
      {r.backups.unreachable.length > 0 && (
        <>
          <Text size="sm">{t('children:fileDone.backupsUnreachable')}</Text>
          {r.backups.unreachable.map((u) => (
            <Text key={u.file} size="xs" ff="monospace" data-testid="backup-unreachable">
              {u.file}（{t(`children:fileDone.reasons.${u.reason}`)}）
            </Text>
          ))}
        </>
      )}
    </Stack>
  );
}

export function ChildPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const className = useClassName();
  const errorText = useErrorText();
  const today = useToday() ?? '';
  const isAdmin = useSession().data?.teacher?.role === 'admin';
  const child = useProcedure('children.get', { id });
  const [archiving, setArchiving] = useState(false);
  const [leftDate, setLeftDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [fileOpen, setFileOpen] = useState(false);
  const exportFile = useProcedureMutation('children.exportFile', {
    input: () => ({ id }),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });

  const archive = useProcedureMutation('children.archive', {
    input: () => ({ id, leftDate: leftDate ?? today, reason }),
    onSuccess: () => setArchiving(false),
    onError: (err) => setFailure(errorText(err)),
  });
  const restore = useProcedureMutation('children.restore', {
    input: () => ({ id }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const remove = useProcedureMutation('children.remove', {
    input: () => ({ id, confirmName }),
    onSuccess: (r) => {
      const clean = r.fileCleared && r.backups.unreachable.length === 0;
      // Anything not cleared at once stays on screen until read: the admin must know where the data still is.
      notifications.show({ color: clean ? 'teal' : 'orange', message: <RemovedNote r={r} />, autoClose: clean ? 4000 : false });
      // Gone: not to be fetched again while this page closes.
      client.removeQueries({ queryKey: procedureKey('children.get', { id }) });
      navigate('/children');
    },
    onError: (err) => setFailure(errorText(err)),
  });

  if (child.isError) return <Alert color="red">{errorText(child.error)}</Alert>;
  const c = child.data;
  if (!c) return null;
  const contactRows = c.contacts.map((x) => (
    <Table.Tr key={x.id}>
      <Table.Td>{t(`children:roles.${x.role}`)}</Table.Td>
      <Table.Td>{x.name}</Table.Td>
      <Table.Td>{x.relation ? t(`children:relations.${x.relation}`) : ''}</Table.Td>
      <Table.Td>{x.phones.join(' / ')}</Table.Td>
      <Table.Td>{x.workPlace}</Table.Td>
      <Table.Td>{x.livesWith ? '✓' : ''}</Table.Td>
    </Table.Tr>
  ));

  return (
    <Stack maw={1000} gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{c.name}</Title>
          <Text c="dimmed">{className(c.grade, c.classNo)}</Text>
          <Badge variant="light">{t(`children:category.${c.category}`)}</Badge>
          {c.status === 'left' && (
            <Badge color="gray">
              {t('children:status.left')} · {c.leftDate} · {c.leftReason}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconEdit size={16} />} onClick={() => navigate(`/children/${id}/edit`)}>
            {t('children:edit')}
          </Button>
          <Button variant="default" leftSection={<IconId size={16} />} onClick={() => navigate(`/print/cards?${filterToSearch({ status: 'all' })}&ids=${id}`)}>
            {t('children:printCards')}
          </Button>
          <Button variant="default" leftSection={<IconId size={16} />} onClick={() => navigate(`/print/contact-cards?${filterToSearch({ status: 'all' })}&ids=${id}`)}>
            {t('rota:card.print')}
          </Button>
          {c.status === 'active' ? (
            <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => { setFailure(null); setLeftDate(today); setArchiving(true); }}>
              {t('children:archive')}
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconRestore size={16} />} loading={restore.isPending} onClick={() => restore.mutate()}>
              {t('children:restore')}
            </Button>
          )}
          {isAdmin && (
            <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => setFileOpen(true)}>
              {t('children:file.button')}
            </Button>
          )}
          {isAdmin && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => { setFailure(null); setConfirmName(''); setDeleting(true); }}>
              {t('children:delete')}
            </Button>
          )}
        </Group>
      </Group>
      {c.missing.length > 0 && (
        <Alert color="orange" variant="light" title={t('children:recordMissing', { count: c.missing.length })}>
          {c.missing.map((m) => t(`children:missing.${m}`)).join(t('rota:listSep'))}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={3}><Field label={t('children:fields.gender')} value={c.gender ? t(`children:gender.${c.gender}`) : ''} /></Grid.Col>
          <Grid.Col span={3}><Field label={t('children:fields.birthDate')} value={c.birthDate ?? ''} /></Grid.Col>
          <Grid.Col span={3}>
            <Field
              label={t('children:fields.lunar')}
              value={c.lunarBirthday ? `${c.lunarBirthday.leap ? t('children:fields.lunarLeap') : ''}${c.lunarBirthday.month} / ${c.lunarBirthday.day}` : ''}
            />
          </Grid.Col>
          <Grid.Col span={3}><Field label={t('children:fields.mentor')} value={c.mentorName ?? ''} /></Grid.Col>
          <Grid.Col span={3}><Field label={t('children:fields.fatherSituation')} value={t(`children:situation.${c.fatherSituation}`)} /></Grid.Col>
          <Grid.Col span={3}><Field label={t('children:fields.motherSituation')} value={t(`children:situation.${c.motherSituation}`)} /></Grid.Col>
          <Grid.Col span={3}><Field label={t('children:fieldNames.pupilNo')} value={c.pupilNo} /></Grid.Col>
          <Grid.Col span={6}><Field label={t('children:fields.address')} value={c.address} /></Grid.Col>
          <Grid.Col span={3}><Field label={t('children:fields.cardCode')} value={c.cardCode} /></Grid.Col>
          <Grid.Col span={12}><Field label={t('children:fields.notes')} value={c.notes} /></Grid.Col>
        </Grid>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('children:fields.contacts')}</Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('children:fields.role')}</Table.Th>
              <Table.Th>{t('children:fields.contactName')}</Table.Th>
              <Table.Th>{t('children:fields.relation')}</Table.Th>
              <Table.Th>{t('children:columns.phone')}</Table.Th>
              <Table.Th>{t('children:fields.workPlace')}</Table.Th>
              <Table.Th>{t('children:fields.livesWith')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{contactRows}</Table.Tbody>
        </Table>
      </Paper>
      <ChildVisits childId={id} />
      <ChildCalls childId={id} />
      <ChildCare childId={id} />
      <ChildReading childId={id} />
      <ChildEvents childId={id} />

      <ReasonDialog
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={t('children:archiveTitle', { name: c.name })}
        centered
        reason={{ label: t('children:fields.leftReason'), placeholder: t('children:archiveReasonPlaceholder'), value: reason, onChange: (e) => setReason(e.currentTarget.value) }}
        focusReason={false}
        failure={failure}
        pending={archive.isPending}
        submitLabel={t('children:archive')}
        onSubmit={() => archive.mutate()}
      >
        <DateInput label={t('children:fields.leftDate')} valueFormat="YYYY-MM-DD" value={leftDate} onChange={setLeftDate} />
      </ReasonDialog>
      <Modal opened={fileOpen} onClose={() => setFileOpen(false)} title={t('children:file.title', { name: c.name })} centered>
        <Stack>
          <Text size="sm">{t('children:file.intro')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(`/print/child-file?id=${id}`)}>{t('children:file.print')}</Button>
            <Button loading={exportFile.isPending} onClick={() => exportFile.mutate()}>{t('children:file.export')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('children:deleteTitle', { name: c.name })} centered>
        <Stack>
          <Text size="sm">{t('children:deleteBody')}</Text>
          <TextInput aria-label={t('children:fields.name')} value={confirmName} onChange={(e) => setConfirmName(e.currentTarget.value)} />
          {failure && <Text c="red" size="sm" role="alert">{failure}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>{t('common:cancel')}</Button>
            <Button color="red" disabled={confirmName.trim() === ''} loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('children:deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
