import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';

/** Whether 身份证号 are kept (off by default: the app needs only the birth date and sex it derives from them). */
export function RosterPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const current = useProcedure('children.rosterSettings');
  const save = useProcedureMutation('children.setRosterSettings', {
    input: (keepIdNumbers: boolean) => ({ keepIdNumbers }),
    onSuccess: () => notifications.show({ color: 'teal', message: t('common:saved') }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  return (
    <Stack maw={560}>
      <Switch
        label={t('settings:roster.keepIdNumbers')}
        description={t('settings:roster.keepIdNumbersNote')}
        checked={current.data?.keepIdNumbers ?? false}
        disabled={!isAdmin || current.isPending || save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed">
        {t('settings:roster.pupilNoNote')}
      </Text>
    </Stack>
  );
}
