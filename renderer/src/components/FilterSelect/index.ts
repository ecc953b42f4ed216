export { FilterSelect, type FilterOption } from './FilterSelect.js';
