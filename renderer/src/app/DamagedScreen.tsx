import { useState } from 'react';
import { Alert, Button, Container, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useProcedure, useProcedureMutation } from '../data/index.js';
import { RestoreFromFile } from '../components/RestoreBackup/index.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { useErrorText } from './errors.js';
import { megabytes, useReasonText, when } from '../features/settings/backupFormat.js';

/**
 * The start-up check found the data file damaged: it is open read-only and nothing is written to it.
 * The way out is a restore: the newest backup on this PC in one click, or a file from a USB stick.
 */
export function DamagedScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonText = useReasonText();
  const [error, setError] = useState<string | null>(null);
  const health = useProcedure('backups.health');
  const latest = health.data?.latestGood ?? null;
  const restore = useProcedureMutation('backups.restoreLatest', {
    onSuccess: () => window.location.reload(),
    onError: (err) => setError(errorText(err)),
  });
  return (
    <Container size={640} py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" data-testid="damaged-screen">
        <Stack>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={2}>
              <IconAlertTriangle size={26} color="var(--mantine-color-red-7)" style={{ verticalAlign: 'text-bottom' }} /> {t('backups:damagedTitle')}
            </Title>
            <LanguageSwitch persist={false} />
          </Group>
          <Text>{t('backups:damagedText')}</Text>
          {latest ? (
            <>
              <Text fw={500}>
                {t('backups:latestGood', {
                  when: when(latest.at),
                  reason: reasonText(latest.reason),
                  children: latest.children ?? '—',
                  visits: latest.visits ?? '—',
                  calls: latest.calls ?? '—',
                  size: megabytes(latest.size),
                })}
              </Text>
              <Button color="orange" size="md" loading={restore.isPending} onClick={() => restore.mutate()} data-testid="restore-latest">
                {t('backups:restoreLatest')}
              </Button>
            </>
          ) : (
            <Alert color="orange">{t('backups:noGoodBackup')}</Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Divider label={t('backups:orFromFile')} />
          <RestoreFromFile />
        </Stack>
      </Paper>
    </Container>
  );
}
