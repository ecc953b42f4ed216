import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconBarcode, IconPrinter } from '@tabler/icons-react';
import type { BookListItem } from '../../../../shared/domain/library.js';
import { useProcedureMutation } from '../../data/index.js';
import { useFieldErrors, useErrorText } from '../../app/errors.js';
import { DialogActions, useFormFailure } from '../../app/forms.js';
import { BookFields, bookOf, copiesOf, CopiesFields, emptyBook, emptyCopies, type BookValues, type CopiesValues } from './BookForm.js';

type Step = { kind: 'scan' } | { kind: 'known'; book: BookListItem } | { kind: 'new' } | { kind: 'done'; title: string; copyIds: number[]; barcodes: string[] };

/**
 * 登记新书: scan or type the ISBN. A title the room has gets new copies; an unknown one opens the
 * form (the room is offline: nothing is looked up online). Books without an ISBN skip the scan.
 */
export function IntakeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [step, setStep] = useState<Step>({ kind: 'scan' });
  const [isbn, setIsbn] = useState('');
  const [isbnError, setIsbnError] = useState<string | null>(null);
  const isbnInput = useRef<HTMLInputElement>(null);
  // Back at the scan step (继续登记), the next ISBN goes straight into the field.
  useEffect(() => {
    if (opened && step.kind === 'scan') setTimeout(() => isbnInput.current?.focus(), 0);
  }, [opened, step.kind]);
  const form = useForm<{ book: BookValues; copies: CopiesValues }>({ initialValues: { book: emptyBook(), copies: emptyCopies() } });
  const { failure, onError } = useFormFailure(form, { 'library.duplicateIsbn': 'book.isbn' });

  const reset = () => {
    setStep({ kind: 'scan' });
    setIsbn('');
    setIsbnError(null);
    form.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const lookup = useProcedureMutation('library.isbn', {
    input: () => ({ isbn }),
    onSuccess: (r) => {
      setIsbnError(null);
      form.setValues({ book: emptyBook(r.isbn ?? ''), copies: emptyCopies() });
      setStep(r.book ? { kind: 'known', book: r.book } : { kind: 'new' });
    },
    onError: (err) => {
      if (!fieldErrors(err, (e) => setIsbnError(e.isbn ?? null))) setIsbnError(errorText(err));
    },
  });
  const done = (r: { detail: { book: { title: string }; copies: { id: number; barcode: string }[] }; newCopyIds: number[] }) => {
    const fresh = new Set(r.newCopyIds);
    setStep({ kind: 'done', title: r.detail.book.title, copyIds: r.newCopyIds, barcodes: r.detail.copies.filter((c) => fresh.has(c.id)).map((c) => c.barcode) });
  };
  const create = useProcedureMutation('library.createBook', {
    input: (v: { book: BookValues; copies: CopiesValues }) => ({ book: bookOf(v.book), copies: copiesOf(v.copies) }),
    onSuccess: done,
    onError,
  });
  const addCopies = useProcedureMutation('library.addCopies', {
    input: (v: { bookId: number; copies: CopiesValues }) => ({ bookId: v.bookId, copies: copiesOf(v.copies) }),
    onSuccess: done,
    onError,
  });

  return (
    <Modal opened={opened} onClose={close} title={t('library:intake.title')} size="lg">
      {step.kind === 'scan' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            lookup.mutate();
          }}
        >
          <Stack>
            <TextInput
              ref={isbnInput}
              size="lg"
              label={t('library:intake.isbnLabel')}
              description={t('library:intake.isbnHelp')}
              leftSection={<IconBarcode />}
              value={isbn}
              onChange={(e) => setIsbn(e.currentTarget.value)}
              error={isbnError}
              data-autofocus
              data-testid="intake-isbn"
            />
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => { form.setValues({ book: emptyBook(), copies: emptyCopies() }); setStep({ kind: 'new' }); }}>
                {t('library:intake.noIsbn')}
              </Button>
              <Button type="submit" loading={lookup.isPending}>
                {t('library:intake.next')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {step.kind === 'known' && (
        <form onSubmit={form.onSubmit((v) => addCopies.mutate({ bookId: step.book.id, copies: v.copies }))}>
          <Stack>
            <Alert color="teal" data-testid="intake-known">
              {t('library:intake.known', { title: step.book.title, copies: step.book.copies })}
            </Alert>
            <CopiesFields form={form} />
            <DialogActions failure={failure} pending={addCopies.isPending} onCancel={reset} submitLabel={t('library:intake.addCopies')} />
          </Stack>
        </form>
      )}
      {step.kind === 'new' && (
        <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('library:intake.newHelp')}
            </Text>
            <BookFields form={form} />
            <CopiesFields form={form} />
            <DialogActions failure={failure} pending={create.isPending} onCancel={reset} submitLabel={t('library:intake.save')} />
          </Stack>
        </form>
      )}
      {step.kind === 'done' && (
        <Stack>
          <Alert color="teal" role="status" data-testid="intake-done">
            {t('library:intake.done', { title: step.title, count: step.copyIds.length, barcodes: step.barcodes.join('、') })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              {t('library:intake.another')}
            </Button>
            <Button leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/labels?ids=${step.copyIds.join(',')}`)}>
              {t('library:printLabels')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
