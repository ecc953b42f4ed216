import { useEffect, useState } from 'react';
import { Chip, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { talkTopics, type TalkTopic } from '../../../../shared/domain/care.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { DialogActions } from '../../app/forms.js';
import { useErrors } from './useErrors.js';
import { useSession } from '../../app/queries.js';
import { ChildPicker } from './ChildPicker.js';

/** 谈心记录: the child, the day, who talked (a teacher or a volunteer), the topics, a summary, a follow-up. */
export function TalkModal({ opened, onClose, childId: fixed, today }: { opened: boolean; onClose: () => void; childId?: number | null; today: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const people = useProcedure('care.people');
  const teachers = useProcedure('teachers.list');
  const [childId, setChildId] = useState<number | null>(null);
  const [day, setDay] = useState<string | null>(today);
  const [by, setBy] = useState<string | null>(null);
  const [topics, setTopics] = useState<TalkTopic[]>([]);
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [followUpBy, setFollowUpBy] = useState<string | null>(null);
  const { errors, setErrors, failure, onError } = useErrors({ 'care.inFuture': 'day', 'care.noFollowUp': 'followUp', 'care.followUpBefore': 'followUpBy' });
  useEffect(() => {
    if (!opened) return;
    setChildId(fixed ?? null);
    setDay(today);
    setBy(session.data?.teacher ? `t${session.data.teacher.id}` : null);
    setTopics([]);
    setSummary('');
    setFollowUp('');
    setFollowUpBy(null);
    setErrors({});
  }, [opened, fixed, today, session.data]);
  const save = useProcedureMutation('care.logTalk', {
    input: () => {
      const missing = undefined as unknown as number;
      return {
        childId: childId ?? missing,
        day: day ?? '',
        teacherId: by?.startsWith('t') ? Number(by.slice(1)) : null,
        personId: by?.startsWith('p') ? Number(by.slice(1)) : null,
        topics,
        summary,
        followUp,
        followUpBy,
      };
    },
    onSuccess: (talk) => {
      notifications.show({ color: 'teal', message: t('care:talk.saved', { name: talk.childName }) });
      onClose();
    },
    onError,
  });
  const byOptions = [
    { group: t('care:talk.teachers'), items: (teachers.data ?? []).filter((x) => x.active).map((x) => ({ value: `t${x.id}`, label: x.name })) },
    { group: t('care:talk.people'), items: (people.data ?? []).filter((x) => x.active).map((x) => ({ value: `p${x.id}`, label: x.name })) },
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('care:talk.log')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {fixed == null ? <ChildPicker label={t('care:child')} value={childId} onChange={setChildId} error={errors.childId} /> : null}
          <Group grow>
            <DateInput label={t('care:day')} withAsterisk valueFormat="YYYY-MM-DD" value={day} onChange={setDay} maxDate={today} error={errors.day} />
            <Select label={t('care:talk.by')} withAsterisk data={byOptions} value={by} onChange={setBy} error={errors.teacherId ?? errors.personId} searchable />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('care:talk.topics')} <Text span c="red">*</Text>
            </Text>
            <Chip.Group multiple value={topics} onChange={(v) => setTopics(v as TalkTopic[])}>
              <Group gap={6}>
                {talkTopics.map((k) => (
                  <Chip key={k} value={k} size="sm">
                    {t(`care:topics.${k}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {errors.topics && <Text c="red" size="xs">{errors.topics}</Text>}
          </Stack>
          <GrowingTextarea label={t('care:talk.summary')} minRows={2} maxRows={6} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} />
          <Group grow align="flex-start">
            <TextInput label={t('care:talk.followUp')} placeholder={t('care:talk.followUpHint')} value={followUp} onChange={(e) => setFollowUp(e.currentTarget.value)} error={errors.followUp} />
            <DateInput label={t('care:talk.followUpBy')} valueFormat="YYYY-MM-DD" clearable value={followUpBy} onChange={setFollowUpBy} error={errors.followUpBy} />
          </Group>
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
