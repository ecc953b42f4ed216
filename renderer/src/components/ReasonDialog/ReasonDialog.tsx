import { useEffect, useState, type ReactNode } from 'react';
import { Modal, Stack, type MantineColor, type TextareaProps } from '@mantine/core';
import { GrowingTextarea } from '../GrowingTextarea/index.js';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../app/forms.js';

export interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  centered?: boolean;
  /** Above the reason: what is about to happen, and any other fields. */
  children?: ReactNode;
  /**
   * The reason field: its label and either `value`/`onChange` or a form's `getInputProps('reason')`;
   * null when this time no reason is asked (a signup within the event's places).
   */
  reason: (TextareaProps & { label: string }) | null;
  /** Refuse a blank reason here, before the core is asked. */
  required?: boolean;
  /** The reason takes the focus when the dialog opens (the default); false when a field above should. */
  focusReason?: boolean;
  /** The core's refusal, under the fields. */
  failure?: string | null;
  pending?: boolean;
  submitLabel: string;
  submitColor?: MantineColor;
  onSubmit: () => void;
}

/**
 * A change the audit log keeps with the teacher's reason: lending past the rules, a copy lost or
 * withdrawn, a call deleted, a child placed over an event's places, a visit corrected, a child who left.
 */
export function ReasonDialog({ opened, onClose, title, centered, children, reason, required = false, focusReason = true, failure, pending = false, submitLabel, submitColor, onSubmit }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  const value = reason?.value;
  useEffect(() => setMissing(false), [opened, value]);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered={centered}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (required && reason && String(value ?? '').trim() === '') setMissing(true);
          else onSubmit();
        }}
      >
        <Stack>
          {children}
          {reason && (
            <GrowingTextarea minRows={2} data-autofocus={focusReason || undefined} {...reason} error={missing ? t('validation:required') : reason.error} />
          )}
          <DialogActions failure={failure} pending={pending} onCancel={onClose} submitLabel={submitLabel} submitColor={submitColor} />
        </Stack>
      </form>
    </Modal>
  );
}
