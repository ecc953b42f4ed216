import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { Language } from '../../../shared/domain/fields.js';
import { procedureKey, useProcedureMutation } from '../data/index.js';
import { applyLanguage } from '../i18n.js';
import { useErrorText } from './errors.js';

/** Switches the UI language and remembers it in the database (and on this PC for the first paint). */
export function LanguageSwitch({ persist = true }: { persist?: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const errorText = useErrorText();
  // The settings form holds the language too: `changes` refreshes it, so it does not write the old one back.
  const save = useProcedureMutation('app.setLanguage', {
    input: (language: Language) => ({ language }),
    onSuccess: (info) => client.setQueryData(procedureKey('app.info'), info),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const choose = (lng: Language) => {
    if (lng === current) return;
    applyLanguage(lng);
    if (persist) save.mutate(lng);
  };
  // Two plain buttons, not a SegmentedControl: its sliding indicator measures the layout while the lock
  // screen is first drawn (a forced layout on every cold start), for a choice made once.
  return (
    <Button.Group aria-label={t('common:language')}>
      {(['zh-CN', 'en'] as const).map((lng) => (
        <Button
          key={lng}
          size="compact-xs"
          variant={lng === current ? 'filled' : 'default'}
          aria-pressed={lng === current}
          lang={lng}
          onClick={() => choose(lng)}
        >
          {t(`common:languages.${lng}`)}
        </Button>
      ))}
    </Button.Group>
  );
}
