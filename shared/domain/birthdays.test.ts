import { describe, expect, it } from 'vitest';
import { Lunar, LunarMonth, LunarYear, Solar } from 'lunar-typescript';
import dayjs from 'dayjs';
import { birthdaysBetween, lunarBirthdayIn, lunarDateExists, lunarOf, solarBirthdayIn } from './birthdays.js';

describe('birthdays', () => {
  it("find each lunar month's first day and length as lunar-typescript's LunarMonth does, over 30 years, leap months too", () => {
    for (let y = 2008; y <= 2038; y++) {
      for (let m = 1; m <= 12; m++) {
        for (const leap of [false, true]) {
          const month = LunarMonth.fromYm(y, leap ? -m : m);
          for (const day of [1, 29, 30]) {
            const l = { month: m, day, leap };
            expect(lunarDateExists(l, y), `${y} ${leap ? 'leap ' : ''}${m}/${day}`).toBe(month !== null && day <= month.getDayCount());
            const used = month ?? LunarMonth.fromYm(y, m)!;
            const expected = Solar.fromJulianDay(used.getFirstJulianDay() + Math.min(day, used.getDayCount()) - 1).toYmd();
            expect(lunarBirthdayIn(l, y), `${y} ${leap ? 'leap ' : ''}${m}/${day}`).toBe(expected);
          }
        }
      }
    }
  });

  it('every lunar date of 2019–2031 converts back to the day the library says it is', () => {
    // The library's own table: walk the solar days, ask it for the lunar date, convert that back.
    let checked = 0;
    for (let d = dayjs('2019-03-01'); d.isBefore('2031-12-31'); d = d.add(1, 'day')) {
      const day = d.format('YYYY-MM-DD');
      const l = lunarOf(day);
      expect(lunarBirthdayIn({ month: l.month, day: l.day, leap: l.leap }, l.year), day).toBe(day);
      checked++;
    }
    expect(checked).toBeGreaterThan(4500);
  });

  it('a leap-month birthday falls in the regular month in a year without that leap month', () => {
    // 2023 had a leap 2nd month, 2025 a leap 6th month; 2024 and 2026 have no leap month.
    expect(LunarYear.fromYear(2023).getLeapMonth()).toBe(2);
    expect(LunarYear.fromYear(2025).getLeapMonth()).toBe(6);
    for (const [y, month] of [[2024, 2], [2026, 6], [2027, 6], [2030, 2]] as const) {
      expect(LunarYear.fromYear(y).getLeapMonth()).not.toBe(month);
      expect(lunarBirthdayIn({ month, day: 10, leap: true }, y)).toBe(Lunar.fromYmd(y, month, 10).getSolar().toYmd());
    }
    expect(lunarBirthdayIn({ month: 6, day: 10, leap: true }, 2025)).toBe(Lunar.fromYmd(2025, -6, 10).getSolar().toYmd());
  });

  it('a lunar 30th falls on the 29th in a short month, and tells a date that does not exist', () => {
    for (let y = 2020; y <= 2032; y++) {
      for (let m = 1; m <= 12; m++) {
        const short = !lunarDateExists({ month: m, day: 30, leap: false }, y);
        const expected = Lunar.fromYmd(y, m, short ? 29 : 30).getSolar().toYmd();
        expect(lunarBirthdayIn({ month: m, day: 30, leap: false }, y)).toBe(expected);
      }
    }
    expect(lunarDateExists({ month: 6, day: 30, leap: true }, 2025)).toBe(false);
    expect(lunarDateExists({ month: 6, day: 29, leap: true }, 2025)).toBe(true);
    expect(lunarDateExists({ month: 3, day: 1, leap: true }, 2026)).toBe(false);
  });

  it('Feb 29 is kept on Feb 28 in a common year, on Feb 29 in a leap year', () => {
    for (let y = 2017; y <= 2032; y++) {
      const leap = Solar.fromYmd(y, 1, 1).isLeapYear();
      expect(solarBirthdayIn('2016-02-29', y)).toBe(leap ? `${y}-02-29` : `${y}-02-28`);
    }
  });

  it('lists the birthdays in a range with the age turned, lunar when the record keeps one', () => {
    expect(birthdaysBetween({ birthDate: '2016-05-12', lunar: null }, '2026-05-01', '2026-05-31')).toEqual([{ date: '2026-05-12', age: 10, calendar: 'solar', monthOnly: false }]);
    expect(birthdaysBetween({ birthDate: '2016-05-12', lunar: null }, '2026-06-01', '2026-06-30')).toEqual([]);
    expect(birthdaysBetween({ birthDate: null, lunar: null }, '2026-01-01', '2026-12-31')).toEqual([]);
    // Born 2016-05-12, lunar 四月初六: in 2026 that is the solar day the library gives.
    const lunar = lunarOf('2016-05-12');
    expect(lunar).toEqual({ year: 2016, month: 4, day: 6, leap: false });
    const in2026 = Lunar.fromYmd(2026, 4, 6).getSolar().toYmd();
    expect(birthdaysBetween({ birthDate: '2016-05-12', lunar }, '2026-01-01', '2026-12-31')).toEqual([{ date: in2026, age: 10, calendar: 'lunar', monthOnly: false }]);
    // A 12th-month lunar birthday of lunar year 2025 falls in January 2026.
    const late = { month: 12, day: 8, leap: false };
    const jan = Lunar.fromYmd(2025, 12, 8).getSolar().toYmd();
    expect(jan.startsWith('2026-01')).toBe(true);
    expect(birthdaysBetween({ birthDate: null, lunar: late }, '2026-01-01', '2026-01-31')).toEqual([{ date: jan, age: null, calendar: 'lunar', monthOnly: false }]);
    // Never before the child was born.
    expect(birthdaysBetween({ birthDate: '2026-05-12', lunar: null }, '2026-05-01', '2026-05-31')).toEqual([]);
  });

  it('a birth month only: listed with its month (group birthdays), never on a day (the daily greeting guesses nothing)', () => {
    const child = { birthDate: '2018-03', lunar: null };
    expect(birthdaysBetween(child, '2026-03-01', '2026-03-31')).toEqual([{ date: '2026-03-01', age: 8, calendar: 'solar', monthOnly: true }]);
    expect(birthdaysBetween(child, '2026-01-01', '2026-12-31')).toEqual([{ date: '2026-03-01', age: 8, calendar: 'solar', monthOnly: true }]);
    expect(birthdaysBetween(child, '2026-03-01', '2026-03-01')).toEqual([]);
    expect(birthdaysBetween(child, '2026-03-09', '2026-03-15')).toEqual([]);
    // A lunar birthday with a month-only birth date still counts the age from the lunar year of that month.
    expect(birthdaysBetween({ birthDate: '2016-05', lunar: { month: 4, day: 6, leap: false } }, '2026-01-01', '2026-12-31')).toEqual([
      { date: Lunar.fromYmd(2026, 4, 6).getSolar().toYmd(), age: 10, calendar: 'lunar', monthOnly: false },
    ]);
  });
});
