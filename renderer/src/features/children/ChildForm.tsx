import { useEffect, useMemo } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Divider, Grid, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea/index.js';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { z } from 'zod';
import { childInput, contactRoles, type Child, type ChildInput } from '../../../../shared/domain/child.js';
import { checkBirthDate, guardianRelations, type GuardianRelation } from '../../../../shared/domain/normalize.js';
import { normalizeBirth } from '../../../../shared/domain/birth.js';
import { categoryOf, parentSituations, type ParentSituation } from '../../../../shared/domain/family.js';
import { CategoryHelp } from '../../components/CategoryHelp/index.js';
import { useToday } from '../../app/useToday.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useSchemaValidate } from '../../app/errors.js';
import { useFormFailure } from '../../app/forms.js';

interface ContactValues {
  key: string;
  /** The stored row's id: sent back so an edit updates it in place (open call dialogs keep working). */
  id: number | null;
  role: (typeof contactRoles)[number];
  name: string;
  relation: string | null;
  phones: string;
  workPlace: string;
  livesWith: boolean;
}

interface Values {
  name: string;
  gender: '' | 'male' | 'female';
  birthDate: string;
  hasLunar: boolean;
  lunarBirthday: { month: number | string; day: number | string; leap: boolean };
  grade: string | null;
  classNo: number | string;
  fatherSituation: string | null;
  motherSituation: string | null;
  pupilNo: string;
  idNumber: string;
  address: string;
  mentorId: string | null;
  notes: string;
  contacts: ContactValues[];
}

let keySeq = 0;
const newKey = () => `c${++keySeq}`;

function emptyContact(role: ContactValues['role']): ContactValues {
  return { key: newKey(), id: null, role, name: '', relation: role === 'guardian' ? 'grandmotherPaternal' : null, phones: '', workPlace: '', livesWith: role === 'guardian' };
}

function fromChild(c: Child): Values {
  return {
    name: c.name,
    gender: c.gender ?? '',
    birthDate: c.birthDate ?? '',
    hasLunar: c.lunarBirthday !== null,
    lunarBirthday: c.lunarBirthday ?? { month: '', day: '', leap: false },
    grade: String(c.grade),
    classNo: c.classNo,
    fatherSituation: c.fatherSituation,
    motherSituation: c.motherSituation,
    pupilNo: c.pupilNo,
    idNumber: c.idNumber ?? '',
    address: c.address,
    mentorId: c.mentorId === null ? null : String(c.mentorId),
    notes: c.notes,
    contacts: c.contacts.map((x) => ({ key: newKey(), id: x.id, role: x.role, name: x.name, relation: x.relation, phones: x.phones.join(' / '), workPlace: x.workPlace, livesWith: x.livesWith })),
  };
}

const blank: Values = {
  name: '',
  gender: '',
  birthDate: '',
  hasLunar: false,
  lunarBirthday: { month: '', day: '', leap: false },
  grade: null,
  classNo: '',
  fatherSituation: null,
  motherSituation: null,
  pupilNo: '',
  idNumber: '',
  address: '',
  mentorId: null,
  notes: '',
  contacts: [emptyContact('father'), emptyContact('mother'), emptyContact('guardian')],
};

const num = (v: number | string): number | undefined => (v === '' ? undefined : Number(v));

/**
 * What the form sends: the same `ChildInput` the import builds. Validation keeps every contact row so
 * errors land on the row shown; saving drops rows left completely empty.
 */
function toInput(v: Values, dropEmptyContacts = false): ChildInput {
  const rows = dropEmptyContacts
    ? v.contacts.filter((c) => c.name.trim() !== '' || c.phones.trim() !== '' || c.workPlace.trim() !== '')
    : v.contacts;
  return {
    name: v.name,
    gender: v.gender,
    birthDate: v.birthDate,
    lunarBirthday: v.hasLunar ? { month: num(v.lunarBirthday.month) as number, day: num(v.lunarBirthday.day) as number, leap: v.lunarBirthday.leap } : null,
    grade: v.grade === null ? (undefined as unknown as number) : Number(v.grade),
    classNo: num(v.classNo) as number,
    fatherSituation: (v.fatherSituation ?? null) as ParentSituation | null,
    motherSituation: (v.motherSituation ?? null) as ParentSituation | null,
    pupilNo: v.pupilNo,
    idNumber: v.idNumber,
    address: v.address,
    mentorId: v.mentorId === null ? null : Number(v.mentorId),
    notes: v.notes,
    contacts: rows.map(({ id, role, name, relation, phones, workPlace, livesWith }) => ({
      id,
      role,
      name,
      relation: (role === 'guardian' || role === 'other' ? relation : null) as GuardianRelation | null,
      phones,
      workPlace,
      livesWith,
    })),
  };
}

