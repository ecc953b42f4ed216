export { HoverTip } from './HoverTip.js';
