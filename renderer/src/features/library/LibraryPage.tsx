import { useRef } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

const TABS = [
  { key: 'desk', path: '/library' },
  { key: 'books', path: '/library/books' },
  { key: 'loans', path: '/library/loans' },
  { key: 'stats', path: '/library/stats' },
] as const;

/** What the lending desk hands its tab: a way to give its scan field the focus back. */
export type FocusDesk = { current: (() => void) | null };

/** The reading room: the lending desk first, then the catalogue, loans and the term's figures. */
export function LibraryPage() {
  // Clicking the lending desk's tab while it is open gives the focus back to its scan field, not the tab:
  // the next scan must land in the field.
  const focusDesk = useRef<() => void>(null);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = [...TABS].reverse().find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`))?.key ?? 'desk';
  const current = pathname === '/library/import' ? 'books' : active;
  return (
    <Stack gap="md">
      <Title order={2}>{t('library:title')}</Title>
      <Tabs value={current} onChange={(v) => navigate(TABS.find((tab) => tab.key === v)!.path)}>
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key} onClick={tab.key === 'desk' ? () => focusDesk.current?.() : undefined}>
              {t(`library:tabs.${tab.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet context={focusDesk satisfies FocusDesk} />
    </Stack>
  );
}
