import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one question before a restore replaces what is on this PC. */
export function ConfirmRestore({ opened, what, onConfirm, onClose }: { opened: boolean; what: string; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('backups:confirmTitle')} centered>
      <Stack>
        <Text>{t('backups:confirmText', { what })}</Text>
        <Text size="sm" c="dimmed">
          {t('backups:confirmSavedAside')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button color="orange" onClick={onConfirm} data-testid="confirm-restore">
            {t('backups:restore')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
