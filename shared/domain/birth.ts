import dayjs from 'dayjs';
import { isDay, type Day } from './dates.js';
import { cellText, isPlaceholder, normalizeDay, type Checked, type Raw } from './normalize.js';
import type { Gender } from './normalize.js';

/**
 * Birth dates as schools write them. Rosters usually give 出生年月, a year and a month: it is kept as
 * `YYYY-MM` (a month, never a made-up day); a full date stays `YYYY-MM-DD`. The 身份证号 (GB 11643) holds the
 * full date and the sex: it is checked and used to fill or confirm them.
 */

/** `YYYY-MM-DD` or, when only the month is known, `YYYY-MM`. */
export type BirthDate = string;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isBirthMonth = (b: string): boolean => MONTH.test(b);
export const isBirthDate = (b: string): boolean => isDay(b) || isBirthMonth(b);

/** The day a birth date stands for in sums and sorting: the 1st of the month when only the month is known. */
export const birthDay = (b: BirthDate): Day => (b.length === 7 ? `${b}-01` : b);

const pad = (n: number) => String(n).padStart(2, '0');
function ym(y: number, m: number): BirthDate | null {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null;
}

/**
 * A birth date from a cell or a field: every day form `normalizeDay` reads, and the month forms 2018.03,
 * 2018年5月, 2019.2, 2018-3, 2018/03, 201803, and 2018.03 typed as a number (Excel keeps 2018.10 as 2018.1:
 * read as January, with a warning to check).
 */
export function normalizeBirth(raw: Raw, options: { date1904?: boolean } = {}): Checked<BirthDate | null> {
  if (typeof raw === 'number' && !Number.isInteger(raw) && raw > 1900 && raw < 2100) {
    const [y, frac = ''] = String(raw).split('.');
    const b = ym(Number(y), Number(frac));
    if (!b) return { ok: false, issue: { message: 'date' } };
    return frac === '1'
      ? { ok: true, value: b, warning: { message: 'birthMonthOne', params: { value: String(raw) } } }
      : { ok: true, value: b };
  }
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 190001 && raw <= 210012) return normalizeBirth(String(raw));
  if (typeof raw === 'string' && !isPlaceholder(raw)) {
    const text = cellText(raw).normalize('NFKC').replace(/\s+/g, '');
    const m = /^(\d{4})(?:[-./年](\d{1,2})月?|(\d{2}))$/.exec(text);
    if (m) {
      const b = ym(Number(m[1]), Number(m[2] ?? m[3]));
      return b ? { ok: true, value: b } : { ok: false, issue: { message: 'date' } };
    }
  }
  return normalizeDay(raw, options);
}

/** Age in whole years on `today`; for a month-only date, the age from the month's first day. */
export function birthAgeOn(birth: BirthDate, today: Day): number {
  return dayjs(today).diff(dayjs(birthDay(birth)), 'year');
}

// ---------------------------------------------------------------- 身份证号

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643-1999 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export interface IdNumber {
  /** 18 characters, the last one a digit or X. */
  id: string;
  birthDate: Day;
  gender: Gender;
}

/** An 18-digit 身份证号: check digit (GB 11643), a real birth date, the sex from the 17th digit. */
export function normalizeIdNumber(raw: Raw): Checked<IdNumber | null> {
  if (raw === null || raw === undefined || isPlaceholder(raw)) return { ok: true, value: null };
  const s = cellText(raw).normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, issue: { message: 'idNumber', params: { value: cellText(raw) } } };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isDay(birthDate)) return { ok: false, issue: { message: 'idNumberDate', params: { value: s } } };
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, issue: { message: 'idNumberCheck', params: { value: s } } };
  return { ok: true, value: { id: s, birthDate, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' } };
}

/** Whether a recorded birth date (a day, or a month) agrees with the ID's. */
export function birthAgrees(birth: BirthDate, idBirth: Day): boolean {
  return birth.length === 7 ? idBirth.startsWith(birth) : birth === idBirth;
}
