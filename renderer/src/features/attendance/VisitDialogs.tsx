import { useState } from 'react';
import { Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { BoardChild, Visit } from '../../../../shared/domain/attendance.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { DialogActions } from '../../app/forms.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';

export const hhmm = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('HH:mm'));
/** A time of day as teachers write it: 9:05, 15:40. */
const HHMM = /^([01]?\d|2[0-3]):[0-5]\d$/;
const span = (v: Pick<Visit, 'inAt' | 'outAt'>) => `${hhmm(v.inAt)}–${hhmm(v.outAt)}`;

/** The board child's latest visit of the day, for `children` to act on. */
export function LatestVisit({ child, day, children }: { child: BoardChild; day: string; children: (visit: Visit) => React.ReactNode }) {
  const visits = useProcedure('attendance.childVisits', { childId: child.id, from: day, to: day }, { staleTime: 0 });
  const visit = visits.data?.[0];
  return visit ? <>{children(visit)}</> : null;
}

/**
 * New times for a visit, on `day` (a visit timed after now moves to the board's day). The core refuses a
 * time after its now and a sign-out before the sign-in; an empty sign-out keeps (or makes) the visit open.
 */
export function Correct({ name, visit, day, onClose }: { name: string; visit: Pick<Visit, 'id' | 'inAt' | 'outAt'>; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [inTime, setIn] = useState<string | null>(null);
  const [outTime, setOut] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useProcedureMutation('attendance.correct', {
    input: () => {
      const at = (hm: string) => dayjs(`${day} ${hm.trim().padStart(5, '0')}`).valueOf();
      const inAt = at(inTime ?? hhmm(visit.inAt));
      const out = (outTime ?? hhmm(visit.outAt)).trim();
      return { visitId: visit.id, inAt, outAt: out === '' ? null : at(out), reason };
    },
    onSuccess: onClose,
    onError: (err) => setFailure(errorText(err)),
  });
  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title={t('attendance:correctTitle', { name })}
      centered
      reason={{ label: t('attendance:reason'), withAsterisk: true, placeholder: t('attendance:reasonPlaceholder'), value: reason, onChange: (e) => setReason(e.currentTarget.value) }}
      focusReason={false}
      failure={failure}
      pending={save.isPending}
      submitLabel={t('common:save')}
      onSubmit={() => {
        const bad = [inTime ?? hhmm(visit.inAt), outTime ?? hhmm(visit.outAt)].some((v, i) => !(HHMM.test(v.trim()) || (i === 1 && v.trim() === '')));
        if (bad) setFailure(t('attendance:timeFormat'));
        else save.mutate();
      }}
    >
      <Text size="sm" c="dimmed">
        {t('attendance:correctHint')}
      </Text>
      <Group grow>
        {/* Plain 24-hour text (15:40): the browser's own time field follows the PC's locale and may show AM/PM. */}
        <TextInput label={t('attendance:inAt')} placeholder="15:40" value={inTime ?? hhmm(visit.inAt)} onChange={(e) => setIn(e.currentTarget.value.normalize('NFKC'))} withAsterisk />
        <TextInput label={t('attendance:outAt')} placeholder="17:30" value={outTime ?? hhmm(visit.outAt)} onChange={(e) => setOut(e.currentTarget.value.normalize('NFKC'))} />
      </Group>
    </ReasonDialog>
  );
}

/** Deletes a visit made by mistake, with a reason (audited). */
export function DeleteVisit({ name, visit, onClose }: { name: string; visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useProcedureMutation('attendance.deleteVisit', {
    input: () => ({ visitId: visit.id, reason }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('attendance:deleted', { name }) });
      onClose();
    },
    onError: (err) => setFailure(errorText(err)),
  });
  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title={t('attendance:deleteTitle', { name })}
      centered
      required
      reason={{ label: t('attendance:reason'), withAsterisk: true, placeholder: t('attendance:deleteReasonPlaceholder'), value: reason, onChange: (e) => setReason(e.currentTarget.value) }}
      failure={failure}
      pending={remove.isPending}
      submitLabel={t('attendance:delete')}
      submitColor="red"
      onSubmit={() => remove.mutate()}
    >
      <Text size="sm">{t('attendance:deleteBody', { day: visit.day, times: visit.outAt === null ? hhmm(visit.inAt) : span(visit) })}</Text>
    </ReasonDialog>
  );
}

/** 全部签退: names how many (and who), then one call, one transaction. */
export function SignOutAll({ children, onClose }: { children: BoardChild[]; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const count = children.length;
  const run = useProcedureMutation('attendance.signOutAll', {
    input: () => ({ childIds: children.map((c) => c.id) }),
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('attendance:signedOutAll', { count: r.count }) });
      onClose();
    },
    onError: (err) => setFailure(errorText(err)),
  });
  return (
    <Modal opened onClose={onClose} title={t('attendance:signOutAllTitle', { count })} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('attendance:signOutAllBody', { count })}</Text>
          <List size="sm" spacing={2} mah={240} style={{ overflowY: 'auto' }} data-testid="sign-out-all-names">
            {children.map((c) => (
              <List.Item key={c.id}>
                {c.name} · {hhmm(c.firstIn)}
              </List.Item>
            ))}
          </List>
          <DialogActions failure={failure} pending={run.isPending} onCancel={onClose} submitLabel={t('attendance:signOutAllConfirm', { count })} submitColor="orange" />
        </Stack>
      </form>
    </Modal>
  );
}
