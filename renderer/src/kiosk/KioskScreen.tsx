import { useCallback, useState } from 'react';
import { Alert, Box, Button, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KioskChild, KioskResult } from '../../../shared/domain/attendance.js';
import { useProcedureMutation } from '../data/index.js';
import { setSession, useAppInfo } from '../app/queries.js';
import { useErrorText } from '../app/errors.js';
import { useOnIdle, type ActivityEvent } from '../app/useOnIdle.js';
import { useCardScanner } from './useCardScanner.js';
import { KioskEvents } from './KioskEvents.js';
import { Classes, Home, Names } from './KioskHome.js';
import { Confirm, Done } from './KioskConfirm.js';
import { useKioskErrorText } from './kioskWords.js';
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
  const errorText = useKioskErrorText();
  const [step, setStep] = useState<Step>({ kind: 'home' });
  const [notice, setNotice] = useState<string | null>(null);
  const [noticeOk, setNoticeOk] = useState(false);
  const [q, setQ] = useState('');
  // The start screen is always clean: an abandoned search goes with everything else.
  const home = useCallback(() => {
    setStep({ kind: 'home' });
    setNotice(null);
    setNoticeOk(false);
    setQ('');
  }, []);
  const choose = useCallback((child: KioskChild) => {
    setNotice(null);
    setQ('');
    setStep({ kind: 'confirm', child });
  }, []);

  // Back to the start after a minute without a touch, and a few seconds after each confirmation.
  useOnIdle(step.kind === 'done' ? DONE_MS : IDLE_MS, home, KIOSK_EVENTS);

  const card = useProcedureMutation('kiosk.card', {
    input: (code: string) => ({ code }),
    onSuccess: choose,
    onError: (err) => {
      setNoticeOk(false);
      setNotice(errorText(err));
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
          <Alert color={noticeOk ? 'teal' : 'orange'} classNames={{ message: classes.notice }} role="alert" data-testid="kiosk-notice">
            {notice}
          </Alert>
        )}
        {step.kind === 'home' && <Home q={q} setQ={setQ} onGrade={(grade) => setStep({ kind: 'class', grade })} onChild={choose} onCode={(c) => card.mutate(c)} />}
        {step.kind === 'class' && <Classes grade={step.grade} onClass={(classNo) => setStep({ kind: 'names', grade: step.grade, classNo })} />}
        {step.kind === 'names' && <Names grade={step.grade} classNo={step.classNo} onChild={choose} />}
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

/** A small button for the teacher; leaving needs a PIN, checked by the core. */
function TeacherExit() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const exit = useProcedureMutation('kiosk.exit', {
    input: () => ({ pin }),
    onSuccess: (view) => {
      setAsking(false);
      setPin('');
      setSession(client, view);
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
