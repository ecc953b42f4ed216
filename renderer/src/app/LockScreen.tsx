import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Center,
  Container,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconLock, IconUser } from '@tabler/icons-react';
import type { LockEntry } from '../../../shared/domain/types.js';
import { prefetchProcedure, useProcedure, useProcedureMutation } from '../data/index.js';
import { setSession, useAppInfo } from './queries.js';
import { useErrorText } from './errors.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { hasDraft } from './unsaved.js';
import { keptQueries } from './deskOwner.js';

// The recovery form (zod, @mantine/form) loads after the lock screen shows: it is not in the start chunk.
const RecoverPin = lazy(async () => ({ default: (await import('./RecoverPin.js')).RecoverPin }));

/**
 * Pick a teacher, type the PIN. Shown on every start, after locking, and after idle time. `deskOwner`
 * is the teacher whose desk waits under the lock screen: they get it back as they left it; another
 * teacher gets a clean desk, and its unsaved work is given up only after they say so.
 */
export function LockScreen({ deskOwner = null }: { deskOwner?: number | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const info = useAppInfo();
  const errorText = useErrorText();
  const teachers = useProcedure('auth.lockList');
  const [picked, setPicked] = useState<LockEntry | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [askDiscard, setAskDiscard] = useState(false);

  const login = useProcedureMutation('auth.login', {
    input: () => ({ teacherId: picked!.id, pin }),
    onSuccess: (view) => {
      setPin('');
      setAskDiscard(false);
      // A desk that opens on Today asks for its figures now, while the desk's frame is drawn, not after.
      const toToday = deskOwner === null ? location.pathname === '/' : view.teacher?.id !== deskOwner;
      if (toToday) void prefetchProcedure(client, 'today.overview');
      if (deskOwner !== null && view.teacher?.id !== deskOwner) {
        // Another teacher: nothing of the previous one's desk stays (the Gate drops its data and remounts it).
        notifications.clean();
        navigate('/', { replace: true });
      } else if (deskOwner !== null) {
        // The same teacher: what others changed meanwhile (no data events reach a locked desk) is fetched again.
        void client.invalidateQueries({ predicate: (q) => !keptQueries.has(String(q.queryKey[0])) });
      }
      setSession(client, view);
    },
    onError: (err) => {
      setPin('');
      setAskDiscard(false);
      setError(errorText(err));
      void teachers.refetch();
    },
  });
  const submit = () => {
    setError(null);
    if (deskOwner !== null && picked!.id !== deskOwner && hasDraft()) setAskDiscard(true);
    else login.mutate();
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Container size={720} w="100%">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <div>
                <Text c="dimmed" size="sm">
                  {info.data?.schoolName} · {info.data?.roomName}
                </Text>
                <Title order={2}>
                  <IconLock size={24} style={{ verticalAlign: -3, marginRight: 8 }} />
                  {t('auth:lockTitle')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('auth:lockIntro')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" role="listbox" aria-label={t('auth:pickTeacher')}>
              {(teachers.data ?? []).map((teacher) => {
                const lockedUntil = teacher.lockedUntil;
                const selected = picked?.id === teacher.id;
                return (
                  <UnstyledButton
                    key={teacher.id}
                    role="option"
                    aria-selected={selected}
                    onClick={() => {
                      setPicked(teacher);
                      setError(null);
                      setAskDiscard(false);
                      setPin('');
                    }}
                  >
                    <Paper
                      withBorder
                      p="md"
                      radius="md"
                      bg={selected ? 'teal.0' : undefined}
                      style={{ borderColor: selected ? 'var(--mantine-color-teal-6)' : undefined, borderWidth: selected ? 2 : 1 }}
                    >
                      <Group gap="sm" wrap="nowrap">
                        <IconUser size={22} />
                        <div style={{ minWidth: 0 }}>
                          <Text fw={600} size="lg" truncate>
                            {teacher.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`auth:roles.${teacher.role}`)}
                          </Text>
                        </div>
                      </Group>
                      {lockedUntil !== null && (
                        <Badge color="red" variant="light" mt="xs">
                          {t('auth:lockedUntil', { time: dayjs(lockedUntil).format('HH:mm') })}
                        </Badge>
                      )}
                    </Paper>
                  </UnstyledButton>
                );
              })}
            </SimpleGrid>
            {picked && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  submit();
                }}
              >
                <Group align="flex-end">
                  <PasswordInput
                    key={picked.id}
                    label={`${t('auth:pin')} · ${picked.name}`}
                    value={pin}
                    onChange={(e) => setPin(e.currentTarget.value)}
                    inputMode="numeric"
                    autoComplete="off"
                    autoFocus
                    maxLength={8}
                    style={{ flex: 1 }}
                    size="md"
                  />
                  <Button type="submit" size="md" loading={login.isPending} disabled={pin.length === 0 || askDiscard}>
                    {t('auth:unlock')}
                  </Button>
                </Group>
              </form>
            )}
            {picked && (
              <Suspense fallback={null}>
                <RecoverPin admin={picked} />
              </Suspense>
            )}
            {askDiscard && (
              <Alert color="orange" role="alertdialog" aria-labelledby="discard-draft" data-testid="discard-draft">
                <Text id="discard-draft" size="sm" mb="sm">
                  {t('auth:discardDraft')}
                </Text>
                <Group justify="flex-end">
                  <Button
                    variant="default"
                    onClick={() => {
                      setAskDiscard(false);
                      setPin('');
                    }}
                  >
                    {t('common:cancel')}
                  </Button>
                  <Button color="orange" loading={login.isPending} onClick={() => login.mutate()}>
                    {t('auth:discardAndUnlock')}
                  </Button>
                </Group>
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
          </Stack>
        </Paper>
      </Container>
    </Center>
  );
}
