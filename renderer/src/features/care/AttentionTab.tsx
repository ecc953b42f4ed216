import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Chip, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { Segmented } from '../../components/Segmented/index.js';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { attentionReasons, type AttentionReason, type NoteKind } from '../../../../shared/domain/care.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { DialogActions } from '../../app/forms.js';
import { useErrors } from './useErrors.js';
import { useClassName } from '../children/format.js';
import { ChildPicker } from './ChildPicker.js';


/**
 * 重点关注: the children the signed-in teacher may open (writer, current mentor; an admin: all). Opening a
 * record is a read the audit log keeps; nothing of it is printed or exported from here.
 */
export function AttentionTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const className = useClassName();
  const errorText = useErrorText();
  const list = useProcedure('care.attentionList');
  const [marking, setMarking] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap={6}>
          <IconLock size={16} />
          <Text size="sm" c="dimmed">{t('care:attention.privacy')}</Text>
        </Group>
        <Button color="grape" onClick={() => setMarking(true)}>{t('care:attention.mark')}</Button>
      </Group>
      {list.isError && <Alert color="red">{errorText(list.error)}</Alert>}
      {list.data && list.data.length === 0 && <Alert color="gray">{t('care:attention.none')}</Alert>}
      {list.data && list.data.length > 0 && (
        <Table striped data-testid="attention">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care:child')}</Table.Th>
              <Table.Th>{t('care:class')}</Table.Th>
              <Table.Th>{t('care:attention.since')}</Table.Th>
              <Table.Th>{t('care:attention.review')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td fw={600}>{a.childName}</Table.Td>
                <Table.Td>{className(a.grade, a.classNo)}</Table.Td>
                <Table.Td>{a.fromDay}</Table.Td>
                <Table.Td>{a.reviewOn ? <Badge color={a.reviewOn < today ? 'red' : 'blue'} variant="light">{a.reviewOn}</Badge> : <Text size="sm" c="dimmed">{t('care:attention.noPlan')}</Text>}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setOpen(a.id)}>{t('care:attention.open')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MarkModal opened={marking} onClose={() => setMarking(false)} today={today} onMarked={(id) => setOpen(id)} />
      {open !== null && <RecordModal id={open} today={today} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function MarkModal({ opened, onClose, today, onMarked }: { opened: boolean; onClose: () => void; today: string; onMarked: (id: number) => void }) {
  const { t } = useTranslation();
  const [childId, setChildId] = useState<number | null>(null);
  const [reasons, setReasons] = useState<AttentionReason[]>([]);
  const [detail, setDetail] = useState('');
  const [fromDay, setFromDay] = useState<string | null>(today);
  const { errors, setErrors, failure, onError } = useErrors({ 'care.alreadyMarked': 'childId', 'care.inFuture': 'fromDay' });
  useEffect(() => {
    if (!opened) return;
    setChildId(null);
    setReasons([]);
    setDetail('');
    setFromDay(today);
    setErrors({});
  }, [opened, today, setErrors]);
  const save = useProcedureMutation('care.mark', {
    input: () => ({ childId: childId ?? (undefined as unknown as number), reasons, detail, fromDay: fromDay ?? '' }),
    onSuccess: (a) => {
      onClose();
      onMarked(a.id);
    },
    onError,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('care:attention.mark')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ChildPicker label={t('care:child')} value={childId} onChange={setChildId} error={errors.childId} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('care:attention.reasons')} <Text span c="red">*</Text></Text>
            <Chip.Group multiple value={reasons} onChange={setReasons}>
              <Group gap={6}>
                {attentionReasons.map((r) => (
                  <Chip key={r} value={r} size="sm" color="grape">{t(`care:reasons.${r}`)}</Chip>
                ))}
              </Group>
            </Chip.Group>
            {errors.reasons && <Text c="red" size="xs">{errors.reasons}</Text>}
          </Stack>
          <GrowingTextarea label={t('care:attention.detail')} minRows={2} value={detail} onChange={(e) => setDetail(e.currentTarget.value)} error={errors.detail} />
          <DateInput label={t('care:attention.since')} withAsterisk valueFormat="YYYY-MM-DD" value={fromDay} onChange={setFromDay} maxDate={today} error={errors.fromDay} />
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} submitColor="grape" />
        </Stack>
      </form>
    </Modal>
  );
}

/** The record: reasons, the plans (newest first) with their reviews, the notes; a plan and a note can be added. */
function RecordModal({ id, today, onClose }: { id: number; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const className = useClassName();
  const errorText = useErrorText();
  // Read once per opening, never from a cache: each read is audited (and a pairing that ended meanwhile is refused).
  const rec = useProcedure('care.attention', { id }, { staleTime: 0, gcTime: 0, refetchOnWindowFocus: false });
  const a = rec.data;
  return (
    <Modal opened onClose={onClose} title={a ? `${a.childName} · ${className(a.grade, a.classNo)}` : t('care:attention.title')} size="xl">
      {rec.isError && <Alert color="red">{errorText(rec.error)}</Alert>}
      {a && (
        <Stack gap="sm" data-testid="attention-record">
          <Group gap={6}>
            {a.reasons.map((r) => <Badge key={r} color="grape" variant="light">{t(`care:reasons.${r}`)}</Badge>)}
            <Text size="sm" c="dimmed">{t('care:attention.markedBy', { day: a.fromDay, name: a.writerName ?? '—' })}</Text>
          </Group>
          {a.detail && <Text size="sm">{a.detail}</Text>}
          <Title order={5}>{t('care:plan.title')}</Title>
          {a.plans.length === 0 && <Text size="sm" c="dimmed">{t('care:attention.noPlan')}</Text>}
          {a.plans.map((p) => (
            <Paper key={p.id} withBorder p="xs">
              <Text size="sm"><b>{t('care:plan.goals')}：</b>{p.goals}</Text>
              <Text size="sm"><b>{t('care:plan.measures')}：</b>{p.measures}</Text>
              {p.people && <Text size="sm"><b>{t('care:plan.people')}：</b>{p.people}</Text>}
              <Group gap={6} mt={4}>
                <Text size="sm"><b>{t('care:plan.reviewOn')}：</b>{p.reviewOn}</Text>
                {p.reviewedOn ? <Badge color={p.reviewedOn <= p.reviewOn ? 'teal' : 'orange'} variant="light">{t('care:plan.reviewed', { day: p.reviewedOn })}</Badge> : <ReviewButton planId={p.id} today={today} />}
              </Group>
              {p.reviewNote && <Text size="sm" c="dimmed">{p.reviewNote}</Text>}
            </Paper>
          ))}
          {a.toDay === null && <NewPlan attentionId={a.id} today={today} open={a.plans.every((p) => p.reviewedOn !== null)} />}
          <Title order={5}>{t('care:note.title')}</Title>
          {a.notes.map((n) => (
            <Paper key={n.id} withBorder p="xs">
              <Group gap={6}>
                <Badge variant="light" color={n.kind === 'counselling' ? 'grape' : 'blue'}>{t(`care:note.${n.kind}`)}</Badge>
                <Text size="sm" c="dimmed">{n.day} · {n.writerName ?? '—'}</Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
            </Paper>
          ))}
          {a.toDay === null && <NoteForm attentionId={a.id} today={today} />}
        </Stack>
      )}
    </Modal>
  );
}

function ReviewButton({ planId, today }: { planId: number; today: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const review = useProcedureMutation('care.reviewPlan', { input: () => ({ id: planId, day: today, note }), onSuccess: () => setOpen(false) });
  const errorText = useErrorText();
  if (!open) return <Button size="compact-xs" variant="light" onClick={() => setOpen(true)}>{t('care:plan.review')}</Button>;
  return (
    <Group gap={4}>
      <TextInput size="xs" placeholder={t('care:plan.reviewNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={review.error ? errorText(review.error) : undefined} />
      <Button size="compact-xs" loading={review.isPending} onClick={() => review.mutate()}>{t('common:save')}</Button>
    </Group>
  );
}

/** A new plan's form: open when every plan has been reviewed (or there is none), else behind a button. */
function NewPlan({ attentionId, today, open }: { attentionId: number; today: string; open: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!open && !shown) return <Group><Button size="compact-sm" variant="light" onClick={() => setShown(true)}>{t('care:plan.add')}</Button></Group>;
  return <PlanForm attentionId={attentionId} today={today} />;
}

function PlanForm({ attentionId, today }: { attentionId: number; today: string }) {
  const { t } = useTranslation();
  const [goals, setGoals] = useState('');
  const [measures, setMeasures] = useState('');
  const [people, setPeople] = useState('');
  const [reviewOn, setReviewOn] = useState<string | null>(null);
  const { errors, setErrors, failure, onError } = useErrors();
  const save = useProcedureMutation('care.savePlan', {
    input: () => ({ attentionId, goals, measures, people, reviewOn: reviewOn ?? '' }),
    onSuccess: () => {
      setErrors({});
      notifications.show({ color: 'teal', message: t('common:saved') });
      setGoals('');
      setMeasures('');
      setPeople('');
      setReviewOn(null);
    },
    onError,
  });
  return (
    <Paper withBorder p="xs" bg="gray.0">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="xs">
          <Text size="sm" fw={600}>{t('care:plan.add')}</Text>
          <GrowingTextarea label={t('care:plan.goals')} withAsterisk minRows={1} value={goals} onChange={(e) => setGoals(e.currentTarget.value)} error={errors.goals} />
          <GrowingTextarea label={t('care:plan.measures')} withAsterisk minRows={1} value={measures} onChange={(e) => setMeasures(e.currentTarget.value)} error={errors.measures} />
          <Group grow>
            <TextInput label={t('care:plan.people')} value={people} onChange={(e) => setPeople(e.currentTarget.value)} error={errors.people} />
            <DateInput label={t('care:plan.reviewOn')} withAsterisk valueFormat="YYYY-MM-DD" minDate={today} value={reviewOn} onChange={setReviewOn} error={errors.reviewOn} />
          </Group>
          <DialogActions failure={failure} pending={save.isPending} onCancel={() => setGoals('')} submitLabel={t('care:plan.save')} />
        </Stack>
      </form>
    </Paper>
  );
}

function NoteForm({ attentionId, today }: { attentionId: number; today: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<NoteKind>('progress');
  const [body, setBody] = useState('');
  const { errors, setErrors, failure, onError } = useErrors();
  const save = useProcedureMutation('care.addNote', {
    input: () => ({ attentionId, kind, day: today, body }),
    onSuccess: () => {
      setErrors({});
      setBody('');
    },
    onError,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Segmented value={kind} onChange={setKind} data={[{ value: 'progress', label: t('care:note.progress') }, { value: 'counselling', label: t('care:note.counselling') }]} />
        <GrowingTextarea label={t('care:note.body')} minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} />
        <DialogActions failure={failure} pending={save.isPending} onCancel={() => setBody('')} submitLabel={t('care:note.save')} />
      </Stack>
    </form>
  );
}
