import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { useContext, type ReactNode } from 'react';
import { MantineContext, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { theme } from '../theme.js';

/**
 * Mantine's providers and styles, its date pickers' locale, and the notifications. They come with the
 * desk's code (Shell.tsx), not in the start chunk: the lock screen is drawn without them.
 */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
        <Notifications position="top-center" />
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}

/** Mantine's providers around `children` unless they are already inside them (a dialog the start lock screen opens). */
export function WithMantine({ children }: { children: ReactNode }) {
  return useContext(MantineContext) ? <>{children}</> : <Providers>{children}</Providers>;
}
