import { useState } from 'react';
import { Badge, Button, Chip, Group, Input, Modal, MultiSelect, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { z } from 'zod';
import { pin as pinSchema, personName, role as roleSchema, type Role } from '../../../../shared/domain/fields.js';
import type { Teacher } from '../../../../shared/domain/types.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useSchemaValidate } from '../../app/errors.js';
import { DialogActions, useFormFailure } from '../../app/forms.js';
import { useClassName } from '../children/format.js';
import { DUTY_WEEKDAYS, useClassOptions, useDutyDaysText } from '../rota/teacherFormat.js';

type Dialog = { kind: 'add' } | { kind: 'edit'; teacher: Teacher } | { kind: 'reset'; teacher: Teacher } | null;

const teacherForm = z.object({ name: personName(), role: roleSchema, pin: pinSchema.optional() });

type V = { name: string; role: Role; pin: string | undefined; phone: string; classes: string[]; dutyDays: string[] };

function useSaved(onDone: () => void, message: string) {
  return () => {
    notifications.show({ color: 'teal', message });
    onDone();
  };
}

function TeacherForm({ dialog, onDone }: { dialog: Extract<Dialog, { kind: 'add' | 'edit' }>; onDone: () => void }) {
  const { t } = useTranslation();
  const classOptions = useClassOptions();
  const form = useForm<V>({
    initialValues:
      dialog.kind === 'edit'
        ? {
            name: dialog.teacher.name,
            role: dialog.teacher.role,
            pin: undefined,
            phone: dialog.teacher.phone,
            classes: dialog.teacher.classes,
            dutyDays: dialog.teacher.dutyDays.map(String),
          }
        : { name: '', role: 'teacher', pin: '', phone: '', classes: [], dutyDays: [] },
    validate: useSchemaValidate(teacherForm),
  });
  const { failure, onError } = useFormFailure(form, { 'teachers.duplicateName': 'name' });
  const saved = useSaved(onDone, t('common:saved'));
  const editingId = dialog.kind === 'edit' ? dialog.teacher.id : null;
  const details = (v: V) => ({ phone: v.phone, classes: v.classes, dutyDays: v.dutyDays.map(Number) });
  const add = useProcedureMutation('teachers.add', { input: (v: V) => ({ name: v.name, role: v.role, pin: v.pin ?? '', ...details(v) }), onSuccess: saved, onError });
  const update = useProcedureMutation('teachers.update', {
    input: (v: V) => ({ id: editingId!, name: v.name, role: v.role, ...details(v) }),
    onSuccess: saved,
    onError,
  });
  const save = dialog.kind === 'edit' ? update : add;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <TextInput label={t('settings:teachers.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('settings:teachers.role')}
          allowDeselect={false}
          data={[
            { value: 'teacher', label: t('auth:roles.teacher') },
            { value: 'admin', label: t('auth:roles.admin') },
          ]}
          {...form.getInputProps('role')}
        />
        {dialog.kind === 'add' && (
          <PasswordInput label={t('settings:teachers.pin')} inputMode="numeric" autoComplete="new-password" withAsterisk {...form.getInputProps('pin')} />
        )}
        <TextInput label={t('rota:teacher.phone')} inputMode="tel" {...form.getInputProps('phone')} />
        <MultiSelect label={t('rota:teacher.classes')} data={classOptions} searchable clearable {...form.getInputProps('classes')} />
        <Input.Wrapper label={t('rota:teacher.dutyDays')} description={t('rota:teacher.dutyDaysHint')}>
          <Chip.Group multiple {...form.getInputProps('dutyDays')}>
            <Group gap={6} mt={6}>
              {DUTY_WEEKDAYS.map((d) => (
                <Chip key={d} value={String(d)} size="sm">
                  {t(`birthdays:weekdays.${d}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <DialogActions failure={failure} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function ResetPinForm({ teacher, onDone }: { teacher: Teacher; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { pin: '' }, validate: useSchemaValidate(z.object({ pin: pinSchema })) });
  const { failure, onError } = useFormFailure(form);
  const saved = useSaved(onDone, t('settings:teachers.resetDone'));
  const reset = useProcedureMutation('teachers.resetPin', {
    input: (v: { pin: string }) => ({ id: teacher.id, pin: v.pin }),
    onSuccess: saved,
    onError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => reset.mutate(v))}>
      <Stack>
        <PasswordInput label={t('settings:teachers.newPin')} inputMode="numeric" autoComplete="new-password" data-autofocus {...form.getInputProps('pin')} />
        <DialogActions failure={failure} pending={reset.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function TeachersPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const teachers = useProcedure('teachers.list');
  const className = useClassName();
  const dutyDaysText = useDutyDaysText();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const toggle = useProcedureMutation('teachers.setActive', {
    input: (x: Teacher) => ({ id: x.id, active: !x.active }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });

  return (
    <Stack maw={1100}>
      {isAdmin && (
        <Group>
          <Button onClick={() => setDialog({ kind: 'add' })}>{t('settings:teachers.add')}</Button>
        </Group>
      )}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings:teachers.name')}</Table.Th>
            <Table.Th>{t('settings:teachers.role')}</Table.Th>
            <Table.Th>{t('rota:teacher.phone')}</Table.Th>
            <Table.Th>{t('rota:teacher.classes')}</Table.Th>
            <Table.Th>{t('rota:teacher.dutyDays')}</Table.Th>
            <Table.Th>{t('settings:teachers.status')}</Table.Th>
            {isAdmin && <Table.Th>{t('common:actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(teachers.data ?? []).map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td>{t(`auth:roles.${x.role}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{x.phone || <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{x.classes.map((c) => className(Number(c.split('-')[0]), Number(c.split('-')[1]))).join(t('rota:listSep')) || <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dutyDaysText(x.dutyDays) || <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="light" color={x.active ? 'teal' : 'gray'}>
                    {x.active ? t('settings:teachers.active') : t('settings:teachers.inactive')}
                  </Badge>
                  {x.lockedUntil !== null && (
                    <Badge variant="light" color="red">
                      {t('settings:teachers.locked', { time: dayjs(x.lockedUntil).format('HH:mm') })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {isAdmin && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'edit', teacher: x })}>
                      {t('common:edit')}
                    </Button>
                    <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'reset', teacher: x })}>
                      {t('settings:teachers.resetPin')}
                    </Button>
                    <Button size="xs" variant="subtle" color={x.active ? 'red' : 'teal'} onClick={() => toggle.mutate(x)}>
                      {x.active ? t('settings:teachers.deactivate') : t('settings:teachers.activate')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={dialog !== null}
        onClose={close}
        centered
        title={
          dialog?.kind === 'add'
            ? t('settings:teachers.addTitle')
            : dialog?.kind === 'edit'
              ? t('settings:teachers.editTitle')
              : t('settings:teachers.resetTitle', { name: dialog?.teacher.name ?? '' })
        }
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && <TeacherForm dialog={dialog} onDone={close} />}
        {dialog?.kind === 'reset' && <ResetPinForm teacher={dialog.teacher} onDone={close} />}
      </Modal>
    </Stack>
  );
}
