export { CategoryHelp } from './CategoryHelp.js';
