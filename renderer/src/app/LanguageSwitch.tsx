import { SegmentedControl } from '@mantine/core';
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
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common:language')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      data={[
        { value: 'zh-CN', label: t('common:languages.zh-CN') },
        { value: 'en', label: t('common:languages.en') },
      ]}
      onChange={(value) => {
        const lng: Language = value === 'en' ? 'en' : 'zh-CN';
        applyLanguage(lng);
        if (persist) save.mutate(lng);
      }}
    />
  );
}
