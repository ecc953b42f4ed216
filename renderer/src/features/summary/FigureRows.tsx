import { Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { CELL, rowLook } from '../../components/WindowedRows/plain.js';

const ROW = rowLook();

/** A figure with a second one in brackets, in the reader's punctuation: "77.3%（116/150）", "77.3% (116/150)". */
export const parenWith = (t: TFunction) => (text: string | number, inner: string | number) => t('summary:v.paren', { text, inner });
const VALUE_CELL = { fontWeight: 600 } as const;

/**
 * A table of figures, label and value, as the term summary and its care section print them. Plain rows and
 * cells with the table's classes and attributes (as `Table.Tr`/`Table.Td` give them in a table with column
 * borders): the summary's some 60 rows drew three Mantine components each.
 */
export function FigureRows({ rows, labelWidth = '58%' }: { rows: readonly (readonly [string, string | number])[]; labelWidth?: string }) {
  const labelCell = { width: labelWidth };
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={3} className="summary-table">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <tr key={label} {...ROW}>
            <td className={CELL} data-with-column-border style={labelCell}>
              {label}
            </td>
            <td className={CELL} data-with-column-border style={VALUE_CELL}>
              {value}
            </td>
          </tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
