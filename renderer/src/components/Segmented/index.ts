export { Segmented, type SegmentedOption } from './Segmented.js';
