import { useId, useMemo, type CSSProperties } from 'react';
import { rem, SegmentedControl, useMantineTheme } from '@mantine/core';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
}

const C = SegmentedControl.classes;
const ROOT = `${C.root} mantine-SegmentedControl-root`;
const CONTROL = `${C.control} mantine-SegmentedControl-control`;
const INPUT = `${C.input} mantine-SegmentedControl-input`;
const LABEL = `${C.label} mantine-SegmentedControl-label`;
const INNER = `${C.innerLabel} mantine-SegmentedControl-innerLabel`;

/**
 * A choice of a few, side by side: Mantine's `SegmentedControl` drawn as plain elements with its classes
 * and variables, without its floating indicator. The indicator measures the chosen label after the page
 * is drawn and moves in a frame later (a second style and layout of the page, and a late change on
 * screen); here the chosen label draws its own background, as Mantine's CSS does before the indicator
 * is ready. The same radio inputs and labels, so the keyboard and `getByLabel` work as before
 * (`Segmented.test.tsx` holds the two equal). Not memoized: its callers build `data` as they render.
 */
export function Segmented<T extends string>({
  value,
  onChange,
  data,
  w,
  name,
  'aria-label': ariaLabel,
}: {
  value: T;
  onChange: (value: T) => void;
  data: readonly SegmentedOption<T>[];
  /** Its width in px, as Mantine's `w`. */
  w?: number;
  /** The radios' name (and their ids' prefix); a new one by default. */
  name?: string;
  'aria-label'?: string;
}) {
  const theme = useMantineTheme();
  const id = useId();
  const group = name ?? `mantine-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const style = useMemo<CSSProperties>(
    () => ({ '--sc-shadow': 'var(--mantine-shadow-xs)', ...(w === undefined ? {} : { width: rem(w) }) }) as CSSProperties,
    [w],
  );
  return (
    <div className={ROOT} style={style} data-with-items-borders="true" role="radiogroup" aria-label={ariaLabel}>
      {data.map((item) => {
        const active = item.value === value;
        return (
          <div key={item.value} className={CONTROL} data-active={active || undefined}>
            <input
              className={INPUT}
              type="radio"
              name={group}
              value={item.value}
              id={`${group}-${item.value}`}
              checked={active}
              onChange={() => onChange(item.value)}
              data-focus-ring={theme.focusRing}
            />
            <label className={LABEL} data-active={active || undefined} htmlFor={`${group}-${item.value}`}>
              <span className={INNER}>{item.label}</span>
            </label>
          </div>
        );
      })}
    </div>
  );
}
