import { useState } from 'react';
import { Button, Group, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { useErrorText, useFieldErrors } from './errors.js';

interface FormLike {
  setErrors(errors: Record<string, string>): void;
  setFieldError(path: string, error: string): void;
}

/**
 * The error handling every dialog form shares: the core's field issues go next to their fields,
 * codes listed in `onField` go to that field, anything else becomes the form's one-line failure.
 */
export function useFormFailure(form: FormLike, onField: Partial<Record<ErrorCode, string>> = {}) {
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [failure, setFailure] = useState<string | null>(null);
  const onError = (err: unknown) => {
    setFailure(null);
    if (fieldErrors(err, form.setErrors)) return;
    const field = err instanceof AppError ? onField[err.code] : undefined;
    if (field) form.setFieldError(field, errorText(err));
    else setFailure(errorText(err));
  };
  return { failure, onError };
}

/** The bottom of a dialog form: its failure, Cancel and the submit button. */
export function DialogActions({
  failure,
  pending,
  onCancel,
  submitLabel,
  submitColor,
}: {
  failure: string | null | undefined;
  pending: boolean;
  onCancel: () => void;
  submitLabel?: string;
  submitColor?: MantineColor;
}) {
  const { t } = useTranslation();
  return (
    <>
      {failure && (
        <Text c="red" size="sm" role="alert">
          {failure}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" color={submitColor} loading={pending}>
          {submitLabel ?? t('common:save')}
        </Button>
      </Group>
    </>
  );
}
