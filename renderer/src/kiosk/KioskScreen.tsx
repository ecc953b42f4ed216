import { useCallback, useState } from 'react';
import { Alert, Box, Button, Center, Group, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconCake } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { KioskChild, KioskResult } from '../../../shared/domain/attendance.js';
import { AppError } from '../../../shared/errors.js';
import { api } from '../api.js';
import { keys, useAppInfo } from '../app/queries.js';
import { useErrorText } from '../app/errors.js';
import { useOnIdle, type ActivityEvent } from '../app/useOnIdle.js';
import { useCardScanner } from './useCardScanner.js';
import { KioskEvents } from './KioskEvents.js';
import classes from './kiosk.module.css';

const IDLE_MS = 60_000;
const DONE_MS = 5_000;
const KIOSK_EVENTS: ActivityEvent[] = ['pointerdown', 'keydown'];

type Step =
  | { kind: 'home' }
  | { kind: 'class'; grade: number }
  | { kind: 'names'; grade: number; classNo: number }
  | { kind: 'confirm'; child: KioskChild }
  | { kind: 'events'; child: KioskChild }
  | { kind: 'done'; result: KioskResult };

/** The children's screen: grade → class → name (or initials, or the card) → one big button. */
export function KioskScreen() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const errorText = useErrorText();
  const [step, setStep] = useState<Step>({ kind: 'home' });
  const [notice, setNotice] = useState<string | null>(null);
  const [noticeOk, setNoticeOk] = useState(false);
  const home = useCallback(() => {
    setStep({ kind: 'home' });
    setNotice(null);
    setNoticeOk(false);
  }, []);

  // Back to the start after a minute without a touch, and a few seconds after each confirmation.
  useOnIdle(step.kind === 'done' ? DONE_MS : IDLE_MS, home, KIOSK_EVENTS);

  const card = useMutation({
    mutationFn: (code: string) => api.kiosk.card({ code }),
    onSuccess: (child) => setStep({ kind: 'confirm', child }),
    onError: (err) => {
      setNoticeOk(false);
      setNotice(err instanceof AppError && err.code === 'kiosk.unknownCard' ? t('kiosk:unknownCard') : errorText(err));
    },
  });
  useCardScanner((code) => card.mutate(code));

  return (
    <Box className={classes.screen}>
      <Stack gap="lg" p="xl" mih="100vh">
        <Group justify="space-between">
          <Title order={1} className={classes.title}>
            {t('kiosk:welcome', { room: info.data?.roomName ?? '' })}
          </Title>
          {step.kind !== 'home' && (
            <Button size="xl" variant="white" color="orange" onClick={home} className={classes.homeButton}>
              {t('kiosk:home')}
            </Button>
          )}
        </Group>
        {notice && (
          <Alert color={noticeOk ? 'teal' : 'orange'} className={classes.notice} role="alert">
            {notice}
          </Alert>
        )}
        {step.kind === 'home' && <Home onGrade={(grade) => setStep({ kind: 'class', grade })} onChild={(child) => setStep({ kind: 'confirm', child })} onCode={(c) => card.mutate(c)} />}
        {step.kind === 'class' && <Classes grade={step.grade} onClass={(classNo) => setStep({ kind: 'names', grade: step.grade, classNo })} />}
        {step.kind === 'names' && <Names grade={step.grade} classNo={step.classNo} onChild={(child) => setStep({ kind: 'confirm', child })} />}
        {step.kind === 'confirm' && (
          <Confirm child={step.child} onDone={(result) => setStep({ kind: 'done', result })} onError={(text) => {
              setNoticeOk(false);
              setNotice(text);
            }} onEvents={() => setStep({ kind: 'events', child: step.child })} />
        )}
        {step.kind === 'events' && (
          <KioskEvents
            child={step.child}
            onMessage={(text, ok) => {
              setNotice(text);
              setNoticeOk(ok);
            }}
          />
        )}
        {step.kind === 'done' && <Done result={step.result} />}
      </Stack>
      <TeacherExit />
    </Box>
  );
}

function Home({ onGrade, onChild, onCode }: { onGrade: (g: number) => void; onChild: (c: KioskChild) => void; onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const grades = useQuery({ queryKey: ['kiosk.classes'], queryFn: () => api.kiosk.classes() });
  const found = useQuery({ queryKey: ['kiosk.search', q], queryFn: () => api.kiosk.search({ q }), enabled: q.trim().length > 0 });
  const gradeList = [...new Set((grades.data ?? []).map((c) => c.grade))];
  return (
    <Stack gap="xl">
      <Text className={classes.prompt}>{t('kiosk:pickGrade')}</Text>
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="lg">
        {gradeList.map((g) => (
          <UnstyledButton key={g} className={classes.tile} onClick={() => onGrade(g)}>
            {t('kiosk:grade', { grade: t(`children:grades.${g}`) })}
          </UnstyledButton>
        ))}
      </SimpleGrid>
      <Stack gap="xs" mt="md">
        <Text className={classes.hint}>{t('kiosk:orType')}</Text>
        <TextInput
          size="xl"
          w={360}
          value={q}
          aria-label={t('kiosk:orType')}
          placeholder={t('kiosk:typePlaceholder')}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            // A scanner can type into this box too: a card code with Enter is a card.
            if (e.key === 'Enter' && /^C[0-9A-Z]{10}$/i.test(q.trim())) {
              onCode(q.trim().toUpperCase());
              setQ('');
            }
          }}
        />
        {q.trim() !== '' && found.data && (
          <SimpleGrid cols={{ base: 3, lg: 5 }} spacing="md">
            {found.data.map((c) => (
              <ChildTile key={c.id} child={c} onClick={() => onChild(c)} />
            ))}
          </SimpleGrid>
        )}
        {q.trim() !== '' && found.data?.length === 0 && <Text className={classes.hint}>{t('kiosk:noMatch')}</Text>}
        <Text className={classes.hint}>{t('kiosk:orScan')}</Text>
      </Stack>
    </Stack>
  );
}

