import { Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCategories, useCategoryName } from './format.js';

export interface BookValues {
  isbn: string;
  title: string;
  author: string;
  publisher: string;
  year: number | string;
  categoryId: string | null;
}

export interface CopiesValues {
  count: number | string;
  source: 'bought' | 'donated';
  donor: string;
}

export const emptyBook = (isbn = ''): BookValues => ({ isbn, title: '', author: '', publisher: '', year: '', categoryId: null });
export const emptyCopies = (): CopiesValues => ({ count: 1, source: 'bought', donor: '' });

/** What the form holds, as the procedures take it. */
export function bookOf(v: BookValues) {
  return {
    isbn: v.isbn,
    title: v.title,
    author: v.author,
    publisher: v.publisher,
    year: v.year === '' ? null : Number(v.year),
    categoryId: v.categoryId === null ? null : Number(v.categoryId),
  };
}

export function copiesOf(v: CopiesValues) {
  return { count: v.count === '' ? 0 : Number(v.count), source: v.source, donor: v.donor };
}

/** The title's fields; errors come from the core's schema under `book.<field>`. */
export function BookFields<V extends { book: BookValues }>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const categoryName = useCategoryName();
  return (
    <>
      <TextInput label={t('library:fields.title')} withAsterisk {...form.getInputProps('book.title')} data-autofocus />
      <SimpleGrid cols={2}>
        <TextInput label={t('library:fields.author')} {...form.getInputProps('book.author')} />
        <TextInput label={t('library:fields.publisher')} {...form.getInputProps('book.publisher')} />
        <TextInput label={t('library:fields.isbn')} description={t('library:fields.isbnHelp')} {...form.getInputProps('book.isbn')} />
        <NumberInput label={t('library:fields.year')} min={1900} max={2100} allowDecimal={false} hideControls {...form.getInputProps('book.year')} />
        <Select
          label={t('library:fields.category')}
          clearable
          data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: categoryName(c) }))}
          {...form.getInputProps('book.categoryId')}
        />
      </SimpleGrid>
    </>
  );
}

/** How many copies, bought or donated, and by whom. */
export function CopiesFields<V extends { copies: CopiesValues }>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  // A controlled form: the donor field follows the source as it is chosen.
  const source = form.getValues().copies.source;
  return (
    <Group grow align="flex-start">
      <NumberInput label={t('library:fields.count')} min={1} max={200} allowDecimal={false} {...form.getInputProps('copies.count')} />
      <Select
        label={t('library:fields.source')}
        allowDeselect={false}
        data={(['bought', 'donated'] as const).map((s) => ({ value: s, label: t(`library:sources.${s}`) }))}
        {...form.getInputProps('copies.source')}
      />
      <TextInput label={t('library:fields.donor')} disabled={source !== 'donated'} {...form.getInputProps('copies.donor')} />
    </Group>
  );
}
