import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/fields.js';
import { procedureKey, useProcedureMutation } from '../data/index.js';
import { applyLanguage } from '../i18n.js';
import { useErrorText } from './errors.js';
import classes from './start.module.css';

/**
 * Switches the UI language and remembers it in the database (and on this PC for the first paint). Plain
 * buttons: it is on the lock screen, drawn before Mantine has loaded. A failed save says so under it.
 */
export function LanguageSwitch({ persist = true }: { persist?: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [failed, setFailed] = useState<string | null>(null);
  // The settings form holds the language too: `changes` refreshes it, so it does not write the old one back.
  const save = useProcedureMutation('app.setLanguage', {
    input: (language: Language) => ({ language }),
    onSuccess: (info) => client.setQueryData(procedureKey('app.info'), info),
    onMutate: () => setFailed(null),
    onError: (err) => setFailed(errorText(err)),
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
    // The error hangs below the buttons (over the page, not stretching the desk's header).
    <div style={{ position: 'relative' }}>
      <div className={classes.languages} role="group" aria-label={t('common:language')}>
        {(['zh-CN', 'en'] as const).map((lng) => (
          <button type="button" key={lng} className={classes.language} aria-pressed={lng === current} lang={lng} onClick={() => choose(lng)}>
            {t(`common:languages.${lng}`)}
          </button>
        ))}
      </div>
      {failed && (
        <div className={classes.alert} role="alert" style={{ position: 'absolute', top: '100%', right: 0, marginTop: 4, width: 260, zIndex: 300 }}>
          {failed}
        </div>
      )}
    </div>
  );
}
