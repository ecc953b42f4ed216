export { ClassFilter } from './ClassFilter.js';
