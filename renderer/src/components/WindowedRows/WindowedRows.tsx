import { useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { Table } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';

/** What each drawn row must spread on its `Table.Tr` (or its `<tr>`), so the window knows its height. */
export interface RowProps {
  ref?: Ref<HTMLTableRowElement>;
  'data-index': number;
}

export interface WindowedRowsProps<T> {
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /**
   * One row per item, with `props` spread on its `<tr>`. `props` keep their identity from one draw to the
   * next (the same `ref` function), so a `React.memo` row with stable props of its own is not drawn again.
   */
  renderRow: (row: T, props: RowProps) => ReactNode;
  /** The table's number of columns (the spacer rows span them). */
  columns: number;
  /** A row's usual height in px, before it is measured. */
  estimateHeight?: number;
  /**
   * Lists up to this long are drawn whole (the browser's find-in-page works on them). The default is about
   * what a window draws anyway on a 768 px screen (its rows and the overscan): a longer list drawn whole
   * cost a search keystroke its layout for every row (about 12 µs a cell at full speed), most of them below
   * the screen. A searched list under a page's title and filters passes less (`SEARCHED_LIST_WHOLE`).
   */
  drawAllUpTo?: number;
}

/**
 * A spacer row's cell. Its bottom border (1 px, transparent) is there for the first drawn row: in a table
 * with collapsed row borders each row holds half of the border above and below it, and the first row under
 * a borderless spacer measured half a pixel less than the others. A new list whose first row was new then
 * differed from the estimate, and the list was drawn a second time on every keystroke.
 */
const SPACER_CELL = { padding: 0, border: 0, borderBottom: '1px solid transparent' } as const;

/**
 * Where each page's windowed list began (its offset in the document) and how tall its rows measured, by
 * the page's address: when the page is opened again its list is laid out right the first time. Starting
 * from 0 and the estimate, the list was drawn twice on every visit, with a second layout of the whole page.
 * Each row's own height is kept by its key, for lists whose rows differ (the board's class headings are
 * lower than its children's rows): with one height for all, every visit of the board measured the other
 * kind wrong and drew the board twice more.
 */
const remembered = new Map<string, { offset: number; typical: number; heights: Map<string | number, number> }>();

/**
 * How long a searched list (the children, the catalogue) may be and still be drawn whole. Such a list starts
 * under the page's title, buttons and filters (the children's 282 px down on a 768 px screen: 14 rows show),
 * so a window draws about 16 rows of it; a 17–24-row result drawn whole laid out and painted rows below the
 * screen on every keystroke.
 */
export const SEARCHED_LIST_WHOLE = 16;

/**
 * A table body that draws only the rows near the screen (and a few more), so a list of 2,000
 * children or 5,000 copies costs a keystroke what 20 rows cost. The page itself scrolls (the desk's
 * AppShell), so the window follows the document's scroll; rows are measured as they are drawn, and
 * the stripes stay with their rows while scrolling. A list drawn whole and a windowed one have their
 * rows in the same place among the body's children, so a row stays (is not drawn anew) when a search
 * makes the list short enough to be drawn whole, or long again.
 */
export function WindowedRows<T>({ rows, rowKey, renderRow, columns, estimateHeight = 37, drawAllUpTo = 24 }: WindowedRowsProps<T>) {
  const body = useRef<HTMLTableSectionElement>(null);
  // A page's list starts where it was and with the row height it had the last time the page was open.
  // (Two lists on one page with as many columns share a place: the effect below corrects the offset as before.)
  const place = `${window.location.hash} ${columns}`;
  const [seen] = useState(() => remembered.get(place));
  const [offset, setOffset] = useState(seen?.offset ?? 0);
  // The height of the rows measured so far: a row not yet drawn is guessed at that, so a new row that
  // measures the same (most do: 36.69 px, say, not the estimate's 37) does not make the list draw again.
  const typical = useRef(seen?.typical ?? estimateHeight);
  const [heights] = useState(() => seen?.heights ?? new Map<string | number, number>());
  const windowed = rows.length > drawAllUpTo;
  const virtualizer = useWindowVirtualizer({
    count: windowed ? rows.length : 0,
    estimateSize: (i) => heights.get(rowKey(rows[i]!)) ?? typical.current,
    // Two rows past each edge of the screen: most of a wheel notch (about 100 px) is there before the main thread
    // draws the next rows. Each row drawn below the screen costs a search keystroke its layout and paint (at 4×
    // CPU, the children keystroke took 10% longer with 3 rows and its 17–24-row lists drawn whole).
    overscan: 2,
    scrollMargin: offset,
    // The window's size from the start: with the default (0 × 0) the first draw held only the overscan rows,
    // and the screenful came in a second draw, with a second layout of the whole page.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    getItemKey: (i) => rowKey(rows[i]!),
    // A row not laid out (a hidden page) measures 0: keep the estimate rather than draw every row.
    measureElement: (el) => {
      const height = el.getBoundingClientRect().height;
      if (height > 0) {
        typical.current = height;
        const row = rows[Number(el.getAttribute('data-index'))];
        if (row !== undefined) heights.set(rowKey(row), height);
      }
      return height || typical.current;
    },
  });
  useLayoutEffect(() => {
    if (!windowed || !body.current) return;
    const top = body.current.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - offset) > 1) setOffset(top);
    remembered.set(place, { offset: top, typical: typical.current, heights });
  });
  // A page may key its rows by their place, so a drawn <tr> can hold another item after a keystroke; React
  // does not hand it to the ref again. Measure the drawn rows whenever the items they hold change, so an item
  // of another height (a title on two lines) is not left at the estimate.
  const drawn = windowed ? virtualizer.getVirtualItems().map((item) => item.key).join('\u0000') : '';
  useLayoutEffect(() => {
    if (!windowed || !body.current) return;
    for (const el of body.current.querySelectorAll<HTMLTableRowElement>(':scope > tr[data-index]')) virtualizer.measureElement(el);
    // Only when the drawn items change; `virtualizer` is the same object for the list's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawn]);

  if (!windowed) {
    return (
      <Table.Tbody ref={body}>
        {null}
        {null}
        {rows.map((r, i) => renderRow(r, { 'data-index': i }))}
        {null}
      </Table.Tbody>
    );
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - offset : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - offset) : 0;
  return (
    <Table.Tbody ref={body} data-windowed={rows.length}>
      <tr aria-hidden style={{ height: Math.max(0, before), background: 'transparent' }}>
        <td colSpan={columns} style={SPACER_CELL} />
      </tr>
      {/* A second, empty spacer when the first drawn row is odd: striping counts rows in the DOM. */}
      {first && first.index % 2 === 1 ? (
        <tr aria-hidden style={{ height: 0, background: 'transparent' }}>
          <td colSpan={columns} style={SPACER_CELL} />
        </tr>
      ) : null}
      {items.map((item) => renderRow(rows[item.index]!, { ref: virtualizer.measureElement, 'data-index': item.index }))}
      <tr aria-hidden style={{ height: Math.max(0, after), background: 'transparent' }}>
        <td colSpan={columns} style={SPACER_CELL} />
      </tr>
    </Table.Tbody>
  );
}
