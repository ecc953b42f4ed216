import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { Segmented } from '../../components/Segmented/index.js';
import { DateTimePicker } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import type { CallDirection, CallKind } from '../../../../shared/domain/calls.js';
import { AppError } from '../../../../shared/errors.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useFieldErrors } from '../../app/errors.js';
import { DialogActions } from '../../app/forms.js';
import { useDraft, useKeepAwake } from '../../app/unsaved.js';
import { useClassName } from '../children/format.js';

const mmss = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/**
 * 记录一次联系: the child, whom with (from the child's contacts), voice / video / letter, who started it,
 * when, how long (timed on screen with start/stop, or minutes typed afterwards), a note for teachers.
 */
export function LogCallModal({ opened, onClose, childId: fixedChild }: { opened: boolean; onClose: () => void; childId?: number | null }) {
  const { t } = useTranslation();
  const className = useClassName();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [childId, setChildId] = useState<number | null>(fixedChild ?? null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 150);
  const [contactId, setContactId] = useState<string | null>(null);
  const [kind, setKind] = useState<CallKind>('voice');
  const [direction, setDirection] = useState<CallDirection>('out');
  const [at, setAt] = useState<string | null>(null);
  const [minutes, setMinutes] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [started, setStarted] = useState<number | null>(null);
  const [timed, setTimed] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    if (!opened) return;
    setChildId(fixedChild ?? null);
    setContactId(null);
    setKind('voice');
    setDirection('out');
    setAt(null);
    setMinutes('');
    setNote('');
    setStarted(null);
    setTimed(null);
    setErrors({});
    setFailure(null);
  }, [opened, fixedChild]);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  const found = useProcedure('children.list', { q, limit: 20 }, { enabled: opened && fixedChild == null });
  const child = useProcedure('children.get', { id: childId! }, { enabled: opened && childId !== null });
  // The away parents first: they are whom the call is for.
  useEffect(() => {
    const c = child.data;
    if (!c || contactId !== null) return;
    const away = c.contacts.find((x) => (x.role === 'father' && (c.awayParents === 'father' || c.awayParents === 'both')) || (x.role === 'mother' && (c.awayParents === 'mother' || c.awayParents === 'both')));
    if (away) setContactId(String(away.id));
  }, [child.data, contactId]);

  const start = () => {
    stopTimer();
    setStarted(Date.now());
    setTimed(null);
    timer.current = setInterval(() => setTick((n) => n + 1), 1000);
  };
  const stop = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    const secs = Math.max(1, Math.round((Date.now() - (started ?? Date.now())) / 1000));
    setTimed(secs);
    setMinutes('');
    setStarted(null);
  };
  const running = started !== null;
  // A call being timed keeps the desk awake; what is typed here waits under the lock screen for its teacher.
  useKeepAwake(opened && running);
  useDraft(opened);
  const elapsed = running ? Math.round((Date.now() - started) / 1000) : (timed ?? 0);
  void tick;

  /** The length as it is at the moment of saving: a timer still running counts up to now. */
  const secondsNow = (): number | null => {
    if (kind === 'letter') return null;
    if (started !== null) return Math.max(1, Math.round((Date.now() - started) / 1000));
    if (timed !== null) return timed;
    return minutes === '' ? null : Math.round(Number(minutes) * 60);
  };
  const stopTimer = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setStarted(null);
  };
  const close = () => {
    stopTimer();
    onClose();
  };

  const save = useProcedureMutation('calls.log', {
    input: (seconds: number | null) => {
      // Without a time typed, the core takes the call as ending now (its clock, not this window's).
      const missing = undefined as unknown as number;
      return { childId: childId ?? missing, contactId: contactId === null ? missing : Number(contactId), kind, direction, at: at ? dayjs(at).valueOf() : null, seconds, note };
    },
    onSuccess: (call) => {
      notifications.show({ color: 'teal', message: t('calls:logged', { name: call.childName }) });
      close();
    },
    onError: (err) => {
      setFailure(null);
      if (fieldErrors(err, (e) => setErrors({ ...e, ...(e.seconds ? { minutes: e.seconds } : {}) }))) return;
      if (err instanceof AppError && err.code === 'calls.contactNotFound') setErrors({ contactId: errorText(err) });
      else if (err instanceof AppError && err.code === 'calls.inFuture') setErrors({ at: errorText(err) });
      else setFailure(errorText(err));
    },
  });

  const contacts = child.data?.contacts ?? [];
  return (
    <Modal opened={opened} onClose={close} closeOnEscape={!running} closeOnClickOutside={!running} title={t('calls:log')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const seconds = secondsNow();
          if (running) stop();
          save.mutate(seconds);
        }}
      >
        <Stack>
          {fixedChild == null ? (
            <Select
              label={t('calls:child')}
              withAsterisk
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              placeholder={t('calls:childSearch')}
              data={(found.data ?? []).map((c) => ({ value: String(c.id), label: `${c.name} · ${className(c.grade, c.classNo)}` }))}
              value={childId === null ? null : String(childId)}
              onChange={(v) => {
                setChildId(v === null ? null : Number(v));
                setContactId(null);
              }}
              filter={({ options }) => options}
              error={errors.childId}
              nothingFoundMessage={t('calls:noChild')}
              data-autofocus
            />
          ) : (
            child.data && (
              <Text fw={600}>
                {child.data.name} · {className(child.data.grade, child.data.classNo)}
              </Text>
            )
          )}
          <Select
            label={t('calls:with')}
            withAsterisk
            data={contacts.map((c) => ({
              value: String(c.id),
              label: `${t(`children:roles.${c.role}`)} ${c.name}${c.phones.length > 0 ? ` ${c.phones.join(' / ')}` : ''}${c.workPlace ? `（${c.workPlace}）` : ''}`,
            }))}
            value={contactId}
            onChange={setContactId}
            error={errors.contactId}
            disabled={childId === null}
            placeholder={childId !== null && contacts.length === 0 ? t('calls:noContacts') : undefined}
          />
          <Group grow>
            <Segmented value={kind} onChange={setKind} data={(['voice', 'video', 'letter'] as const).map((k) => ({ value: k, label: t(`calls:kinds.${k}`) }))} />
            <Segmented
              value={direction}
              onChange={setDirection}
              data={(['out', 'in'] as const).map((d) => ({ value: d, label: t(kind === 'letter' ? `calls:letterDirections.${d}` : `calls:directions.${d}`) }))}
            />
          </Group>
          {kind !== 'letter' && (
            <Group align="flex-end">
              {running ? (
                <Button color="red" leftSection={<IconPlayerStop size={16} />} onClick={stop} data-testid="call-stop">
                  {t('calls:stop')}
                </Button>
              ) : (
                <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={start} data-testid="call-start">
                  {timed === null ? t('calls:start') : t('calls:restart')}
                </Button>
              )}
              <Text fz={28} fw={700} ff="monospace" data-testid="call-timer" c={running ? 'red' : undefined}>
                {mmss(elapsed)}
              </Text>
              <NumberInput
                label={t('calls:minutes')}
                w={140}
                decimalScale={1}
                clampBehavior="none"
                value={minutes}
                onChange={(v) => {
                  setMinutes(v);
                  setTimed(null);
                }}
                error={errors.minutes}
                description={timed !== null ? t('calls:timedLength', { time: mmss(timed) }) : undefined}
                disabled={running}
              />
            </Group>
          )}
          <DateTimePicker
            label={t('calls:when')}
            placeholder={t('calls:whenNow')}
            clearable
            value={at}
            onChange={setAt}
            valueFormat="YYYY-MM-DD HH:mm"
            error={errors.at}
          />
          <GrowingTextarea label={t('calls:note')} description={t('calls:noteHelp')} minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <DialogActions failure={failure} pending={save.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
