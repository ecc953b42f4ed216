import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { IconArrowLeft, IconEdit, IconPlus, IconPrinter } from '@tabler/icons-react';
import { copyStatuses, type BookListItem, type Copy, type CopyStatus, type Loan } from '../../../../shared/domain/library.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { DialogActions, useFormFailure } from '../../app/forms.js';
import { useClassName } from '../children/format.js';
import { BookFields, bookOf, copiesOf, CopiesFields, emptyCopies, type BookValues, type CopiesValues } from './BookForm.js';
import { STATE_COLOR, useCategories, useCategoryName } from './format.js';
import { Field } from '../../app/Field.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';

const valuesOf = (b: BookListItem): BookValues => ({
  isbn: b.isbn ?? '',
  title: b.title,
  author: b.author,
  publisher: b.publisher,
  year: b.year ?? '',
  categoryId: b.categoryId === null ? null : String(b.categoryId),
});

/** One title: its details, every copy with its state, and who read it. */
export function BookPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const errorText = useErrorText();
  const className = useClassName();
  const categoryName = useCategoryName();
  const categories = useCategories();
  const detail = useProcedure('library.book', { id });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [statusOf, setStatusOf] = useState<Copy | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());

  if (detail.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(detail.error)}
      </Alert>
    );
  }
  if (!detail.data) return null;
  const { book, copies, history } = detail.data;
  const category = categories.data?.find((c) => c.id === book.categoryId);
  const labelIds = selected.size > 0 ? [...selected] : copies.filter((c) => c.status !== 'withdrawn').map((c) => c.id);

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/library/books')}>
            {t('library:tabs.books')}
          </Button>
          <Title order={2}>{book.title}</Title>
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            {t('common:edit')}
          </Button>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('library:book.addCopies')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} disabled={labelIds.length === 0} onClick={() => navigate(`/print/labels?ids=${labelIds.join(',')}`)}>
            {selected.size > 0 ? t('library:book.printSelected', { count: selected.size }) : t('library:printLabels')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="xs">
          <Field label={t('library:fields.author')} value={book.author} />
          <Field label={t('library:fields.publisher')} value={book.publisher} />
          <Field label={t('library:fields.year')} value={book.year === null ? '' : String(book.year)} />
          <Field label={t('library:fields.isbn')} value={book.isbn ?? t('library:book.noIsbn')} />
          <Field label={t('library:fields.category')} value={categoryName(category)} />
          <Field label={t('library:columns.available')} value={t('library:books.availableOf', { available: book.available, copies: book.copies })} />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t('library:book.copies', { count: copies.length })}
        </Text>
        <Table data-testid="copies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t('library:columns.barcode')}</Table.Th>
              <Table.Th>{t('library:columns.state')}</Table.Th>
              <Table.Th>{t('library:fields.source')}</Table.Th>
              <Table.Th>{t('library:columns.addedOn')}</Table.Th>
              <Table.Th>{t('library:columns.note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {copies.map((c) => (
              <Table.Tr key={c.id} data-barcode={c.barcode}>
                <Table.Td>
                  <Checkbox
                    aria-label={c.barcode}
                    checked={selected.has(c.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.currentTarget.checked) next.add(c.id);
                      else next.delete(c.id);
                      setSelected(next);
                    }}
                  />
                </Table.Td>
                <Table.Td ff="monospace">{c.barcode}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge variant="light" color={STATE_COLOR[c.state]}>
                      {t(`library:states.${c.state}`)}
                    </Badge>
                    {c.loan && (
                      <Text size="sm">
                        {c.loan.childName}（{className(c.loan.grade, c.loan.classNo)}）{t('library:book.dueOn', { date: c.loan.dueOn })}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t(`library:sources.${c.source}`)}
                  {c.donor && `（${c.donor}）`}
                </Table.Td>
                <Table.Td>{c.addedOn}</Table.Td>
                <Table.Td>{c.note}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setStatusOf(c)}>
                    {t('library:book.setStatus')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t('library:book.history', { count: history.length })}
        </Text>
        {history.length === 0 ? (
          <Text size="sm" c="dimmed">{t('library:book.neverLent')}</Text>
        ) : (
          <LoanHistory loans={history} show="child" />
        )}
      </Paper>
      {editing && <EditBookModal onClose={() => setEditing(false)} id={book.id} initial={valuesOf(book)} />}
      <AddCopiesModal opened={adding} onClose={() => setAdding(false)} bookId={book.id} onAdded={(ids) => navigate(`/print/labels?ids=${ids.join(',')}`)} />
      <CopyStatusModal copy={statusOf} onClose={() => setStatusOf(null)} />
    </Stack>
  );
}


