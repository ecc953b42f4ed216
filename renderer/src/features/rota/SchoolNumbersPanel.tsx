import { useEffect } from 'react';
import { Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useFormFailure } from '../../app/forms.js';

/** Settings → 学校: the school's and the room's phone, printed on every 联系卡. */
export function SchoolNumbersPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const numbers = useProcedure('cards.numbers');
  const form = useForm({ initialValues: { schoolPhone: '', roomPhone: '' } });
  const { failure, onError } = useFormFailure(form);
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (numbers.data) {
      setValues(numbers.data);
      resetDirty(numbers.data);
    }
  }, [numbers.data, setValues, resetDirty]);
  const save = useProcedureMutation('cards.setNumbers', {
    onSuccess: () => notifications.show({ color: 'teal', message: t('common:saved') }),
    onError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack maw={520} mt="xl">
        <Divider label={t('rota:numbers.title')} labelPosition="left" />
        <Text size="sm" c="dimmed">
          {t('rota:numbers.intro')}
        </Text>
        <TextInput label={t('rota:numbers.schoolPhone')} inputMode="tel" disabled={!isAdmin} {...form.getInputProps('schoolPhone')} />
        <TextInput label={t('rota:numbers.roomPhone')} inputMode="tel" disabled={!isAdmin} {...form.getInputProps('roomPhone')} />
        {failure && (
          <Text c="red" size="sm" role="alert">
            {failure}
          </Text>
        )}
        {isAdmin && (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('common:save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
