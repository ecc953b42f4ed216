export { RestoreFromFile } from './RestoreFromFile.js';
export { uploadBackup } from './upload.js';
export { ConfirmRestore } from './ConfirmRestore.js';
