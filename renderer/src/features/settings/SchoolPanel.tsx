import { useEffect } from 'react';
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { settingsInput } from '../../../../shared/api/settings.js';
import type { Settings } from '../../../../shared/domain/types.js';
import { procedureKey, useProcedure, useProcedureMutation } from '../../data/index.js';
import { applyLanguage } from '../../i18n.js';
import { useErrorText, useFieldErrors, useSchemaValidate } from '../../app/errors.js';

export function SchoolPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const settings = useProcedure('settings.get');
  const form = useForm<Settings>({
    initialValues: { schoolName: '', roomName: '', language: 'zh-CN', idleLockMinutes: 10 },
    validate: useSchemaValidate(settingsInput),
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (settings.data) {
      setValues(settings.data);
      resetDirty(settings.data);
    }
  }, [settings.data, setValues, resetDirty]);

  const save = useProcedureMutation('settings.update', {
    onSuccess: (saved) => {
      client.setQueryData(procedureKey('settings.get'), saved);
      applyLanguage(saved.language);
      notifications.show({ color: 'teal', message: t('common:saved') });
    },
    onError: (err) => {
      if (!fieldErrors(err, form.setErrors)) notifications.show({ color: 'red', message: errorText(err) });
    },
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack maw={520}>
        {!isAdmin && <Alert color="gray">{t('settings:adminOnly')}</Alert>}
        <TextInput label={t('settings:schoolName')} withAsterisk disabled={!isAdmin} {...form.getInputProps('schoolName')} />
        <TextInput label={t('settings:roomName')} withAsterisk disabled={!isAdmin} {...form.getInputProps('roomName')} />
        <Select
          label={t('settings:language')}
          disabled={!isAdmin}
          allowDeselect={false}
          data={[
            { value: 'zh-CN', label: t('common:languages.zh-CN') },
            { value: 'en', label: t('common:languages.en') },
          ]}
          {...form.getInputProps('language')}
        />
        <NumberInput
          label={t('settings:idleLockMinutes')}
          min={1}
          max={240}
          allowDecimal={false}
          disabled={!isAdmin}
          {...form.getInputProps('idleLockMinutes')}
        />
        {isAdmin && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common:save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
