import { useEffect, useState } from 'react';
import { Modal, Select, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { pairingRoles, type PairingRole } from '../../../../shared/domain/care.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { DialogActions } from '../../app/forms.js';
import { useErrors } from './useErrors.js';
import { useSession } from '../../app/queries.js';
import { ChildPicker, useTeacherOptions } from './ChildPicker.js';

/** 结对: a child and a mentor — a teacher, a volunteer (代理家长 / 爱心妈妈 / 志愿者) or a classmate — from a day. */
export function PairModal({ opened, onClose, today }: { opened: boolean; onClose: () => void; today: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const teachers = useTeacherOptions();
  const people = useProcedure('care.people');
  const [childId, setChildId] = useState<number | null>(null);
  const [role, setRole] = useState<PairingRole>('teacher');
  const [mentor, setMentor] = useState<string | null>(null);
  const [peerId, setPeerId] = useState<number | null>(null);
  const [fromDay, setFromDay] = useState<string | null>(today);
  const { errors, setErrors, failure, onError } = useErrors({ 'care.mentorMismatch': 'mentor', 'care.alreadyPaired': 'mentor' });
  useEffect(() => {
    if (!opened) return;
    setChildId(null);
    setRole('teacher');
    setMentor(session.data?.teacher ? String(session.data.teacher.id) : null);
    setPeerId(null);
    setFromDay(today);
    setErrors({});
  }, [opened, today, session.data]);
  const save = useProcedureMutation('care.pair', {
    input: () => ({
      childId: childId ?? (undefined as unknown as number),
      role,
      teacherId: role === 'teacher' && mentor ? Number(mentor) : null,
      personId: role !== 'teacher' && role !== 'peer' && mentor ? Number(mentor) : null,
      peerId: role === 'peer' ? peerId : null,
      fromDay: fromDay ?? '',
    }),
    onSuccess: (p) => {
      notifications.show({ color: 'teal', message: t('care:pair.saved', { child: p.childName, mentor: p.mentorName }) });
      setChildId(null);
      setPeerId(null);
    },
    onError,
  });
  const personOptions = (people.data ?? []).filter((p) => p.active).map((p) => ({ value: String(p.id), label: `${p.name}（${t(`care:kinds.${p.kind}`)}）` }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('care:pair.title')} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ChildPicker label={t('care:child')} value={childId} onChange={setChildId} error={errors.childId} />
          <Select
            label={t('care:pair.role')}
            withAsterisk
            data={pairingRoles.map((r) => ({ value: r, label: t(`care:roles.${r}`) }))}
            value={role}
            onChange={(v) => {
              if (!v) return;
              setRole(v as PairingRole);
              setMentor(v === 'teacher' && session.data?.teacher ? String(session.data.teacher.id) : null);
            }}
            allowDeselect={false}
          />
          {role === 'peer' ? (
            <ChildPicker label={t('care:pair.peer')} value={peerId} onChange={setPeerId} exclude={childId ?? undefined} error={errors.mentor ?? errors.peerId} />
          ) : (
            <Select
              label={t('care:pair.mentor')}
              withAsterisk
              searchable
              data={role === 'teacher' ? teachers : personOptions}
              value={mentor}
              onChange={setMentor}
              nothingFoundMessage={t('care:pair.noPeople')}
              error={errors.mentor ?? errors.teacherId ?? errors.personId}
              data-testid="mentor-picker"
            />
          )}
          <DateInput label={t('care:pair.from')} withAsterisk valueFormat="YYYY-MM-DD" value={fromDay} onChange={setFromDay} error={errors.fromDay} />
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} submitLabel={t('care:pair.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