function Classes({ grade, onClass }: { grade: number; onClass: (c: number) => void }) {
  const { t } = useTranslation();
  const all = useQuery({ queryKey: ['kiosk.classes'], queryFn: () => api.kiosk.classes() });
  return (
    <Stack gap="xl">
      <Text className={classes.prompt}>
        {t('kiosk:grade', { grade: t(`children:grades.${grade}`) })} · {t('kiosk:pickClass')}
      </Text>
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="lg">
        {(all.data ?? [])
          .filter((c) => c.grade === grade)
          .map((c) => (
            <UnstyledButton key={c.classNo} className={classes.tile} onClick={() => onClass(c.classNo)}>
              {t('kiosk:classN', { classNo: c.classNo })}
            </UnstyledButton>
          ))}
      </SimpleGrid>
    </Stack>
  );
}

function ChildTile({ child, onClick }: { child: KioskChild; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton className={classes.nameTile} data-in={child.state === 'in'} onClick={onClick} aria-label={child.name}>
      <span className={classes.given}>{child.givenName}</span>
      <span className={classes.full}>{child.name}</span>
      {child.state === 'in' && <span className={classes.inBadge}>{t('kiosk:in')}</span>}
    </UnstyledButton>
  );
}

function Names({ grade, classNo, onChild }: { grade: number; classNo: number; onChild: (c: KioskChild) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['kiosk.classChildren', grade, classNo], queryFn: () => api.kiosk.classChildren({ grade, classNo }), staleTime: 0 });
  return (
    <Stack gap="xl">
      <Text className={classes.prompt}>
        {t('children:gradeClass', { grade: t(`children:grades.${grade}`), classNo })} · {t('kiosk:pickName')}
      </Text>
      <SimpleGrid cols={{ base: 4, lg: 6 }} spacing="md">
        {(list.data ?? []).map((c) => (
          <ChildTile key={c.id} child={c} onClick={() => onChild(c)} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Confirm({ child, onDone, onError, onEvents }: { child: KioskChild; onDone: (r: KioskResult) => void; onError: (text: string) => void; onEvents: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorText = useErrorText();
  const toggle = useMutation({
    mutationFn: () => api.kiosk.toggle({ childId: child.id }),
    onSuccess: (r) => {
      void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('kiosk.') });
      onDone(r);
    },
    onError: (err) => onError(errorText(err)),
  });
  const signingIn = child.state === 'out';
  return (
    <Center>
      <Stack align="center" gap="xl" mt="xl">
        <Text className={classes.hello}>{t('kiosk:hello', { name: child.givenName })}</Text>
        <Text className={classes.hint}>{child.name}</Text>
        <Button
          className={classes.bigButton}
          color={signingIn ? 'teal' : 'orange'}
          loading={toggle.isPending}
          // One tap: the button is gone while the call runs, and the core ignores a repeat within seconds.
          disabled={toggle.isPending || toggle.isSuccess}
          onClick={() => toggle.mutate()}
        >
          {signingIn ? t('kiosk:signIn') : t('kiosk:signOut')}
        </Button>
        <Button size="xl" variant="light" color="grape" className={classes.eventButton} onClick={onEvents}>
          {t('kiosk:events.open')}
        </Button>
      </Stack>
    </Center>
  );
}

function Done({ result }: { result: KioskResult }) {
  const { t } = useTranslation();
  return (
    <Center>
      <Stack align="center" gap="lg" mt="xl" role="status">
        <Text className={classes.done} data-testid="kiosk-done">
          {result.action === 'in' ? t('kiosk:signedIn', { name: result.givenName }) : t('kiosk:signedOut', { name: result.givenName })}
        </Text>
        <Text className={classes.hint}>{t('kiosk:at', { time: dayjs(result.at).format('HH:mm') })}</Text>
        {result.birthday && (
          // An icon, not an emoji: the room's PC may have no emoji font and would draw a box.
          <Group gap="md" className={classes.birthday} data-testid="kiosk-birthday">
            <IconCake size={64} stroke={1.8} aria-hidden />
            <span>{t('kiosk:birthday')}</span>
            <IconCake size={64} stroke={1.8} aria-hidden />
          </Group>
        )}
      </Stack>
    </Center>
  );
}

/** A small button for the teacher; leaving needs a PIN, checked by the core. */
function TeacherExit() {
  const { t } = useTranslation();
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
    <>
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
            <PasswordInput label={t('auth:pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="off" maxLength={8} data-autofocus />
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
    </>
  );
}
