import { useEffect, useState } from 'react';
import { Button, Center, Group, Stack, Text } from '@mantine/core';
import { IconCake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { KioskChild, KioskResult } from '../../../shared/domain/attendance.js';
import { useProcedureMutation } from '../data/index.js';
import { useKioskErrorText } from './kioskWords.js';
import classes from './kiosk.module.css';

/** The second step of a sign-out answers only after this long: a double tap never reaches it. */
const ARM_MS = 900;

/**
 * The child's state in words, then one button. Signing in is one tap; signing out asks again, with the
 * answer buttons below where the first button was and asleep for a moment, so a double tap only asks.
 */
export function Confirm({ child, onDone, onError, onEvents }: { child: KioskChild; onDone: (r: KioskResult) => void; onError: (text: string) => void; onEvents: () => void }) {
  const { t } = useTranslation();
  const errorText = useKioskErrorText();
  const [asking, setAsking] = useState(false);
  const [armed, setArmed] = useState(false);
  const [stayed, setStayed] = useState(false);
  useEffect(() => {
    if (!asking) return;
    setArmed(false);
    const timer = setTimeout(() => setArmed(true), ARM_MS);
    return () => clearTimeout(timer);
  }, [asking]);
  const toggle = useProcedureMutation('kiosk.toggle', {
    input: () => ({ childId: child.id }),
    onSuccess: (r) => onDone(r),
    onError: (err) => onError(errorText(err)),
  });
  const signingIn = child.state === 'out';
  const busy = toggle.isPending || toggle.isSuccess;
  return (
    <Center>
      <Stack align="center" gap="lg" mt="md">
        <Text className={classes.hello}>{t('kiosk:hello', { name: child.calledName })}</Text>
        <Text className={classes.state} data-testid="kiosk-state" data-state={child.state}>
          {child.since !== null ? t('kiosk:stateIn', { time: dayjs(child.since).format('HH:mm') }) : t('kiosk:stateOut')}
        </Text>
        {stayed && <Text className={classes.stayed}>{t('kiosk:stayed')}</Text>}
        {!asking ? (
          <Button
            className={classes.bigButton}
            color={signingIn ? 'teal' : 'orange'}
            loading={toggle.isPending}
            disabled={busy}
            onClick={() => {
              setStayed(false);
              if (signingIn) toggle.mutate();
              else setAsking(true);
            }}
          >
            {signingIn ? t('kiosk:signIn') : t('kiosk:signOut')}
          </Button>
        ) : (
          <Stack align="center" gap="lg" data-testid="kiosk-ask">
            <Text className={classes.ask}>{t('kiosk:signOutAsk')}</Text>
            <Group gap={64} mt={40} wrap="nowrap">
              {/* Asleep, not greyed: for a moment a tap does nothing, and the buttons still look like what they are. */}
              <Button
                className={classes.answerButton}
                color="teal"
                aria-disabled={!armed || busy}
                onClick={() => {
                  if (!armed || busy) return;
                  setAsking(false);
                  setStayed(true);
                }}
              >
                {t('kiosk:signOutNo')}
              </Button>
              <Button className={classes.answerButton} color="orange" loading={toggle.isPending} aria-disabled={!armed || busy} onClick={() => armed && !busy && toggle.mutate()}>
                {t('kiosk:signOutYes')}
              </Button>
            </Group>
          </Stack>
        )}
        {!asking && (
          <Button size="xl" variant="light" color="grape" className={classes.eventButton} onClick={onEvents}>
            {t('kiosk:events.open')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}

export function Done({ result }: { result: KioskResult }) {
  const { t } = useTranslation();
  const time = dayjs(result.at).format('HH:mm');
  const text =
    result.action === 'in'
      ? result.repeated
        ? t('kiosk:alreadyIn', { time })
        : t('kiosk:signedIn', { name: result.calledName })
      : t('kiosk:signedOut', { name: result.calledName });
  return (
    <Center>
      <Stack align="center" gap="lg" mt="xl" role="status">
        <Text className={classes.done} data-testid="kiosk-done">
          {text}
        </Text>
        <Text className={classes.hint}>{t('kiosk:at', { time })}</Text>
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