/** Loans, newest first: with the child (a book's history) or the title (a child's). */
export function LoanHistory({ loans, show }: { loans: Loan[]; show: 'child' | 'title' }) {
  const { t } = useTranslation();
  const className = useClassName();
  return (
    <Table striped fz="sm">
      <Table.Thead>
        <Table.Tr>
          {show === 'child' ? <Table.Th>{t('library:columns.child')}</Table.Th> : <Table.Th>{t('library:columns.title')}</Table.Th>}
          <Table.Th>{t('library:columns.barcode')}</Table.Th>
          <Table.Th>{t('library:columns.lentOn')}</Table.Th>
          <Table.Th>{t('library:columns.due')}</Table.Th>
          <Table.Th>{t('library:columns.returnedOn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {loans.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td>{show === 'child' ? `${l.childName}（${className(l.grade, l.classNo)}）` : l.title}</Table.Td>
            <Table.Td>{l.barcode}</Table.Td>
            <Table.Td>{l.lentOn}</Table.Td>
            <Table.Td>{l.dueOn}</Table.Td>
            <Table.Td>
              {l.outcome === 'lost' ? (
                <Badge color="red" variant="light">{t('library:states.lost')}</Badge>
              ) : l.returnedOn ? (
                l.returnedOn
              ) : l.daysOverdue > 0 ? (
                <Badge color="red" variant="light">{t('library:overdueDays', { count: l.daysOverdue })}</Badge>
              ) : (
                <Badge color="blue" variant="light">{t('library:states.onLoan')}</Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Mounted only while open, so it starts from the title as it is now. */
function EditBookModal({ onClose, id, initial }: { onClose: () => void; id: number; initial: BookValues }) {
  const { t } = useTranslation();
  const form = useForm<{ book: BookValues }>({ mode: 'uncontrolled', initialValues: { book: initial } });
  const { failure, onError } = useFormFailure(form, { 'library.duplicateIsbn': 'book.isbn' });
  const save = useProcedureMutation('library.updateBook', {
    input: (v: { book: BookValues }) => ({ id, book: bookOf(v.book) }),
    onSuccess: onClose,
    onError,
  });
  return (
    <Modal opened onClose={onClose} title={t('library:book.edit')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <BookFields form={form} />
          <DialogActions
            failure={failure}
            pending={save.isPending}
            onCancel={() => {
              form.reset();
              onClose();
            }}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function AddCopiesModal({ opened, onClose, bookId, onAdded }: { opened: boolean; onClose: () => void; bookId: number; onAdded: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const form = useForm<{ copies: CopiesValues }>({ initialValues: { copies: emptyCopies() } });
  const { failure, onError } = useFormFailure(form);
  const [added, setAdded] = useState<number[] | null>(null);
  const save = useProcedureMutation('library.addCopies', {
    input: (v: { copies: CopiesValues }) => ({ bookId, copies: copiesOf(v.copies) }),
    onSuccess: (r) => setAdded(r.newCopyIds),
    onError,
  });
  const close = () => {
    setAdded(null);
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('library:book.addCopies')} size="lg">
      {added ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('library:book.added', { count: added.length })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:close')}
            </Button>
            <Button leftSection={<IconPrinter size={16} />} onClick={() => onAdded(added)}>
              {t('library:printLabels')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Stack>
            <CopiesFields form={form} />
            <DialogActions failure={failure} pending={save.isPending} onCancel={close} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Lost, damaged, withdrawn or back on the shelf, with a reason (audited). */
function CopyStatusModal({ copy, onClose }: { copy: Copy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ status: CopyStatus; reason: string }>({ mode: 'uncontrolled', initialValues: { status: 'lost', reason: '' } });
  const { failure, onError } = useFormFailure(form);
  const save = useProcedureMutation('library.setCopyStatus', {
    input: (v: { status: CopyStatus; reason: string }) => ({ copyId: copy!.id, ...v }),
    onSuccess: () => {
      form.reset();
      onClose();
    },
    onError,
  });
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <ReasonDialog
      opened={copy !== null}
      onClose={close}
      title={t('library:book.statusTitle', { barcode: copy?.barcode ?? '' })}
      reason={{ label: t('library:book.reason'), withAsterisk: true, ...form.getInputProps('reason') }}
      focusReason={false}
      failure={failure}
      pending={save.isPending}
      submitLabel={t('common:save')}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
    >
      {copy?.loan && <Alert color="blue">{t('library:book.statusOnLoan', { name: copy.loan.childName })}</Alert>}
      <Select
        label={t('library:book.newStatus')}
        allowDeselect={false}
        data={copyStatuses.map((s) => ({ value: s, label: t(`library:states.${s}`) }))}
        {...form.getInputProps('status')}
      />
    </ReasonDialog>
  );
}
