import { Alert, Anchor, Stack } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useProcedure } from '../../data/index.js';
import { useSession } from '../../app/queries.js';

/**
 * The PC may be the school's only copy: the Today page says so when no backup has left it for longer than
 * Settings allows, and when the last backup failed.
 */
export function BackupWarning() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const status = useProcedure('backups.status', {}, { refetchInterval: 10 * 60_000 });
  const s = status.data;
  if (!s || (!s.offsiteOverdue && !s.lastError)) return null;
  const isAdmin = session.data?.teacher?.role === 'admin';
  const link = isAdmin ? (
    <Anchor size="sm" onClick={() => navigate('/settings?tab=backup')} data-testid="backup-warning-link">
      {t('backups:toSettings')}
    </Anchor>
  ) : (
    t('backups:askAdmin')
  );
  const days = s.offsiteDays;
  return (
    <Stack gap="xs" data-testid="backup-warning">
      {s.lastError && (
        <Alert color="red" icon={<IconDeviceFloppy size={18} />} title={t('backups:failedTitle')}>
          {t(`errors:${s.lastError.code}`)} {link}
        </Alert>
      )}
      {s.offsiteOverdue && (
        <Alert color="orange" icon={<IconDeviceFloppy size={18} />} title={t('backups:offsiteTitle')}>
          {days === null ? t('backups:offsiteNever') : t('backups:offsiteOld', { days })}{' '}
          {s.secondFolder && !s.secondFolderPresent ? t('backups:plugIn', { folder: s.secondFolder }) : null} {link}
        </Alert>
      )}
    </Stack>
  );
}
