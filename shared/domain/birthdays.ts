import dayjs from 'dayjs';
import { LunarYear, Solar } from 'lunar-typescript';
import { z } from 'zod';
import type { Day } from './dates.js';
import { classNo, count, dayText, grade, id, monthText } from './fields.js';

/**
 * Birthdays, solar and lunar (DESIGN: "a lunar birthday (month, day, leap flag) is converted to this
 * year's solar date"), with lunar-typescript's calendar tables. The rules, also stated in the UI:
 * - a Feb 29 birthday falls on Feb 28 in a common year;
 * - a leap-month lunar birthday falls in the regular month of that number in a year without that leap month;
 * - a lunar birthday on the 30th falls on the 29th in a year whose month has only 29 days.
 */

export const lunarDateSchema = z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(30), leap: z.boolean() });
export type LunarDate = z.infer<typeof lunarDateSchema>;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): Day => `${y}-${pad(m)}-${pad(d)}`;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Where a solar birthday falls in year `y`. */
export function solarBirthdayIn(birthDate: Day, y: number): Day {
  const [, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return m === 2 && d === 29 && !isLeapYear(y) ? ymd(y, 2, 28) : ymd(y, m, d);
}

// lunar-typescript's conversions cost up to a millisecond each; a list of 2,000 children asks about the
// same few lunar months again and again, so each month's first solar day and length are kept.
const months = new Map<string, { first: Day; days: number } | null>();
const ofDay = new Map<Day, { year: number; month: number; day: number; leap: boolean }>();
const lunarDays = new Map<string, Day>();
const CACHE_MAX = 20_000;

function monthStart(y: number, month: number): { first: Day; days: number } | null {
  const key = `${y}/${month}`;
  if (months.has(key)) return months.get(key)!;
  // lunar-typescript keeps one lunar year at a time, so asking month by month across two years computes
  // each year again and again: a year's months are read at once instead (a month it lacks stays null).
  if (months.size > CACHE_MAX) months.clear();
  for (let m = -12; m <= 12; m++) if (m !== 0) months.set(`${y}/${m}`, null);
  for (const m of LunarYear.fromYear(y).getMonthsInYear()) {
    months.set(`${y}/${m.getMonth()}`, { first: Solar.fromJulianDay(m.getFirstJulianDay()).toYmd(), days: m.getDayCount() });
  }
  return months.get(key) ?? null;
}

/** Where a lunar birthday falls (as a solar day) in lunar year `y`: its leap month if that year has it, else the regular one. */
export function lunarBirthdayIn(l: LunarDate, y: number): Day {
  const key = `${y}/${l.month}/${l.leap ? 1 : 0}/${l.day}`;
  const known = lunarDays.get(key);
  if (known) return known;
  const m = (l.leap ? monthStart(y, -l.month) : null) ?? monthStart(y, l.month)!;
  const day = Math.min(l.day, m.days);
  const [fy, fm, fd] = m.first.split('-').map(Number) as [number, number, number];
  const at = new Date(fy, fm - 1, fd + day - 1);
  const out = ymd(at.getFullYear(), at.getMonth() + 1, at.getDate());
  if (lunarDays.size > CACHE_MAX) lunarDays.clear();
  lunarDays.set(key, out);
  return out;
}

/** Whether a lunar date exists in lunar year `y` (a leap month that year has, a day its month has). */
export function lunarDateExists(l: LunarDate, y: number): boolean {
  const month = monthStart(y, l.leap ? -l.month : l.month);
  return month !== null && l.day >= 1 && l.day <= month.days;
}

/** The lunar date of a solar day. */
export function lunarOf(day: Day): { year: number; month: number; day: number; leap: boolean } {
  const known = ofDay.get(day);
  if (known) return known;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const l = Solar.fromYmd(y, m, d).getLunar();
  const out = { year: l.getYear(), month: Math.abs(l.getMonth()), day: l.getDay(), leap: l.getMonth() < 0 };
  if (ofDay.size > CACHE_MAX) ofDay.clear();
  ofDay.set(day, out);
  return out;
}

export interface BirthdayHit {
  /** The solar day it is celebrated on. */
  date: Day;
  /** The age the child turns (null without a birth date). */
  age: number | null;
  calendar: 'solar' | 'lunar';
  /** Only the birth month is known: `date` is the month's first day, listed with the month, never greeted on a day. */
  monthOnly: boolean;
}

/**
 * A child's birthdays between `from` and `to` (inclusive, at most a few years apart): the lunar one
 * when the record keeps a lunar birthday, else the solar one.
 */
export function birthdaysBetween(child: { birthDate: Day | null; lunar: LunarDate | null }, from: Day, to: Day): BirthdayHit[] {
  const out: BirthdayHit[] = [];
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  const birth = child.birthDate;
  const birthFirst = birth ? (birth.length === 7 ? `${birth}-01` : birth) : null;
  if (child.lunar) {
    // A lunar year starts in Jan or Feb: its late months fall in the next solar year.
    for (let y = y0 - 1; y <= y1; y++) {
      const date = lunarBirthdayIn(child.lunar, y);
      if (date < from || date > to) continue;
      if (birthFirst && date <= birthFirst) continue;
      // The lunar year of birth only for a birthday found: asking "is it today" converts nothing more.
      const birthYear = birthFirst ? lunarOf(birthFirst).year : null;
      out.push({ date, age: birthYear === null ? null : y - birthYear, calendar: 'lunar', monthOnly: false });
    }
    return out;
  }
  if (!birth) return out;
  const birthYear = Number(birth.slice(0, 4));
  for (let y = Math.max(y0, birthYear + 1); y <= y1; y++) {
    if (birth.length === 7) {
      // A birth month: in a list that holds the whole month, never on one day (no day is guessed).
      const first = `${y}${birth.slice(4)}-01`;
      if (first < from || first > to) continue;
      const last = dayjs(first).endOf('month').format('YYYY-MM-DD');
      if (last <= to) out.push({ date: first, age: y - birthYear, calendar: 'solar', monthOnly: true });
      continue;
    }
    const date = solarBirthdayIn(birth, y);
    if (date >= from && date <= to) out.push({ date, age: y - birthYear, calendar: 'solar', monthOnly: false });
  }
  return out;
}

/** A child's birthday in a list: the day it is celebrated on and the age the child turns. */
export const birthdayRowSchema = z.object({
  childId: id,
  name: z.string(),
  grade,
  classNo,
  date: dayText,
  age: count.nullable(),
  calendar: z.enum(['solar', 'lunar']),
  /** Only the month is known: shown as the month, not on `date`. */
  monthOnly: z.boolean(),
  lunar: lunarDateSchema.nullable(),
});
export type BirthdayRow = z.infer<typeof birthdayRowSchema>;

/** A month's group birthday, as recorded. */
export const groupBirthdaySchema = z.object({
  month: monthText,
  heldOn: dayText,
  children: count,
  note: z.string(),
  teacherName: z.string().nullable(),
});
export type GroupBirthday = z.infer<typeof groupBirthdaySchema>;
