export { PrintPage, PrintSheet, type Orientation } from './PrintPage.js';
export { PrintTable, paginate } from './PrintTable.js';
