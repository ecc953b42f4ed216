import { useState } from 'react';
import { Anchor, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { pin as pinSchema } from '../../../shared/domain/fields.js';
import type { LockEntry } from '../../../shared/domain/types.js';
import { useProcedureMutation } from '../data/index.js';
import { useSchemaValidate } from './errors.js';
import { DialogActions, useFormFailure } from './forms.js';

const recoverForm = z.object({ code: z.string().min(1, { error: 'validation:required' }), newPin: pinSchema });
const pinsDiffer = (v: { newPin: string; repeat: string }) => (v.newPin !== v.repeat ? [{ path: 'repeat', message: 'pinMismatch' }] : []);

/** On the lock screen, for an admin: the recovery code from setup sets a new PIN. */
export function RecoverPin({ admin }: { admin: LockEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useForm({ initialValues: { code: '', newPin: '', repeat: '' }, validate: useSchemaValidate(recoverForm, pinsDiffer) });
  const { failure, onError } = useFormFailure(form, { 'firstrun.wrongCode': 'code' });
  const close = () => {
    setOpen(false);
    form.reset();
  };
  const recover = useProcedureMutation('firstrun.recover', {
    input: (v: { code: string; newPin: string }) => ({ teacherId: admin.id, code: v.code, newPin: v.newPin }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('rota:recovery.resetDone', { name: admin.name }) });
      close();
    },
    onError,
  });
  if (admin.role !== 'admin') return null;
  return (
    <>
      <Anchor size="sm" onClick={() => setOpen(true)} data-testid="forgot-pin">
        {t('rota:recovery.forgot')}
      </Anchor>
      <Modal opened={open} onClose={close} centered title={t('rota:recovery.title', { name: admin.name })}>
        <form onSubmit={form.onSubmit((v) => recover.mutate(v))}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('rota:recovery.intro')}
            </Text>
            <TextInput label={t('rota:recovery.code')} placeholder="XXXX-XXXX-XXXX-XXXX" autoComplete="off" data-autofocus {...form.getInputProps('code')} />
            <PasswordInput label={t('rota:recovery.newPin')} inputMode="numeric" autoComplete="new-password" {...form.getInputProps('newPin')} />
            <PasswordInput label={t('rota:recovery.repeat')} inputMode="numeric" autoComplete="new-password" {...form.getInputProps('repeat')} />
            <DialogActions failure={failure} pending={recover.isPending} onCancel={close} submitLabel={t('rota:recovery.submit')} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
