import { Table } from '@mantine/core';

/**
 * Mantine's look of a table row and cell, as plain attributes for a `<tr>` and `<td>`. `Table.Tr` and
 * `Table.Td` are each a component with its own hooks (the theme, the props, the styles); a list drawn
 * with them renders a dozen of those per row on each keystroke. A row drawn with these gets the same
 * classes and data attributes, so the table's CSS (borders, stripes, hover) applies as it did.
 */
export function rowLook({ striped = false, hover = false, rowBorder = true }: { striped?: boolean; hover?: boolean; rowBorder?: boolean } = {}) {
  return {
    className: `${Table.classes.tr} mantine-Table-tr`,
    'data-with-row-border': rowBorder || undefined,
    'data-striped': striped ? 'odd' : undefined,
    'data-hover': hover || undefined,
  } as const;
}

/** The class of a `Table.Td`, for a plain `<td>`. */
export const CELL = `${Table.classes.td} mantine-Table-td`;
