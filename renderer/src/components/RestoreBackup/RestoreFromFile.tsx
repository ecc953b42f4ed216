import { useState } from 'react';
import { Alert, Button, FileButton, Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors.js';
import { call } from '../../api.js';
import { useErrorText } from '../../app/errors.js';
import { uploadBackup } from './upload.js';
import { ConfirmRestore } from './ConfirmRestore.js';

/**
 * "Restore from a backup file": pick the file (from a USB stick, say), type its password when it is
 * encrypted, restore. Used by the first-run wizard (moving to a new PC) and by Settings. On success the
 * page reloads on the restored file.
 */
export function RestoreFromFile({ confirm = false }: { confirm?: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [askPassword, setAskPassword] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; id: string } | null>(null);
  const [asking, setAsking] = useState(false);

  async function restore(): Promise<void> {
    if (!file) return;
    setAsking(false);
    setError(null);
    try {
      let id = uploaded?.file === file ? uploaded.id : null;
      if (id === null) {
        setProgress(0);
        id = await uploadBackup(file, setProgress);
        setUploaded({ file, id });
      }
      await call('backups.restore', { source: { upload: id }, password: password === '' ? null : password });
      window.location.reload();
    } catch (err) {
      const code = err instanceof AppError ? err.code : null;
      if (code === 'backup.needsPassword' || code === 'backup.wrongPassword') setAskPassword(true);
      setError(errorText(err));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Stack data-testid="restore-from-file">
      <Group>
        <FileButton
          accept=".sqlite,.enc,application/octet-stream"
          onChange={(f) => {
            setFile(f);
            setError(null);
            setAskPassword(false);
          }}
        >
          {(props) => (
            <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
              {t('backups:chooseFile')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c={file ? undefined : 'dimmed'} data-testid="restore-file-name">
          {file ? file.name : t('backups:noFileChosen')}
        </Text>
      </Group>
      {(askPassword || file?.name.endsWith('.enc')) && (
        <PasswordInput
          label={t('backups:password')}
          description={t('backups:passwordForFile')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="off"
          maw={360}
        />
      )}
      {progress !== null && <Progress value={progress * 100} animated aria-label={t('backups:uploading')} />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button color="orange" disabled={!file} loading={progress !== null} onClick={() => (confirm ? setAsking(true) : void restore())}>
          {t('backups:restoreThisFile')}
        </Button>
      </Group>
      <ConfirmRestore opened={asking} what={file?.name ?? ''} onConfirm={() => void restore()} onClose={() => setAsking(false)} />
    </Stack>
  );
}
