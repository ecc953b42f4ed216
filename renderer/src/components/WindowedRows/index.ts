export { SEARCHED_LIST_WHOLE, WindowedRows, type RowProps, type WindowedRowsProps } from './WindowedRows.js';
export { ACTION_ICON, actionIconLook, BADGE_LABEL, badgeLook, BUTTON_INNER, BUTTON_LABEL, buttonLook, CELL, rowLook, usePlainLooks, withStyle, type BadgeLook, type ButtonLook, type Look } from './plain.js';
export { PlainBadge, PlainButton } from './PlainParts.js';
