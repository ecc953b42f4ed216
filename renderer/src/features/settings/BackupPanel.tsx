import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Divider, Group, NumberInput, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/domain/backups.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText, useFieldErrors } from '../../app/errors.js';
import { ConfirmRestore, RestoreFromFile } from '../../components/RestoreBackup/index.js';
import { megabytes, useReasonText, when } from './backupFormat.js';

/** Settings → Backup and restore (admins): where backups go, how many are kept, the password, the list, restore. */
export function BackupPanel() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={900}>
      <BackupStatusBlock />
      <Divider />
      <BackupSettingsForm />
      <Divider />
      <BackupPasswordForm />
      <Divider />
      <BackupList />
      <Divider />
      <Stack gap="xs">
        <Title order={4}>{t('backups:fromFileTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('backups:fromFileIntro')}
        </Text>
        <RestoreFromFile confirm />
      </Stack>
    </Stack>
  );
}

function BackupStatusBlock() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useProcedure('backups.status');
  const take = useProcedureMutation('backups.take', {
    onSuccess: () => notifications.show({ color: 'teal', message: t('backups:taken') }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const s = status.data;
  return (
    <Stack gap="xs" data-testid="backup-status">
      <Text size="sm" c="dimmed">
        {t('backups:intro')}
      </Text>
      {s && (
        <>
          <Text>{s.lastBackupAt ? t('backups:lastLocal', { when: when(s.lastBackupAt) }) : t('backups:noLocalYet')}</Text>
          <Text c={s.offsiteOverdue ? 'orange' : undefined}>
            {s.lastOffsiteAt ? t('backups:lastOffsite', { when: when(s.lastOffsiteAt) }) : t('backups:noOffsiteYet')}
          </Text>
          {s.secondFolder && (
            <Text size="sm">
              {t(s.secondFolderPresent ? 'backups:secondPresent' : 'backups:secondAbsent', { folder: s.secondFolder })}
            </Text>
          )}
          {s.lastError && (
            <Alert color="red" role="alert">
              {t('backups:lastFailed', { when: when(s.lastError.at) })} {t(`errors:${s.lastError.code}`)}
            </Alert>
          )}
        </>
      )}
      <Group>
        <Button loading={take.isPending} onClick={() => take.mutate()} data-testid="backup-now">
          {t('backups:backupNow')}
        </Button>
      </Group>
    </Stack>
  );
}

function BackupSettingsForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const current = useProcedure('backups.settings');
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState({ days: 7, weeks: 4, months: 12 } as Record<'days' | 'weeks' | 'months', number | string>);
  const [warnDays, setWarnDays] = useState<number | string>(7);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!current.data) return;
    setFolder(current.data.secondFolder ?? '');
    setKeep(current.data.keep);
    setWarnDays(current.data.offsiteWarnDays);
  }, [current.data]);
  const save = useProcedureMutation('backups.setSettings', {
    input: () => ({
      keep: { days: Number(keep.days), weeks: Number(keep.weeks), months: Number(keep.months) },
      secondFolder: folder,
      offsiteWarnDays: Number(warnDays),
    }),
    onSuccess: () => {
      setErrors({});
      notifications.show({ color: 'teal', message: t('common:saved') });
    },
    onError: (err) => {
      if (!fieldErrors(err, setErrors)) setErrors({ form: errorText(err) });
    },
  });
  const num = (key: 'days' | 'weeks' | 'months') => (
    <NumberInput
      label={t(`backups:keep.${key}`)}
      allowDecimal={false}
      clampBehavior="none"
      value={keep[key]}
      onChange={(v) => setKeep({ ...keep, [key]: v })}
      error={errors[`keep.${key}`]}
      w={140}
    />
  );
  return (
    <Stack gap="sm">
      <Title order={4}>{t('backups:settingsTitle')}</Title>
      <TextInput
        label={t('backups:secondFolder')}
        description={t('backups:secondFolderHint')}
        placeholder={t('backups:secondFolderPlaceholder')}
        value={folder}
        onChange={(e) => setFolder(e.currentTarget.value)}
        error={errors.secondFolder}
        data-testid="second-folder"
      />
      <NumberInput
        label={t('backups:warnDays')}
        allowDecimal={false}
        clampBehavior="none"
        value={warnDays}
        onChange={setWarnDays}
        error={errors.offsiteWarnDays}
        w={280}
      />
      <Text size="sm" fw={500}>
        {t('backups:keepTitle')}
      </Text>
      <Group>
        {num('days')}
        {num('weeks')}
        {num('months')}
      </Group>
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('common:save')}
        </Button>
      </Group>
    </Stack>
  );
}

function BackupPasswordForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const current = useProcedure('backups.settings');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const set = useProcedureMutation('backups.setPassword', {
    input: (p: string | null) => ({ password: p }),
    onSuccess: (s) => {
      setPassword('');
      setRepeat('');
      setError(null);
      notifications.show({ color: 'teal', message: t(s.encrypted ? 'backups:passwordSet' : 'backups:passwordRemoved') });
    },
    onError: (err) => setError(errorText(err)),
  });
  return (
    <Stack gap="sm" maw={520}>
      <Group gap="xs">
        <Title order={4}>{t('backups:passwordTitle')}</Title>
        {current.data && <Badge color={current.data.encrypted ? 'teal' : 'gray'}>{t(current.data.encrypted ? 'backups:encryptedOn' : 'backups:encryptedOff')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('backups:passwordIntro')}
      </Text>
      <PasswordInput label={t('backups:newPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" />
      <PasswordInput label={t('backups:repeatPassword')} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} autoComplete="new-password" />
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button
          loading={set.isPending}
          onClick={() => {
            if (password !== repeat) setError(t('backups:passwordMismatch'));
            else set.mutate(password);
          }}
        >
          {t('backups:setPassword')}
        </Button>
        {current.data?.encrypted && (
          <Button variant="default" onClick={() => set.mutate(null)}>
            {t('backups:removePassword')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function BackupList() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonText = useReasonText();
  const list = useProcedure('backups.list');
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const restore = useProcedureMutation('backups.restore', {
    input: (b: BackupEntry) => ({ source: { place: b.place, name: b.name }, password: null }),
    // Everyone is signed out on the restored file: the page starts again from the lock screen.
    onSuccess: () => window.location.reload(),
    onError: (err) => setError(errorText(err)),
  });
  const count = (n: number | null) => (n === null ? '—' : String(n));
  return (
    <Stack gap="sm">
      <Title order={4}>{t('backups:listTitle')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {list.isError && <Alert color="red">{errorText(list.error)}</Alert>}
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('backups:none')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups:col.when')}</Table.Th>
                <Table.Th>{t('backups:col.reason')}</Table.Th>
                <Table.Th>{t('backups:col.place')}</Table.Th>
                <Table.Th>{t('backups:col.size')}</Table.Th>
                <Table.Th>{t('backups:col.children')}</Table.Th>
                <Table.Th>{t('backups:col.visits')}</Table.Th>
                <Table.Th>{t('backups:col.calls')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((b) => (
                <Table.Tr key={`${b.place}/${b.name}`}>
                  <Table.Td>{when(b.at)}</Table.Td>
                  <Table.Td>{reasonText(b.reason)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {t(b.place === 'local' ? 'backups:place.local' : 'backups:place.second')}
                      {b.encrypted && <Badge size="xs">{t('backups:encrypted')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t('backups:megabytes', { value: megabytes(b.size) })}</Table.Td>
                  <Table.Td>{count(b.children)}</Table.Td>
                  <Table.Td>{count(b.visits)}</Table.Td>
                  <Table.Td>{count(b.calls)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" color="orange" onClick={() => setChosen(b)}>
                      {t('backups:restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmRestore
        opened={chosen !== null}
        what={chosen ? `${when(chosen.at)}（${reasonText(chosen.reason)}）` : ''}
        onClose={() => setChosen(null)}
        onConfirm={() => {
          if (chosen) restore.mutate(chosen);
          setChosen(null);
        }}
      />
    </Stack>
  );
}
