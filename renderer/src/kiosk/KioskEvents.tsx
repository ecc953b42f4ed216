import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { KioskChild } from '../../../shared/domain/attendance.js';
import type { KioskEvent } from '../../../shared/domain/events.js';
import { useProcedure, useProcedureMutation } from '../data/index.js';
import { useKioskErrorText } from './kioskWords.js';
import classes from './kiosk.module.css';

/** The events a child may join, big and simple: what, when, where, places left, one button. */
export function KioskEvents({ child, onMessage }: { child: KioskChild; onMessage: (text: string, ok: boolean) => void }) {
  const { t } = useTranslation();
  const errorText = useKioskErrorText();
  // Always fresh: another child may have just taken the last place.
  const events = useProcedure('kiosk.events', { childId: child.id }, { staleTime: 0 });
  const signUp = useProcedureMutation('kiosk.signUp', {
    input: (e: KioskEvent) => ({ childId: child.id, eventId: e.id }),
    onSuccess: (r, e) => {
      onMessage(r.status === 'confirmed' ? t('kiosk:events.signedUp', { name: child.calledName, title: e.title }) : t('kiosk:events.waitlisted', { title: e.title, position: r.position }), true);
    },
    onError: (err) => onMessage(errorText(err), false),
  });
  const cancel = useProcedureMutation('kiosk.cancelSignUp', {
    input: (e: KioskEvent) => ({ childId: child.id, eventId: e.id }),
    onSuccess: (_r, e) => {
      onMessage(t('kiosk:events.cancelled', { title: e.title }), true);
    },
    onError: (err) => onMessage(errorText(err), false),
  });
  const busy = signUp.isPending || cancel.isPending;
  const list = events.data ?? [];
  return (
    <Stack gap="lg">
      <Text className={classes.prompt}>{t('kiosk:events.title', { name: child.calledName })}</Text>
      {events.isSuccess && list.length === 0 && <Text className={classes.hint}>{t('kiosk:events.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {list.map((e) => (
          <Card key={e.id} className={classes.eventCard} radius="xl" padding="lg" data-testid="kiosk-event">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text className={classes.eventTitle}>{e.title}</Text>
                {(e.categoryKey || e.categoryName) && (
                  <Badge size="xl" variant="light">
                    {e.categoryKey ? t(`events:categories.${e.categoryKey}`) : e.categoryName}
                  </Badge>
                )}
              </Group>
              <Text className={classes.eventLine}>
                {dayjs(e.startsAt).format('M月D日 HH:mm')}
                {e.sessions > 1 && ` · ${t('kiosk:events.weekly', { count: e.sessions })}`}
                {e.place && ` · ${e.place}`}
              </Text>
              {/* A child who holds a place (or waits for one) is told that, not how full the event is. */}
              {!e.mine && (
                <Text className={classes.eventLine} c={e.placesLeft === 0 ? 'orange.8' : 'teal.8'} fw={700}>
                  {e.placesLeft === null ? t('kiosk:events.noLimit') : e.placesLeft === 0 ? t('kiosk:events.full') : t('kiosk:events.left', { count: e.placesLeft })}
                </Text>
              )}
              {e.mine ? (
                <Group justify="space-between">
                  <Text className={classes.eventLine} fw={800} c={e.mine === 'confirmed' ? 'teal.8' : 'orange.8'}>
                    {e.mine === 'confirmed' ? t('kiosk:events.youAreIn') : t('kiosk:events.youWait', { position: e.position })}
                  </Text>
                  <Button size="lg" variant="default" disabled={busy} onClick={() => cancel.mutate(e)}>
                    {t('kiosk:events.cancel')}
                  </Button>
                </Group>
              ) : (
                <Button size="xl" className={classes.eventButton} color={e.placesLeft === 0 ? 'orange' : 'teal'} disabled={busy} onClick={() => signUp.mutate(e)}>
                  {e.placesLeft === 0 ? t('kiosk:events.joinWaitlist') : t('kiosk:events.join')}
                </Button>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
