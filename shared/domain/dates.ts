import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/** A calendar day in the school's local time, always `YYYY-MM-DD` text (never a Date at midnight UTC). */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written `YYYY-MM-DD` (2015-02-30 and 2015-13-01 are not). */
export function isDay(value: string): value is Day {
  return DAY.test(value) && dayjs(value, 'YYYY-MM-DD', true).isValid();
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The local calendar day of an instant (unix ms): what `dayjs(instantMs).format('YYYY-MM-DD')` says, read off
 * a plain Date because every sign-in and every list asks it, several times (a test holds the two equal).
 */
export function dayOf(instantMs: number): Day {
  const d = new Date(instantMs);
  const y = d.getFullYear();
  if (Number.isNaN(y) || y < 1000 || y > 9999) return dayjs(instantMs).format('YYYY-MM-DD');
  return `${y}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** Whole days from `a` to `b` (b − a), both calendar days. */
export function daysBetween(a: Day, b: Day): number {
  return dayjs(b, 'YYYY-MM-DD').diff(dayjs(a, 'YYYY-MM-DD'), 'day');
}

/** The default name of the term containing `day`: 秋季 Sep–Jan, 春季 Feb–Jul (GLOSSARY). */
export function suggestTerm(day: Day): { season: 'autumn' | 'spring'; startYear: number; start: Day; end: Day } {
  const d = dayjs(day, 'YYYY-MM-DD');
  const month = d.month() + 1;
  const year = d.year();
  if (month >= 8) return { season: 'autumn', startYear: year, start: `${year}-09-01`, end: `${year + 1}-01-31` };
  if (month === 1) return { season: 'autumn', startYear: year - 1, start: `${year - 1}-09-01`, end: `${year}-01-31` };
  return { season: 'spring', startYear: year, start: `${year}-02-15`, end: `${year}-07-10` };
}

/** The Monday of the week of `day` (a Chinese school week starts on Monday). */
export function mondayOf(day: Day): Day {
  const d = dayjs(day, 'YYYY-MM-DD');
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}
