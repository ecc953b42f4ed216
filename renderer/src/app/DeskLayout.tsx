import { memo, useEffect, useState } from 'react';
import { AppShell, Badge, Button, Group, Modal, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { IconDeviceDesktop, IconLock } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { procedureKey, useProcedureMutation } from '../data/index.js';
import { setSession, useAppInfo, useSession } from './queries.js';
import { sections } from './sections.js';
import { useIdleLock } from './useIdleLock.js';
import { useErrorText } from './errors.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import * as pages from './pages.js';

/**
 * The teacher's desk: header with who is signed in, navigation of every section, the page. A section
 * switch draws the page and the navigation's links, not the frame: only `DeskNav` follows the location.
 */
export function DeskLayout() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const session = useSession();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [askKiosk, setAskKiosk] = useState(false);
  useIdleLock(info.data?.idleLockMinutes ?? 10, session.data?.teacher == null);
  useSectionsWhenIdle();

  const lock = useProcedureMutation('auth.lock', {
    onSuccess: (view) => setSession(client, view),
  });
  const kiosk = useProcedureMutation('kiosk.enter', {
    onSuccess: async () => {
      setAskKiosk(false);
      // Ask again rather than trust the reply: in Electron this window has just been given a new,
      // locked session (the kiosk moved to its own window), and main may have said so already.
      await client.invalidateQueries({ queryKey: procedureKey('session.get') });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const teacher = session.data?.teacher;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 188, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={4} style={{ whiteSpace: 'nowrap' }}>
              {t('common:appName')}
            </Title>
            <Text c="dimmed" size="sm" truncate>
              {info.data?.schoolName} · {info.data?.roomName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {teacher && (
              <Badge variant="light" size="lg" data-testid="current-teacher">
                {t('nav:signedInAs', { name: teacher.name })}
              </Badge>
            )}
            <LanguageSwitch />
            <Button variant="light" leftSection={<IconDeviceDesktop size={16} />} onClick={() => setAskKiosk(true)}>
              {t('nav:kiosk')}
            </Button>
            <Button variant="default" leftSection={<IconLock size={16} />} onClick={() => lock.mutate()}>
              {t('nav:lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <DeskNav />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <Modal opened={askKiosk} onClose={() => setAskKiosk(false)} title={t('kiosk:enterTitle')} centered>
        <Stack>
          <Text size="sm">{t('kiosk:enterBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskKiosk(false)}>
              {t('common:cancel')}
            </Button>
            <Button onClick={() => kiosk.mutate()} loading={kiosk.isPending}>
              {t('kiosk:enter')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </AppShell>
  );
}

/** The sections' links; a switch draws again only the two whose `active` changed. */
function DeskNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('common:appName')}>
      {sections.map((s) => (
        <SectionLink key={s.key} section={s} label={t(`nav:${s.key}`)} active={s.path === '/' ? pathname === '/' : pathname.startsWith(s.path)} />
      ))}
    </nav>
  );
}

/** Each section's code, fetched when the pointer or the keyboard reaches its link: usually before the click. */
const PRELOAD: Record<(typeof sections)[number]['key'], () => Promise<unknown>> = {
  today: pages.TodayPage.preload,
  children: pages.ChildrenPage.preload,
  attendance: pages.AttendancePage.preload,
  library: () => Promise.all([pages.LibraryPage.preload(), pages.LendingDesk.preload()]),
  calls: pages.CallsPage.preload,
  birthdays: pages.BirthdaysPage.preload,
  events: pages.EventsPage.preload,
  care: pages.CarePage.preload,
  summary: pages.SummaryPage.preload,
  rota: pages.RotaPage.preload,
  settings: pages.SettingsPage.preload,
};
// A chunk that fails to load here is reported when its page is shown.
const preload = (key: (typeof sections)[number]['key']) => () => void PRELOAD[key]().catch(() => undefined);

/** How long the desk waits after it opens before it fetches the sections' code: Today is drawn and read first. */
const SECTIONS_AFTER_MS = 1500;

/**
 * Fetches every section's code while the desk is idle, one section at a time, starting a little after the desk
 * opened. A section's first visit then draws at once instead of waiting for its code to be fetched, parsed and
 * run (about 250 ms at 4× CPU throttling, against 120 ms for a later visit), and the room's PC starts the
 * desk every afternoon, so most visits of a day are first visits. Each chunk is taken when the browser has
 * nothing else to do (`requestIdleCallback`), so a click or a keystroke is never queued behind more than one.
 */
export function preloadWhenIdle(loads: readonly (() => Promise<unknown>)[], afterMs = SECTIONS_AFTER_MS): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const queue = [...loads];
  const next = () => {
    idle = undefined;
    const load = queue.shift();
    if (stopped || !load) return;
    void load()
      .catch(() => undefined)
      .then(() => {
        if (!stopped) idle = whenIdle(next);
      });
  };
  timer = setTimeout(() => {
    timer = undefined;
    idle = whenIdle(next);
  }, afterMs);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdle(idle);
  };
}
const whenIdle = (fn: () => void): number => (window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 10_000 }) : window.setTimeout(fn, 200));
const cancelIdle = (handle: number): void => (window.cancelIdleCallback ? window.cancelIdleCallback(handle) : window.clearTimeout(handle));

function useSectionsWhenIdle(): void {
  // The sections in the navigation's order, then a child's page (opened from the children list).
  useEffect(() => preloadWhenIdle([...Object.values(PRELOAD), pages.ChildPage.preload]), []);
}

const SectionLink = memo(function SectionLink({ section, label, active }: { section: (typeof sections)[number]; label: string; active: boolean }) {
  return (
    <NavLink
      component={RouterLink}
      to={section.path}
      label={label}
      leftSection={<section.icon size={18} />}
      active={active}
      onPointerEnter={preload(section.key)}
      onFocus={preload(section.key)}
    />
  );
});
