import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { CareRules } from '../../../../shared/domain/care.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useFieldErrors } from '../../app/errors.js';

const FIELDS = ['talksPerMonth', 'caringMotherPerWeek', 'visitsPerTerm', 'guardianPerMonth'] as const;

/** Settings → 关爱帮扶: the targets the due lists and the figures measure against. */
export function CareRulesPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const rules = useProcedure('care.rules');
  const [v, setV] = useState<Record<keyof CareRules, number | string>>({ talksPerMonth: 1, caringMotherPerWeek: 1, visitsPerTerm: 1, guardianPerMonth: 1 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (rules.data) setV(rules.data);
  }, [rules.data]);
  const save = useProcedureMutation('care.setRules', {
    input: () => ({ rules: Object.fromEntries(FIELDS.map((f) => [f, v[f] === '' ? Number.NaN : Number(v[f])])) as CareRules }),
    onSuccess: () => {
      setErrors({});
      setFailure(null);
      notifications.show({ color: 'teal', message: t('common:saved') });
    },
    onError: (err) => {
      if (!fieldErrors(err, (e) => setErrors(Object.fromEntries(Object.entries(e).map(([k, m]) => [k.replace(/^rules\./, ''), m]))))) setFailure(errorText(err));
    },
  });
  return (
    <Stack maw={480}>
      <Text size="sm" c="dimmed">{t('care:rules.intro')}</Text>
      {FIELDS.map((f) => (
        <NumberInput key={f} label={t(`care:rules.${f}`)} clampBehavior="none" allowDecimal={false} value={v[f]} onChange={(x) => setV((o) => ({ ...o, [f]: x }))} disabled={!isAdmin} error={errors[f]} />
      ))}
      {failure && <Text c="red" size="sm">{failure}</Text>}
      {isAdmin && (
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate()}>{t('common:save')}</Button>
        </Group>
      )}
    </Stack>
  );
}
