import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';

/** The words for why a backup was taken (its file name carries the reason). */
export function useReasonText(): (reason: string) => string {
  const { t } = useTranslation();
  return (reason) => {
    if (reason.startsWith('before-migration')) return t('backups:reasons.beforeMigration');
    switch (reason) {
      case 'daily':
        return t('backups:reasons.daily');
      case 'close':
        return t('backups:reasons.close');
      case 'manual':
        return t('backups:reasons.manual');
      case 'before-restore':
        return t('backups:reasons.beforeRestore');
      default:
        return reason;
    }
  };
}

export const when = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm');

export const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
