import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/errors.js';

/** The errors a child can meet at the kiosk, in a child's words; anything else is "ask a teacher". */
const CHILD_WORDS: Record<string, string> = {
  'checkins.alreadyIn': 'alreadyIn',
  'checkins.notIn': 'notIn',
  'children.notFound': 'notFound',
  'checkins.childLeft': 'notFound',
  'events.full': 'full',
  'events.notOpen': 'notOpen',
  'events.windowNotOpen': 'notOpen',
  'events.windowClosed': 'notOpen',
  'events.gradeNotAllowed': 'notOpen',
  'events.notFound': 'notOpen',
  'events.alreadySignedUp': 'alreadySignedUp',
  'events.askTeacher': 'askTeacher',
  'kiosk.unknownCard': '',
};

export function useKioskErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown) => {
      const code = err instanceof AppError ? err.code : '';
      if (code === 'kiosk.unknownCard') return t('kiosk:unknownCard');
      return t(`kiosk:errors.${CHILD_WORDS[code] || 'other'}`);
    },
    [t],
  );
}
