import { cloneElement, useState, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import { Tooltip } from '@mantine/core';

interface TargetProps {
  onMouseEnter?: (e: MouseEvent) => void;
  onMouseLeave?: (e: MouseEvent) => void;
}

/**
 * A tooltip on hover, for a list's rows: Mantine's `Tooltip` is made only when the pointer first comes
 * over its target, then shown while the pointer is on it. A `Tooltip` per row (its floating position,
 * its interactions, its transition) costs a row more than everything else in it, on every keystroke of
 * a search, for a label seen only on hover. The target must take a ref, as `Tooltip`'s does.
 */
export function HoverTip({ label, children }: { label: ReactNode; children: ReactElement<TargetProps> }) {
  // null: never hovered yet, so no Tooltip.
  const [opened, setOpened] = useState<boolean | null>(null);
  const target = cloneElement(children, {
    onMouseEnter: (e: MouseEvent) => {
      children.props.onMouseEnter?.(e);
      setOpened(true);
    },
    onMouseLeave: (e: MouseEvent) => {
      children.props.onMouseLeave?.(e);
      setOpened(false);
    },
  });
  if (opened === null) return target;
  return (
    <Tooltip label={label} opened={opened}>
      {target}
    </Tooltip>
  );
}
