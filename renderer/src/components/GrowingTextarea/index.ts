export { GrowingTextarea } from './GrowingTextarea.js';
