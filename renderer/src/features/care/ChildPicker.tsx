import { useState } from 'react';
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';
import { useClassName } from '../children/format.js';

/** A child found by name or pinyin (张, zxy, zhangxiaoyu), as the calls dialog finds one. */
export function ChildPicker({ value, onChange, label, error, exclude }: { value: number | null; onChange: (id: number | null) => void; label: string; error?: string; exclude?: number }) {
  const { t } = useTranslation();
  const className = useClassName();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 150);
  const found = useProcedure('children.list', { q, limit: 20 });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const options = (found.data ?? []).filter((c) => c.id !== exclude).map((c) => ({ value: String(c.id), label: `${c.name} · ${className(c.grade, c.classNo)}` }));
  // The chosen child stays an option while another search shows other names.
  const data = picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;
  return (
    <Select
      label={label}
      withAsterisk
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      placeholder={t('care:childSearch')}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        setPicked(option ?? null);
        onChange(v === null ? null : Number(v));
      }}
      filter={({ options: o }) => o}
      error={error}
      nothingFoundMessage={t('care:noChild')}
      data-testid="child-picker"
    />
  );
}

/** Active teachers, to pick one or several. */
export function useTeacherOptions(): { value: string; label: string }[] {
  const teachers = useProcedure('teachers.list');
  return (teachers.data ?? []).filter((x) => x.active).map((x) => ({ value: String(x.id), label: x.name }));
}

export function TeachersPicker({ value, onChange, label, error }: { value: string[]; onChange: (v: string[]) => void; label: string; error?: string }) {
  const options = useTeacherOptions();
  return <MultiSelect label={label} withAsterisk data={options} value={value} onChange={onChange} error={error} data-testid="teachers-picker" />;
}
