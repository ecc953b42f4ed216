import { useContext } from 'react';
import { Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { pin as pinSchema } from '../../../shared/domain/fields.js';
import type { LockEntry } from '../../../shared/domain/types.js';
import { useProcedureMutation } from '../data/index.js';
import { useSchemaValidate } from './errors.js';
import { DialogActions, useFormFailure } from './forms.js';
import { WithMantine } from './Providers.js';
import { LockOverlayTarget } from './lockOverlayTarget.js';

const recoverForm = z.object({ code: z.string().min(1, { error: 'validation:required' }), newPin: pinSchema });
const pinsDiffer = (v: { newPin: string; repeat: string }) => (v.newPin !== v.repeat ? [{ path: 'repeat', message: 'pinMismatch' }] : []);

/**
 * On the lock screen, for an admin who forgot the PIN: the recovery code from setup sets a new one. Its code
 * (zod, @mantine/form) loads when the teacher asks for it, not with the lock screen.
 */
export function RecoverPin(props: { admin: LockEntry; onClose: () => void; onDone: () => void }) {
  // The lock screen is drawn before the desk's providers exist: the dialog brings them when it needs them.
  return (
    <WithMantine>
      <RecoverDialog {...props} />
    </WithMantine>
  );
}

function RecoverDialog({ admin, onClose, onDone }: { admin: LockEntry; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  // Over a locked desk the page outside the lock screen is inert: the dialog goes inside the lock screen.
  const overlay = useContext(LockOverlayTarget);
  const form = useForm({ initialValues: { code: '', newPin: '', repeat: '' }, validate: useSchemaValidate(recoverForm, pinsDiffer) });
  const { failure, onError } = useFormFailure(form, { 'firstrun.wrongCode': 'code' });
  const close = () => {
    form.reset();
    onClose();
  };
  const recover = useProcedureMutation('firstrun.recover', {
    input: (v: { code: string; newPin: string }) => ({ teacherId: admin.id, code: v.code, newPin: v.newPin }),
    onSuccess: () => {
      form.reset();
      onDone();
    },
    onError,
  });
  return (
    <Modal opened onClose={close} centered title={t('rota:recovery.title', { name: admin.name })} {...(overlay ? { portalProps: { target: overlay } } : {})}>
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
  );
}
