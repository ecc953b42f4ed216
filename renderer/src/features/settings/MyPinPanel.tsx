import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { pin } from '../../../../shared/domain/fields.js';
import type { FieldIssue } from '../../../../shared/errors.js';
import { useProcedureMutation } from '../../data/index.js';
import { useErrorText, useFieldErrors, useSchemaValidate } from '../../app/errors.js';

const schema = z.object({ currentPin: z.string().min(1, { error: 'validation:required' }), newPin: pin, newPinRepeat: z.string() });
type Values = z.input<typeof schema>;
const differ = (v: Values): FieldIssue[] =>
  v.newPin !== v.newPinRepeat ? [{ path: 'newPinRepeat', message: 'pinMismatch' }] : [];

export function MyPinPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const form = useForm<Values>({
    initialValues: { currentPin: '', newPin: '', newPinRepeat: '' },
    validate: useSchemaValidate(schema, differ),
  });
  const change = useProcedureMutation('auth.changeOwnPin', {
    input: (v: Values) => ({ currentPin: v.currentPin, newPin: v.newPin }),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('auth:pinChanged') });
    },
    onError: (err) => {
      if (!fieldErrors(err, form.setErrors)) form.setFieldError('currentPin', errorText(err));
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => change.mutate(v))}>
      <Stack maw={360}>
        <PasswordInput label={t('auth:currentPin')} inputMode="numeric" autoComplete="current-password" {...form.getInputProps('currentPin')} />
        <PasswordInput label={t('auth:newPin')} inputMode="numeric" autoComplete="new-password" {...form.getInputProps('newPin')} />
        <PasswordInput label={t('auth:newPinRepeat')} inputMode="numeric" autoComplete="new-password" {...form.getInputProps('newPinRepeat')} />
        <div>
          <Button type="submit" loading={change.isPending}>
            {t('auth:changePin')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
