export { TermRangePicker, type TermRangePickerProps } from './TermRangePicker.js';
export { useTermRange, termHolding, type DayRange, type TermRangeOptions, type TermRangePickerState } from './useTermRange.js';
