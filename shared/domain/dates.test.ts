import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { dayOf, daysBetween, isDay, suggestTerm } from './dates.js';

describe('calendar days', () => {
  it('accept real days only', () => {
    expect(isDay('2015-03-05')).toBe(true);
    expect(isDay('2016-02-29')).toBe(true);
    for (const bad of ['2015-02-30', '2015-13-01', '2015-3-5', '2015/03/05', '']) expect(isDay(bad), bad).toBe(false);
  });

  it('take the local day of an instant without a UTC shift (UTC+8)', () => {
    // 00:30 in Beijing is still the previous day in UTC.
    expect(dayOf(Date.parse('2026-09-01T00:30:00+08:00'))).toBe('2026-09-01');
    expect(dayOf(Date.parse('2026-08-31T23:59:59+08:00'))).toBe('2026-08-31');
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });

  it('say the day dayjs says, for instants across years, midnights and invalid input', () => {
    const instants = [0, -1, Number.NaN, Date.parse('2026-11-27T16:00:00+08:00'), Date.parse('2100-02-28T23:59:59.999+08:00')];
    for (let t = Date.parse('2015-01-01T00:00:00+08:00'); t < Date.parse('2031-01-01T00:00:00+08:00'); t += 7 * 3_600_000 + 59_999) instants.push(t);
    for (const t of instants) expect(dayOf(t), String(t)).toBe(dayjs(t).format('YYYY-MM-DD'));
  });

  it('suggest the term a day falls in', () => {
    expect(suggestTerm('2026-11-28')).toEqual({ season: 'autumn', startYear: 2026, start: '2026-09-01', end: '2027-01-31' });
    expect(suggestTerm('2027-01-10')).toMatchObject({ season: 'autumn', startYear: 2026 });
    expect(suggestTerm('2027-03-01')).toMatchObject({ season: 'spring', startYear: 2027, start: '2027-02-15' });
  });
});
