import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useFieldErrors } from '../../app/errors.js';

/** How many days without contact with a parent put a child on the "call home" list. */
export function CallRulesPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const rules = useProcedure('calls.rules');
  const [days, setDays] = useState<number | string>(30);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (rules.data) setDays(rules.data.noContactDays);
  }, [rules.data]);
  const save = useProcedureMutation('calls.setRules', {
    input: () => ({ rules: { noContactDays: Number(days) } }),
    onSuccess: () => {
      setError(null);
      notifications.show({ color: 'teal', message: t('common:saved') });
    },
    onError: (err) => {
      if (!fieldErrors(err, (e) => setError(e['rules.noContactDays'] ?? null))) setError(errorText(err));
    },
  });
  return (
    <Stack maw={420}>
      <Text size="sm" c="dimmed">
        {t('settings:calls.intro')}
      </Text>
      <NumberInput label={t('settings:calls.noContactDays')} clampBehavior="none" allowDecimal={false} value={days} onChange={setDays} disabled={!isAdmin} error={error} />
      {isAdmin && (
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('common:save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
