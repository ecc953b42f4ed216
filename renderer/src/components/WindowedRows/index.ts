export { WindowedRows, type RowProps, type WindowedRowsProps } from './WindowedRows.js';
export { CELL, rowLook } from './plain.js';
