export { SpreadsheetImport, type PreviewColumn, type SheetPreview, type SheetRow, type SpreadsheetImportProps } from './SpreadsheetImport.js';
