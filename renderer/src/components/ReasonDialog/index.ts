export { ReasonDialog, type ReasonDialogProps } from './ReasonDialog.js';
