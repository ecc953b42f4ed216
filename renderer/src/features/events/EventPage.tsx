import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, Pill, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconArrowLeft, IconEdit, IconFileSpreadsheet, IconPrinter, IconUserPlus } from '@tabler/icons-react';
import type { EventDetail, Signup } from '../../../../shared/domain/events.js';
import { AppError } from '../../../../shared/errors.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { useToday } from '../../app/useToday.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';
import { useClassName } from '../children/format.js';
import { EventForm, useCategoryLabel } from './EventForm.js';
import { STATUS_COLOR, useWhen } from './EventsPage.js';
import { Field } from '../../app/Field.js';

/** One event: its sign-ups and waitlist, who moved up, attendance per session, print and export. */
export function EventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const errorText = useErrorText();
  const category = useCategoryLabel();
  const when = useWhen();
  const detail = useProcedure('events.get', { id });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const status = useProcedureMutation('events.setStatus', {
    input: (s: 'planned' | 'cancelled' | 'held') => ({ id, status: s }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const exportIt = useProcedureMutation('events.export', {
    input: () => ({ id }),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  if (detail.isError) return <Alert color="red">{errorText(detail.error)}</Alert>;
  const d = detail.data;
  if (!d) return null;
  const e = d.event;
  const confirmed = d.signups.filter((s) => s.status === 'confirmed');
  const waiting = d.signups.filter((s) => s.status === 'waitlist');
  return (
    <Stack gap="md" maw={1150}>
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/events')}>
            {t('events:title')}
          </Button>
          <Title order={2}>{e.title}</Title>
          <Badge variant="light" color={STATUS_COLOR[e.status]} size="lg">
            {t(`events:statuses.${e.status}`)}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            {t('common:edit')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/event?id=${id}&kind=signups`)}>
            {t('events:printSignups')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/event?id=${id}&kind=attendance`)}>
            {t('events:printAttendance')}
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportIt.isPending} onClick={() => exportIt.mutate()}>
            {t('events:export')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="xs">
          <Field label={t('events:when')} value={when(e)} />
          <Field label={t('events:fields.place')} value={e.place} />
          <Field label={t('events:fields.category')} value={category(e.categoryId)} />
          <Field label={t('events:places')} value={e.capacity === null ? t('events:countNoLimit', { confirmed: e.confirmed }) : t('events:count', { confirmed: e.confirmed, capacity: e.capacity })} />
          <Field label={t('events:fields.grades')} value={e.grades.map((g) => t(`children:grades.${g}`)).join(t('rota:listSep'))} />
          <Field label={t('events:window')} value={`${e.opensAt ? dayjs(e.opensAt).format('MM-DD HH:mm') : '—'} ~ ${e.closesAt ? dayjs(e.closesAt).format('MM-DD HH:mm') : '—'}`} />
        </SimpleGrid>
        {e.leftBehindFirst && (
          <Text size="sm" c="grape.8" mt="xs">
            {t('events:leftBehindFirstNote')}
          </Text>
        )}
        {e.description && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {e.description}
          </Text>
        )}
        <Group mt="sm" gap="xs">
          {e.status !== 'cancelled' && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => status.mutate('cancelled')}>
              {t('events:cancelEvent')}
            </Button>
          )}
          {e.status === 'planned' && (
            <Button size="compact-sm" variant="subtle" color="teal" onClick={() => status.mutate('held')}>
              {t('events:markHeld')}
            </Button>
          )}
          {e.status !== 'planned' && (
            <Button size="compact-sm" variant="subtle" onClick={() => status.mutate('planned')}>
              {t('events:reopen')}
            </Button>
          )}
        </Group>
      </Paper>
      <SignupsPanel d={d} confirmed={confirmed} waiting={waiting} onAdd={() => setAdding(true)} />
      <AttendancePanel d={d} confirmed={confirmed} />
      {editing && <EventForm event={e} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {adding && <AddSignup eventId={id} full={e.capacity !== null && e.confirmed >= e.capacity} onClose={() => setAdding(false)} />}
    </Stack>
  );
}


function SignupsPanel({ d, confirmed, waiting, onAdd }: { d: EventDetail; confirmed: Signup[]; waiting: Signup[]; onAdd: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const className = useClassName();
  const cancel = useProcedureMutation('events.cancel', {
    input: (s: Signup) => ({ eventId: d.event.id, childId: s.childId }),
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: r.promoted ? t('events:cancelledPromoted', { name: r.signup.name, promoted: r.promoted.name }) : t('events:cancelled', { name: r.signup.name }) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const row = (s: Signup) => (
    <Table.Tr key={s.id} data-child={s.childId}>
      {s.position !== null && <Table.Td w={50}>{s.position}</Table.Td>}
      <Table.Td fw={600}>{s.name}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{className(s.grade, s.classNo)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {s.leftBehind && <Badge size="sm" variant="light" color="grape">{t('events:leftBehind')}</Badge>}
          {s.promotedAt !== null && <Badge size="sm" variant="light" color="teal">{t('events:promoted')}</Badge>}
          {s.overCapacityReason && <Badge size="sm" variant="light" color="orange" title={s.overCapacityReason}>{t('events:overCapacity', { reason: s.overCapacityReason })}</Badge>}
          <Badge size="sm" variant="outline" color="gray">{t(`events:by.${s.signedBy}`)}</Badge>
        </Group>
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => cancel.mutate(s)}>
          {t('events:cancelSignup')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600} data-testid="signup-counts">
          {t('events:signupCounts', { confirmed: confirmed.length, waiting: waiting.length })}
        </Text>
        <Button size="compact-md" variant="light" leftSection={<IconUserPlus size={16} />} onClick={onAdd} disabled={d.event.status !== 'planned'}>
          {t('events:addSignup')}
        </Button>
      </Group>
      {confirmed.length > 0 && (
        <Table data-testid="confirmed">
          <Table.Tbody>{confirmed.map(row)}</Table.Tbody>
        </Table>
      )}
      {waiting.length > 0 && (
        <>
          <Text fw={600} mt="md" mb={4}>
            {t('events:waitlist')}
          </Text>
          <Table data-testid="waitlist">
            <Table.Tbody>{waiting.map(row)}</Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}

function AttendancePanel({ d, confirmed }: { d: EventDetail; confirmed: Signup[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const today = useToday() ?? '';
  // The session of today, or the last one before it: never a future one by default.
  const current = [...d.sessions].reverse().find((s) => s.day <= today) ?? d.sessions[0];
  const [picked, setSessionId] = useState<string | null>(null);
  const sessionId = picked !== null && d.sessions.some((s) => String(s.id) === picked) ? picked : current ? String(current.id) : null;
  const marked = sessionId ? (d.attendance[Number(sessionId)] ?? []) : [];
  const session = d.sessions.find((s) => String(s.id) === sessionId);
  const [present, setPresent] = useState<Set<number>>(new Set(marked));
  useEffect(() => setPresent(new Set(sessionId ? (d.attendance[Number(sessionId)] ?? []) : [])), [sessionId, d.attendance]);
  const save = useProcedureMutation('events.attendance', {
    input: () => ({ sessionId: Number(sessionId), present: [...present] }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('events:attendanceSaved', { count: present.size }) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('events:attendance')}</Text>
        <Select
          w={260}
          aria-label={t('events:session')}
          allowDeselect={false}
          data={d.sessions.map((s, i) => ({ value: String(s.id), label: `${t('events:sessionN', { n: i + 1 })} · ${dayjs(s.startsAt).format('YYYY-MM-DD HH:mm')}${s.present !== null ? ` ✓` : ''}` }))}
          value={sessionId}
          onChange={setSessionId}
        />
      </Group>
      {confirmed.length === 0 ? (
        <Text size="sm" c="dimmed">{t('events:noSignups')}</Text>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={4} data-testid="attendance">
            {confirmed.map((s) => (
              <Checkbox
                key={s.childId}
                label={s.name}
                checked={present.has(s.childId)}
                onChange={(ev) => {
                  const next = new Set(present);
                  if (ev.currentTarget.checked) next.add(s.childId);
                  else next.delete(s.childId);
                  setPresent(next);
                }}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button size="compact-md" onClick={() => save.mutate()} loading={save.isPending} disabled={!session}>
              {t('events:saveAttendance')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('events:presentOf', { present: present.size, total: confirmed.length })}
            </Text>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/** Signs up several children in one dialog: each is picked from the search, then all are signed up in turn. */
function AddSignup({ eventId, full, onClose }: { eventId: number; full: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const className = useClassName();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 150);
  const [picked, setPicked] = useState<{ id: number; label: string }[]>([]);
  const [over, setOver] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const found = useProcedure('children.list', { q, limit: 20 });
  const save = useProcedureMutation('events.signUp', {
    input: (childId: number) => ({ eventId, childId, overCapacityReason: over ? reason : null }),
  });
  async function submit(): Promise<void> {
    if (picked.length === 0) {
      setFailure(t('validation:required'));
      return;
    }
    setFailure(null);
    setPending(true);
    const added: string[] = [];
    const waiting: string[] = [];
    const failed: { id: number; label: string; why: string }[] = [];
    // One at a time, in the order picked: the waitlist order follows it.
    for (const child of picked) {
      try {
        const r = await save.mutateAsync(child.id);
        (r.signup.status === 'waitlist' ? waiting : added).push(r.signup.name);
      } catch (err) {
        const why = err instanceof AppError && err.code === 'input.invalid' && over && reason.trim() === '' ? t('validation:required') : errorText(err);
        failed.push({ ...child, why });
      }
    }
    setPending(false);
    const sep = t('rota:listSep');
    if (added.length > 0 || waiting.length > 0) {
      notifications.show({
        color: 'teal',
        message: [added.length > 0 && t('rota:signups.added', { names: added.join(sep) }), waiting.length > 0 && t('rota:signups.waitlist', { names: waiting.join(sep) })].filter(Boolean).join(' '),
      });
    }
    if (failed.length === 0) onClose();
    else {
      setPicked(failed.map(({ id, label }) => ({ id, label })));
      setFailure(failed.map((f) => t('rota:signups.failed', { name: f.label, why: f.why })).join(' '));
    }
  }
  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title={t('events:addSignup')}
      reason={full && over ? { label: t('events:overReason'), value: reason, onChange: (e) => setReason(e.currentTarget.value) } : null}
      focusReason={false}
      failure={failure}
      pending={pending}
      submitLabel={picked.length > 1 ? t('rota:signups.submitN', { count: picked.length }) : t('events:signUp')}
      onSubmit={() => void submit()}
    >
      <Select
        label={t('rota:signups.pick')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        placeholder={t('calls:childSearch')}
        data={(found.data ?? []).filter((c) => !picked.some((p) => p.id === c.id)).map((c) => ({ value: String(c.id), label: `${c.name} · ${className(c.grade, c.classNo)}` }))}
        value={null}
        onChange={(v, option) => {
          if (v === null) return;
          setPicked((list) => [...list, { id: Number(v), label: option?.label ?? v }]);
          setSearch('');
        }}
        filter={({ options }) => options}
        nothingFoundMessage={t('calls:noChild')}
        data-autofocus
        data-testid="signup-pick"
      />
      {picked.length > 0 && (
        <Group gap={6} data-testid="signup-picked">
          {picked.map((c) => (
            <Pill key={c.id} withRemoveButton onRemove={() => setPicked((list) => list.filter((x) => x.id !== c.id))}>
              {c.label}
            </Pill>
          ))}
        </Group>
      )}
      {full && (
        <>
          <Text size="sm">{t('events:fullNote')}</Text>
          <Checkbox label={t('events:placeOver')} checked={over} onChange={(e) => setOver(e.currentTarget.checked)} />
        </>
      )}
    </ReasonDialog>
  );
}
