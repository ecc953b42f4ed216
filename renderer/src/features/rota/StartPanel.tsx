import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { showRecoveryCode } from '../../app/recoveryCode.js';

/** Settings → 开始使用 (admins): a new recovery code, and leaving the demo school for real use. */
export function StartPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const steps = useProcedure('firstrun.steps');
  const [askCode, setAskCode] = useState(false);
  const [askClear, setAskClear] = useState(false);
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const newCode = useProcedureMutation('firstrun.newRecoveryCode', {
    onSuccess: ({ code }) => {
      setAskCode(false);
      showRecoveryCode(code);
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const clear = useProcedureMutation('firstrun.clearDemo', {
    input: () => ({ confirm: typed }),
    onSuccess: ({ backup }) => {
      setAskClear(false);
      setTyped('');
      notifications.show({ color: 'teal', autoClose: 10_000, message: t('rota:start.done', { backup: backup.split(/[\\/]/).pop() }) });
    },
    onError: (err) => setFailure(errorText(err)),
  });
  const word = t('rota:start.word');
  return (
    <Stack maw={720}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('rota:recovery.panelTitle')}</Title>
          <Text size="sm">{t('rota:recovery.panelBody')}</Text>
          <Group>
            <Button variant="light" onClick={() => setAskCode(true)} data-testid="new-recovery-code">
              {t('rota:recovery.regenerate')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md" data-testid="start-real-use">
        <Stack gap="xs">
          <Title order={4}>{t('rota:start.title')}</Title>
          {steps.data?.demo ? (
            <>
              <Text size="sm">{t('rota:start.body')}</Text>
              <Group>
                <Button color="grape" onClick={() => setAskClear(true)}>
                  {t('rota:start.button')}
                </Button>
              </Group>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('rota:start.noDemo')}
            </Text>
          )}
        </Stack>
      </Paper>
      <Modal opened={askCode} onClose={() => setAskCode(false)} centered title={t('rota:recovery.regenerate')}>
        <Stack>
          <Text size="sm">{t('rota:recovery.regenerateWarn')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskCode(false)}>
              {t('common:cancel')}
            </Button>
            <Button loading={newCode.isPending} onClick={() => newCode.mutate({})}>
              {t('rota:recovery.regenerate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={askClear}
        onClose={() => {
          setAskClear(false);
          setFailure(null);
        }}
        centered
        title={t('rota:start.confirmTitle')}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFailure(null);
            clear.mutate();
          }}
        >
          <Stack>
            <Alert color="red" variant="light">
              {t('rota:start.confirmBody')}
            </Alert>
            <TextInput label={t('rota:start.typeLabel', { word })} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} data-autofocus autoComplete="off" />
            {failure && (
              <Text c="red" size="sm" role="alert">
                {failure}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAskClear(false)}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" color="red" loading={clear.isPending} disabled={typed.trim() !== word}>
                {t('rota:start.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
