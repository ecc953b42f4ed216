import type { ReactNode } from 'react';
import { PrintSheet, type Orientation } from './PrintPage.js';
import classes from './PrintPage.module.css';

/** Splits a list into pages of `size`; an empty list is one empty page, so the sheet still prints. */
export function paginate<T>(items: readonly T[] | undefined, size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < (items?.length ?? 0); i += size) pages.push(items!.slice(i, i + size));
  return pages.length === 0 ? [[]] : pages;
}

/** A printed list on A4 sheets: a title line on every sheet, a numbered table, an optional last line. */
export function PrintTable<T>({
  items,
  perPage,
  orientation,
  title,
  aside,
  headers,
  cells,
  rowKey,
  last,
}: {
  items: readonly T[] | undefined;
  perPage: number;
  orientation: Orientation;
  title: string;
  aside: (page: number) => string;
  headers: string[];
  cells: (item: T) => ReactNode[];
  rowKey: (item: T) => string | number;
  last?: ReactNode;
}) {
  const pages = paginate(items, perPage);
  return (
    <>
      {pages.map((page, p) => (
        <PrintSheet orientation={orientation} key={p}>
          <div className={classes.head}>
            <h1>{title}</h1>
            <span>{aside(p + 1)}</span>
          </div>
          <table className={classes.table}>
            <thead>
              <tr>
                <th>#</th>
                {headers.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.map((item, i) => (
                <tr key={rowKey(item)}>
                  <td>{p * perPage + i + 1}</td>
                  {cells(item).map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {p === pages.length - 1 && last}
        </PrintSheet>
      ))}
    </>
  );
}
