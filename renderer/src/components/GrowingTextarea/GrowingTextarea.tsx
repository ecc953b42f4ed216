import { Textarea, type TextareaProps } from '@mantine/core';

/**
 * A text box that grows with its text, from `minRows` lines up to `maxRows` (then it scrolls), sized by CSS
 * (`field-sizing: content`, Chromium 123 and later) as the page is laid out. Mantine's `autosize` measures the
 * text from script instead: it lays the whole page out early, in React's commit, then again for each measure
 * (on the summary, five more layouts, about 35 ms of a revisit at 4× CPU throttling, in a trace).
 */
export function GrowingTextarea({ minRows = 1, maxRows, ...rest }: Omit<TextareaProps, 'autosize' | 'rows' | 'styles'> & { minRows?: number; maxRows?: number }) {
  const lines = (n: number) => `calc(${n}lh + 2 * var(--input-padding-y, 0rem) + 2px)`;
  return (
    <Textarea
      {...rest}
      rows={minRows}
      styles={{ input: { fieldSizing: 'content', minHeight: lines(minRows), maxHeight: maxRows === undefined ? undefined : lines(maxRows) } }}
    />
  );
}
