import { useEffect } from 'react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { LibraryRules } from '../../../../shared/domain/library.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useFormFailure } from '../../app/forms.js';

/** Loan days, books per child and renewals: the lending desk's rules. */
export function LibraryRulesPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const rules = useProcedure('library.rules');
  const form = useForm<LibraryRules>({ mode: 'uncontrolled', initialValues: { loanDays: 14, maxLoans: 2, maxRenewals: 1 } });
  const { failure, onError } = useFormFailure({
    setErrors: (e) => form.setErrors(Object.fromEntries(Object.entries(e).map(([k, v]) => [k.replace(/^rules\./, ''), v]))),
    setFieldError: (p, e) => form.setFieldError(p, e),
  });
  useEffect(() => {
    if (rules.data) {
      form.setValues(rules.data);
      form.resetDirty(rules.data);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rules.data]);
  const save = useProcedureMutation('library.setRules', {
    input: (r: LibraryRules) => ({ rules: r }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common:saved') });
    },
    onError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ loanDays: Number(v.loanDays), maxLoans: Number(v.maxLoans), maxRenewals: Number(v.maxRenewals) }))}>
      <Stack maw={420}>
        <Text size="sm" c="dimmed">
          {t('settings:library.intro')}
        </Text>
        <NumberInput label={t('settings:library.loanDays')} min={1} max={120} allowDecimal={false} disabled={!isAdmin} {...form.getInputProps('loanDays')} key={form.key('loanDays')} />
        <NumberInput label={t('settings:library.maxLoans')} min={1} max={20} allowDecimal={false} disabled={!isAdmin} {...form.getInputProps('maxLoans')} key={form.key('maxLoans')} />
        <NumberInput label={t('settings:library.maxRenewals')} min={0} max={10} allowDecimal={false} disabled={!isAdmin} {...form.getInputProps('maxRenewals')} key={form.key('maxRenewals')} />
        {failure && (
          <Text c="red" size="sm" role="alert">
            {failure}
          </Text>
        )}
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
