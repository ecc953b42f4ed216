import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';

/** The label on one line: the field is as wide as it needs (the term's name makes it long in English). */
const NOWRAP_LABEL = { label: { whiteSpace: 'nowrap' } } as const;

/** The whole school's pupils this term (the app holds only the room's children): the left-behind share needs it. */
export function SchoolPupils({ from, term, pupils }: { from: string; term: string | null; pupils: number | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [value, setValue] = useState<number | string>(pupils ?? '');
  useEffect(() => setValue(pupils ?? ''), [pupils]);
  const save = useProcedureMutation('summary.setPupils', {
    input: () => ({ from, pupils: value === '' ? null : Number(value) }),
    onSuccess: () => notifications.show({ color: 'teal', message: t('common:saved') }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  if (term === null) return null;
  return (
    <Paper withBorder p="md">
      <Group align="flex-end" gap="sm">
        <NumberInput label={t('summary:pupils.label', { term })} miw={260} styles={NOWRAP_LABEL} min={0} max={20000} allowDecimal={false} value={value} onChange={setValue} data-testid="school-pupils" />
        <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>
          {t('common:save')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>{t('summary:pupils.help')}</Text>
    </Paper>
  );
}
