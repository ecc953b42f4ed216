export { WindowedRows, type RowProps, type WindowedRowsProps } from './WindowedRows.js';
