import type { ReactNode } from 'react';
import { Group, NativeSelect, type GroupProps } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TermRangePickerState } from './useTermRange.js';

const day = (value: string | Date | null) => (value ? dayjs(value).format('YYYY-MM-DD') : null);

export interface TermRangePickerProps {
  /** From `useTermRange(...).picker`. */
  picker: TermRangePickerState;
  termLabel?: string;
  rangeLabel: string;
  justify?: GroupProps['justify'];
  /** More controls on the same line (a title, an export button). */
  children?: ReactNode;
}

/** A term of the school's calendar or any range of days; choosing dates makes the choice "any range". */
export function TermRangePicker({ picker, termLabel, rangeLabel, justify, children }: TermRangePickerProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" justify={justify}>
      {picker.terms && (
        // A native select with Mantine's input look: a Mantine Select (its combobox, popover and positioning) cost a
        // page some 30 ms to draw at 4× CPU, on every visit. Empty only until the core's today is known.
        <NativeSelect
          label={termLabel}
          w={220}
          data={[
            ...(picker.termId === null ? [{ value: '', label: '' }] : []),
            ...picker.terms.map((x) => ({ value: String(x.id), label: x.name })),
            { value: 'range', label: t('library:stats.anyRange') },
          ]}
          value={picker.termId ?? ''}
          onChange={(e) => picker.onTermChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        />
      )}
      <DatePickerInput
        type="range"
        label={rangeLabel}
        w={280}
        value={picker.range}
        valueFormat="YYYY-MM-DD"
        onChange={(v) => picker.onRangeChange([day(v[0]), day(v[1])])}
      />
      {children}
    </Group>
  );
}
