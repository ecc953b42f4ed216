import { z } from 'zod';
import { text } from './fields.js';

/** Opening hours for one weekday, `HH:mm` local time; null when the room is closed that day. */
export const dayHours = z
  .object({
    open: text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation:time' }),
    close: text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation:time' }),
  })
  .refine((h) => h.close > h.open, { error: 'validation:endBeforeStart', path: ['close'] })
  .nullable();

/** Index 0 is Sunday, as `Date.getDay()` and dayjs count. */
export const openingHours = z.array(dayHours).length(7);
export type OpeningHours = z.output<typeof openingHours>;

/** After school on weekdays, most of Saturday, closed on Sunday: what a rural school's room usually keeps. */
export const DEFAULT_HOURS: OpeningHours = [
  null,
  { open: '15:30', close: '18:00' },
  { open: '15:30', close: '18:00' },
  { open: '15:30', close: '18:00' },
  { open: '15:30', close: '18:00' },
  { open: '15:30', close: '18:00' },
  { open: '08:30', close: '17:00' },
];
