/**
 * Calls that only the Electron shell answers (the core never sees them): printing the current page
 * to a PDF with Electron's printToPDF. A browser prints with Chromium's own print instead.
 * Main allows them only for a window whose session has a teacher signed in.
 */
export const SHELL_PRINT_TO_PDF = 'shell.printToPdf';
export interface PrintToPdfInput {
  fileName: string;
}
export interface PrintToPdfOutput {
  /** Where the PDF was saved; null when the teacher cancelled the save dialog. */
  saved: string | null;
}
