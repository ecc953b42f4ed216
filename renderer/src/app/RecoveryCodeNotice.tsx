import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { IconPrinter } from '@tabler/icons-react';
import { showRecoveryCode, useRecoveryCode } from './recoveryCode.js';

/** Over the desk once, right after the code was made: write it down or print it, then go on. */
export function RecoveryCodeNotice() {
  const { t } = useTranslation();
  const code = useRecoveryCode();
  const navigate = useNavigate();
  const location = useLocation();
  if (code === null || location.pathname.startsWith('/print/')) return null;
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} centered size="lg" title={t('rota:recovery.noticeTitle')}>
      <Stack>
        <Text size="sm">{t('rota:recovery.noticeIntro')}</Text>
        <Code block fz={28} ta="center" fw={700} style={{ letterSpacing: 3 }} data-testid="recovery-code">
          {code}
        </Code>
        <Alert color="orange" variant="light">
          {t('rota:recovery.noticeKeep')}
        </Alert>
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate('/print/recovery')}>
            {t('rota:recovery.print')}
          </Button>
          <Button onClick={() => showRecoveryCode(null)} data-testid="recovery-done">
            {t('rota:recovery.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
