import { useEffect, useState } from 'react';
import { Group, Modal, Select, Stack, Text } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { Segmented } from '../../components/Segmented/index.js';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { visitHow, visitMet } from '../../../../shared/domain/care.js';
import { useProcedureMutation } from '../../data/index.js';
import { DialogActions } from '../../app/forms.js';
import { useErrors } from './useErrors.js';
import { useSession } from '../../app/queries.js';
import { ChildPicker, TeachersPicker } from './ChildPicker.js';

type Met = (typeof visitMet)[number];
type How = (typeof visitHow)[number];

/** 家访记录: the child's family, the day, the visiting teachers, whom they met, how, what was found and agreed. */
export function VisitModal({ opened, onClose, childId: fixed, today }: { opened: boolean; onClose: () => void; childId?: number | null; today: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [childId, setChildId] = useState<number | null>(null);
  const [day, setDay] = useState<string | null>(today);
  const [teacherIds, setTeacherIds] = useState<string[]>([]);
  const [met, setMet] = useState<Met | null>('guardian');
  const [how, setHow] = useState<How>('home');
  const [found, setFound] = useState('');
  const [agreed, setAgreed] = useState('');
  const { errors, setErrors, failure, onError } = useErrors({ 'care.inFuture': 'day' });
  useEffect(() => {
    if (!opened) return;
    setChildId(fixed ?? null);
    setDay(today);
    setTeacherIds(session.data?.teacher ? [String(session.data.teacher.id)] : []);
    setMet('guardian');
    setHow('home');
    setFound('');
    setAgreed('');
    setErrors({});
  }, [opened, fixed, today, session.data]);
  const save = useProcedureMutation('care.logVisit', {
    input: () => ({ childId: childId ?? (undefined as unknown as number), day: day ?? '', teacherIds: teacherIds.map(Number), met: met ?? (undefined as unknown as Met), how, found, agreed }),
    onSuccess: (v) => {
      notifications.show({ color: 'teal', message: t('care:visit.saved', { name: v.childName }) });
      onClose();
    },
    onError,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('care:visit.log')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {fixed == null && <ChildPicker label={t('care:child')} value={childId} onChange={setChildId} error={errors.childId} />}
          <Group grow align="flex-start">
            <DateInput label={t('care:day')} withAsterisk valueFormat="YYYY-MM-DD" value={day} onChange={setDay} maxDate={today} error={errors.day} />
            <TeachersPicker label={t('care:visit.teachers')} value={teacherIds} onChange={setTeacherIds} error={errors.teacherIds} />
          </Group>
          <Group grow align="flex-end">
            <Select label={t('care:visit.met')} withAsterisk data={visitMet.map((m) => ({ value: m, label: t(`care:met.${m}`) }))} value={met} onChange={setMet} error={errors.met} />
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('care:visit.how')}</Text>
              <Segmented value={how} onChange={setHow} data={visitHow.map((h) => ({ value: h, label: t(`care:how.${h}`) }))} />
            </Stack>
          </Group>
          <GrowingTextarea label={t('care:visit.found')} minRows={2} maxRows={6} value={found} onChange={(e) => setFound(e.currentTarget.value)} error={errors.found} />
          <GrowingTextarea label={t('care:visit.agreed')} minRows={2} maxRows={6} value={agreed} onChange={(e) => setAgreed(e.currentTarget.value)} error={errors.agreed} />
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
