import { SHELL_PRINT_TO_PDF, type PrintToPdfOutput } from '../../shared/api/shell.js';
import { AppError } from '../../shared/errors.js';

/**
 * Prints the page on screen: in Electron through main's printToPDF (a PDF the teacher saves), in a
 * browser through Chromium's own print dialog (which also offers "Save as PDF").
 */
export async function printPage(fileName: string): Promise<PrintToPdfOutput | null> {
  if (!window.api) {
    window.print();
    return null;
  }
  const result = await window.api.call(SHELL_PRINT_TO_PDF, { fileName });
  if (!result.ok) throw AppError.fromPayload(result.error);
  return result.value as PrintToPdfOutput;
}
