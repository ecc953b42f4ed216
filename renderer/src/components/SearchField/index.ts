export { SearchField, type SearchFieldProps } from './SearchField.js';
export { createSearchText, useSearchText, useSearchTextStore, type SearchText } from './searchText.js';
