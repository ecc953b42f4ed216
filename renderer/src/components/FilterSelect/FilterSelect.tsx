import { NativeSelect } from '@mantine/core';

export interface FilterOption<T extends string | number> {
  value: T;
  label: string;
}

/**
 * A list filter: a native select with Mantine's input look whose first choice is "all" (`null`). A Mantine
 * `Select` (its combobox, popover and positioning) cost a page some 30 ms to draw at 4× CPU, on every visit.
 * The options' values are numbers or strings; the select hands back the option's own value, never its text.
 */
export function FilterSelect<T extends string | number>({
  all,
  options,
  value,
  onChange,
  w,
}: {
  /** The first choice's label, also the select's accessible name: "all grades". */
  all: string;
  options: readonly FilterOption<T>[];
  value: T | null;
  onChange: (next: T | null) => void;
  w: number;
}) {
  return (
    <NativeSelect
      aria-label={all}
      w={w}
      data={[{ value: '', label: all }, ...options.map((o) => ({ value: String(o.value), label: o.label }))]}
      value={value === null ? '' : String(value)}
      onChange={(e) => {
        const chosen = e.currentTarget.value;
        onChange(options.find((o) => String(o.value) === chosen)?.value ?? null);
      }}
    />
  );
}
