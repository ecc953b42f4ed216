import { useState } from 'react';
import { Checkbox, Chip, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { DateInput, DateTimePicker, TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { EventDetail, EventItem } from '../../../../shared/domain/events.js';
import { AppError } from '../../../../shared/errors.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useFieldErrors } from '../../app/errors.js';
import { DialogActions } from '../../app/forms.js';

const fmt = (ms: number | null) => (ms === null ? null : dayjs(ms).format('YYYY-MM-DD HH:mm:ss'));
const ms = (v: string | null) => (v ? dayjs(v).valueOf() : null);

export function useEventCategories() {
  return useProcedure('events.categories');
}

export function useCategoryLabel(): (id: number | null) => string {
  const { t } = useTranslation();
  const cats = useEventCategories();
  return (id) => {
    const c = cats.data?.find((x) => x.id === id);
    return !c ? '' : c.key ? t(`events:categories.${c.key}`) : c.name;
  };
}

/** New event or edit: times, places, grades, the sign-up window, left-behind children first. */
export function EventForm({ event, onClose, onSaved }: { event: EventItem | null; onClose: () => void; onSaved: (d: EventDetail) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const cats = useEventCategories();
  const [v, setV] = useState(() => ({
    title: event?.title ?? '',
    categoryId: event?.categoryId === null || event === null ? null : String(event.categoryId),
    description: event?.description ?? '',
    place: event?.place ?? '',
    day: event ? dayjs(event.startsAt).format('YYYY-MM-DD') : null,
    startTime: event ? dayjs(event.startsAt).format('HH:mm') : '15:30',
    endTime: event ? dayjs(event.endsAt).format('HH:mm') : '17:00',
    weeks: event?.sessions ?? 1,
    capacity: (event?.capacity ?? '') as number | string,
    grades: (event?.grades ?? [1, 2, 3, 4, 5, 6]).map(String),
    opensAt: fmt(event?.opensAt ?? null),
    closesAt: fmt(event?.closesAt ?? null),
    leftBehindFirst: event?.leftBehindFirst ?? true,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV({ ...v, [k]: value });
    // A field's message goes once the field is changed.
    if (errors[k]) setErrors({ ...errors, [k]: '' });
  };

  const input = () => {
    const missing = undefined as unknown as number;
    return {
      title: v.title,
      categoryId: v.categoryId === null ? null : Number(v.categoryId),
      description: v.description,
      place: v.place,
      startsAt: (v.day && v.startTime ? ms(`${v.day} ${v.startTime}`) : null) ?? missing,
      endsAt: (v.day && v.endTime ? ms(`${v.day} ${v.endTime}`) : null) ?? missing,
      weeks: Number(v.weeks) || 1,
      capacity: v.capacity === '' ? null : Number(v.capacity),
      grades: v.grades.map(Number),
      opensAt: ms(v.opensAt),
      closesAt: ms(v.closesAt),
      leftBehindFirst: v.leftBehindFirst,
    };
  };
  const saved = {
    onSuccess: onSaved,
    onError: (err: Error) => {
      setFailure(null);
      if (fieldErrors(err, (e) => setErrors(Object.fromEntries(Object.entries(e).map(([k, x]) => [k.replace(/^event\./, ''), x]))))) return;
      setFailure(err instanceof AppError ? errorText(err) : String(err));
    },
  };
  const create = useProcedureMutation('events.create', { input, ...saved });
  const update = useProcedureMutation('events.update', { input: () => ({ id: event!.id, event: input() }), ...saved });
  const save = event ? update : create;

  return (
    <Modal opened onClose={onClose} title={event ? t('events:edit') : t('events:new')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('events:fields.title')} withAsterisk value={v.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} data-autofocus />
            <Select
              label={t('events:fields.category')}
              clearable
              data={(cats.data ?? []).map((c) => ({ value: String(c.id), label: c.key ? t(`events:categories.${c.key}`) : c.name }))}
              value={v.categoryId}
              onChange={(x) => set('categoryId', x)}
            />
            <DateInput label={t('events:fields.day')} withAsterisk valueFormat="YYYY-MM-DD" value={v.day} onChange={(x) => set('day', x)} error={errors.startsAt} />
            <Group grow>
              <TimePicker label={t('events:fields.startsAt')} withAsterisk value={v.startTime} onChange={(value) => set('startTime', value.slice(0, 5))} />
              <TimePicker label={t('events:fields.endsAt')} withAsterisk value={v.endTime} onChange={(value) => set('endTime', value.slice(0, 5))} error={errors.endsAt} />
            </Group>
            <TextInput label={t('events:fields.place')} value={v.place} onChange={(e) => set('place', e.currentTarget.value)} error={errors.place} />
            <NumberInput label={t('events:fields.weeks')} description={t('events:fields.weeksHelp')} min={1} max={40} allowDecimal={false} value={v.weeks} onChange={(x) => set('weeks', Number(x) || 1)} error={errors.weeks} />
            <NumberInput label={t('events:fields.capacity')} description={t('events:fields.capacityHelp')} allowDecimal={false} value={v.capacity} onChange={(x) => set('capacity', x)} error={errors.capacity} />
            <Checkbox mt="lg" label={t('events:fields.leftBehindFirst')} checked={v.leftBehindFirst} onChange={(e) => set('leftBehindFirst', e.currentTarget.checked)} />
            <DateTimePicker label={t('events:fields.opensAt')} clearable valueFormat="YYYY-MM-DD HH:mm" value={v.opensAt} onChange={(x) => set('opensAt', x)} error={errors.opensAt} />
            <DateTimePicker label={t('events:fields.closesAt')} clearable valueFormat="YYYY-MM-DD HH:mm" value={v.closesAt} onChange={(x) => set('closesAt', x)} error={errors.closesAt} />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('events:fields.grades')}
            </Text>
            <Chip.Group multiple value={v.grades} onChange={(g) => set('grades', g)}>
              <Group gap="xs">
                {[1, 2, 3, 4, 5, 6].map((g) => (
                  <Chip key={g} value={String(g)}>
                    {t('children:gradeN', { grade: t(`children:grades.${g}`) })}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {errors.grades && (
              <Text c="red" size="xs" mt={4}>
                {errors.grades}
              </Text>
            )}
          </div>
          <GrowingTextarea label={t('events:fields.description')} minRows={2} value={v.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} />
          <DialogActions failure={failure} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