const formSchema = z.preprocess((v) => toInput(v as Values), childInput);

export function ChildForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const childId = id ? Number(id) : null;
  const navigate = useNavigate();
  const today = useToday();
  const existing = useProcedure('children.get', { id: childId! }, { enabled: childId !== null });
  const teachers = useProcedure('teachers.list');
  const validateSchema = useSchemaValidate<Values>(formSchema);
  const form = useForm<Values>({
    initialValues: blank,
    validate: (values) => validateSchema(values),
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (existing.data) {
      const v = fromChild(existing.data);
      setValues(v);
      resetDirty(v);
    }
  }, [existing.data, setValues, resetDirty]);
  const { failure, onError } = useFormFailure(form);
  const errorText = useErrorText();

  const saved = {
    onSuccess: (child: { id: number }) => {
      notifications.show({ color: 'teal', message: t('children:saved') });
      navigate(`/children/${child.id}`);
    },
    onError,
  };
  const create = useProcedureMutation('children.create', { input: (v: Values) => toInput(v, true), ...saved });
  const update = useProcedureMutation('children.update', { input: (v: Values) => ({ id: childId!, child: toInput(v, true) }), ...saved });
  const save = childId === null ? create : update;

  const typed = form.getValues().birthDate;
  // Only a date as the app keeps it (2018-03, 2018-03-05) is measured; the raw text is normalized on leaving the field.
  const birth = /^\d{4}-\d{2}(-\d{2})?$/.test(typed) ? typed : '';
  const birthNote = useMemo(() => {
    if (!today || !birth) return null;
    const r = checkBirthDate(birth, today);
    return r.ok && r.warning ? t(`validation:${r.warning.message}`, r.warning.params) : null;
  }, [birth, today, t]);

  const fs = form.getValues().fatherSituation as ParentSituation | null;
  const ms = form.getValues().motherSituation as ParentSituation | null;
  const category = fs && ms ? categoryOf({ father: fs, mother: ms }, birth || null, today) : null;

  const mentors = (teachers.data ?? []).filter((x) => x.active || String(x.id) === form.getValues().mentorId);
  const v = form.getValues();

  if (existing.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(existing.error)}
      </Alert>
    );
  }
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack maw={1000} gap="sm">
        <Title order={2}>{childId === null ? t('children:new') : `${t('children:edit')} · ${existing.data?.name ?? ''}`}</Title>
        <Paper withBorder p="md">
          <Grid gap="sm">
            <Grid.Col span={3}>
              <TextInput label={t('children:fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={2}>
              <Select
                label={t('children:fields.gender')}
                data={[
                  { value: 'male', label: t('children:gender.male') },
                  { value: 'female', label: t('children:gender.female') },
                ]}
                clearable
                {...form.getInputProps('gender')}
                value={v.gender === '' ? null : v.gender}
                onChange={(g) => form.setFieldValue('gender', (g ?? '') as Values['gender'])}
              />
            </Grid.Col>
            <Grid.Col span={3}>
              <TextInput
                label={t('children:fields.birthDate')}
                placeholder={t('children:birthPlaceholder')}
                description={birthNote}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                styles={{ description: { color: 'var(--mantine-color-orange-8)' } }}
                {...form.getInputProps('birthDate')}
                // 2018.3, 2018年3月, 20180305 …: written back as the app keeps it (2018-03, 2018-03-05).
                onBlur={(e) => {
                  const r = normalizeBirth(e.currentTarget.value);
                  if (r.ok && r.value) form.setFieldValue('birthDate', r.value);
                  form.validateField('birthDate');
                }}
              />
            </Grid.Col>
            <Grid.Col span={2}>
              <Select
                label={t('children:fields.grade')}
                withAsterisk
                data={[1, 2, 3, 4, 5, 6].map((g) => ({ value: String(g), label: t('children:gradeN', { grade: t(`children:grades.${g}`) }) }))}
                {...form.getInputProps('grade')}
              />
            </Grid.Col>
            <Grid.Col span={2}>
              <NumberInput label={t('children:fields.classNo')} withAsterisk min={1} max={30} allowDecimal={false} {...form.getInputProps('classNo')} />
            </Grid.Col>
            {(['fatherSituation', 'motherSituation'] as const).map((k) => (
              <Grid.Col span={3} key={k}>
                <Select
                  label={t(`children:fields.${k}`)}
                  withAsterisk
                  data={parentSituations.map((s) => ({ value: s, label: t(`children:situation.${s}`) }))}
                  {...form.getInputProps(k)}
                />
              </Grid.Col>
            ))}
            <Grid.Col span={3}>
              <Text size="sm" fw={500} mb={4}>
                {t('children:fields.category')}
              </Text>
              <Group gap={4} wrap="nowrap" mt={8}>
                {category ? <Badge variant="light">{t(`children:category.${category}`)}</Badge> : <Text size="sm" c="dimmed">—</Text>}
                <CategoryHelp priority />
              </Group>
            </Grid.Col>
            <Grid.Col span={3}>
              <TextInput label={t('children:fields.pupilNo')} {...form.getInputProps('pupilNo')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('children:fields.idNumber')} description={t('children:idNumberNote')} {...form.getInputProps('idNumber')} />
            </Grid.Col>
            <Grid.Col span={3}>
              <Select
                label={t('children:fields.mentor')}
                clearable
                placeholder={t('children:noMentor')}
                data={mentors.map((m) => ({ value: String(m.id), label: m.name }))}
                {...form.getInputProps('mentorId')}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('children:fields.address')} {...form.getInputProps('address')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Group gap="sm" align="flex-end">
                <Checkbox label={t('children:fields.lunar')} {...form.getInputProps('hasLunar', { type: 'checkbox' })} mb={8} />
                {v.hasLunar && (
                  <>
                    <NumberInput label={t('children:fields.lunarMonth')} min={1} max={12} w={110} {...form.getInputProps('lunarBirthday.month')} />
                    <NumberInput label={t('children:fields.lunarDay')} min={1} max={30} w={110} {...form.getInputProps('lunarBirthday.day')} />
                    <Checkbox label={t('children:fields.lunarLeap')} {...form.getInputProps('lunarBirthday.leap', { type: 'checkbox' })} mb={8} />
                  </>
                )}
              </Group>
            </Grid.Col>
          </Grid>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('children:fields.contacts')}</Text>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('contacts', emptyContact('guardian'))}>
              {t('children:addContact')}
            </Button>
          </Group>
          <Stack gap={6}>
            {v.contacts.map((c, i) => (
              <div key={c.key}>
                {i > 0 && <Divider my={6} />}
                <Grid gap="xs" align="flex-end">
                  <Grid.Col span={2}>
                    <Select
                      label={t('children:fields.role')}
                      allowDeselect={false}
                      data={contactRoles.map((r) => ({ value: r, label: t(`children:roles.${r}`) }))}
                      {...form.getInputProps(`contacts.${i}.role`)}
                    />
                  </Grid.Col>
                  <Grid.Col span={2}>
                    <TextInput label={t('children:fields.contactName')} {...form.getInputProps(`contacts.${i}.name`)} />
                  </Grid.Col>
                  <Grid.Col span={2}>
                    {c.role === 'guardian' || c.role === 'other' ? (
                      <Select
                        label={t('children:fields.relation')}
                        clearable
                        data={guardianRelations.map((r) => ({ value: r, label: t(`children:relations.${r}`) }))}
                        {...form.getInputProps(`contacts.${i}.relation`)}
                      />
                    ) : (
                      <TextInput label={t('children:fields.workPlace')} {...form.getInputProps(`contacts.${i}.workPlace`)} />
                    )}
                  </Grid.Col>
                  <Grid.Col span={3}>
                    <TextInput label={t('children:fields.phones')} inputMode="tel" {...form.getInputProps(`contacts.${i}.phones`)} />
                  </Grid.Col>
                  <Grid.Col span={2}>
                    <Checkbox label={t('children:fields.livesWith')} mb={8} {...form.getInputProps(`contacts.${i}.livesWith`, { type: 'checkbox' })} />
                  </Grid.Col>
                  <Grid.Col span={1}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('children:removeContact')} onClick={() => form.removeListItem('contacts', i)} mb={4}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Grid.Col>
                </Grid>
              </div>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <GrowingTextarea label={t('children:fields.notes')} minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        </Paper>
        {failure && (
          <Text c="red" role="alert">
            {failure}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate(childId === null ? '/children' : `/children/${childId}`)}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
