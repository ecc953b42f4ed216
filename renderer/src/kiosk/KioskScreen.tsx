import { useState } from 'react';
import { Alert, Box, Button, Center, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { keys, useAppInfo } from '../app/queries.js';
import { useErrorText } from '../app/errors.js';

/**
 * The children's screen. It shows nothing about any child yet: sign-in comes with the kiosk issue.
 * Leaving needs a teacher's PIN, checked by the core.
 */
export function KioskScreen() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const exit = useMutation({
    mutationFn: () => api.kiosk.exit({ pin }),
    onSuccess: (view) => {
      setAsking(false);
      setPin('');
      client.setQueryData(keys.session, view);
    },
    onError: (err) => {
      setPin('');
      setError(errorText(err));
    },
  });

  return (
    <Box mih="100vh" bg="yellow.0" pos="relative">
      <Center mih="100vh" p="xl">
        <Stack align="center" gap="xl" maw={900}>
          <Title order={1} fz={48} ta="center" c="orange.8">
            {t('kiosk:welcome', { room: info.data?.roomName ?? '' })}
          </Title>
          <Text fz={24} ta="center" c="dark.5">
            {t('kiosk:notBuilt')}
          </Text>
        </Stack>
      </Center>
      <Button
        variant="subtle"
        color="gray"
        size="xs"
        pos="absolute"
        bottom={12}
        right={12}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        {t('kiosk:teacherExit')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('kiosk:exitTitle')} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            exit.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('kiosk:exitIntro')}</Text>
            <PasswordInput
              label={t('auth:pin')}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              data-autofocus
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" loading={exit.isPending} disabled={pin.length === 0}>
                {t('kiosk:exit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Box>
  );
}
