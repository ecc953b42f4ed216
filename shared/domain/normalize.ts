import dayjs from 'dayjs';
import { isDay, type Day } from './dates.js';
import { cleanLine } from './text.js';

/**
 * The one normalizer of the roster's codes and numbers, used by the child form and the Excel import
 * alike (BAD-INPUTS.md: dates 13–18, phones 19–23, codes 34–35). Each function takes what a cell or
 * a field may hold and returns the clean value, or an issue whose message is an i18n key in the
 * `validation` namespace.
 */

export interface Issue {
  message: string;
  params?: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T; warning?: Issue } | { ok: false; issue: Issue };

const ok = <T>(value: T, warning?: Issue): Checked<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
const bad = <T>(message: string, params?: Issue['params']): Checked<T> => ({ ok: false, issue: params ? { message, params } : { message } });

/** What a spreadsheet cell or a form field may hold. */
export type Raw = string | number | boolean | Date | null | undefined;

const PLACEHOLDERS = new Set(['', '无', '没有', '暂无', '不详', '未知', '空', '-', '--', '—', '/', '0', 'n/a', 'na', 'none', '#n/a']);

/** Text of a cell: numbers without exponent, full-width ASCII folded (１３８ → 138), cleaned. */
export function cellText(raw: Raw): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw.toFixed(0) : String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString();
  return cleanLine(String(raw));
}

export function isPlaceholder(raw: Raw): boolean {
  return PLACEHOLDERS.has(cellText(raw).normalize('NFKC').toLowerCase());
}

// ---------------------------------------------------------------- dates

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial day number as a calendar day (1900 or 1904 date system). */
export function excelSerialToDay(serial: number, date1904 = false): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function ymd(y: number, m: number, d: number): Day | null {
  const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isDay(day) ? day : null;
}

/**
 * A calendar day from a Date cell (read as UTC, as exceljs gives them: never shifted by the PC's
 * zone), an Excel serial number, or text: 2015-3-5, 2015.3.5, 2015/3/5, 2015年3月5日, 20150305.
 */
export function normalizeDay(raw: Raw, options: { date1904?: boolean } = {}): Checked<Day | null> {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return bad('date');
    // A date typed in Excel is midnight; written by a program in UTC+8 it can be 16:00 the day
    // before in UTC. Rounding to the nearest day keeps both on the right day.
    const d = new Date(raw.getTime() + 12 * 3_600_000);
    return ok(ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  }
  if (typeof raw === 'number') {
    // 20150305 typed into a cell is a number, not a serial day.
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 21001231) return normalizeDay(String(raw));
    // 2015.03 (出生年月 typed as a number) has no day.
    if (!Number.isInteger(raw) && raw > 1900 && raw < 2100) return bad('dateNoDay', { value: String(raw) });
    const day = excelSerialToDay(raw, options.date1904);
    return day ? ok(day) : bad('date');
  }
  if (isPlaceholder(raw)) return ok(null);
  const text = cellText(raw)
    .normalize('NFKC')
    .replace(/\s+0{1,2}:00(:00)?$/, '')
    .replace(/\s+/g, '');
  if (/^\d{4}[-./年]\d{1,2}月?$/.test(text)) return bad('dateNoDay', { value: text });
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const day = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? ok(day) : bad('date');
  }
  // A serial number typed or pasted as text (e.g. "42370").
  if (/^\d{5}$/.test(text)) {
    const day = excelSerialToDay(Number(text), options.date1904);
    if (day) return ok(day);
  }
  return bad('date');
}

/** Age in whole years on `today`. */
export function ageOn(birth: Day, today: Day): number {
  return dayjs(today).diff(dayjs(birth), 'year');
}

/**
 * A birth date for a primary-school child: not in the future, not absurd (an error), and a warning
 * when the child would be younger than 6 or older than 13 (a child aged 4 or 15 is possible).
 */
export function checkBirthDate(birth: Day, today: Day): Checked<Day> {
  if (birth > today) return bad('birthFuture');
  const age = ageOn(birth, today);
  if (age < 3 || age > 18) return bad('birthAge', { age });
  if (age < 6 || age > 13) return ok(birth, { message: 'birthAgeUnusual', params: { age } });
  return ok(birth);
}

// ---------------------------------------------------------------- phones

const MOBILE = /^1[3-9]\d{9}$/;
// 010 and 02x have 3-digit area codes; the others 0[3-9]xx. A local number has 7 or 8 digits.
const LANDLINE = /^0(?:10|2\d|[3-9]\d{2})\d{7,8}$/;

/** One phone number: a mobile as 11 digits, a landline as `0851-2345678`. */
export function normalizePhone(raw: Raw): Checked<string | null> {
  if (isPlaceholder(raw)) return ok(null);
  let s = cellText(raw).normalize('NFKC').replace(/[\s()（）]/g, '');
  s = s.replace(/^(\+|00)86-?/, '');
  const digits = s.replace(/-/g, '');
  if (!/^[\d-]+$/.test(s)) return bad('phone', { value: cellText(raw) });
  if (MOBILE.test(digits)) return ok(digits);
  // A mobile with a long-distance 0 in front (013800138000) is still the mobile.
  if (/^01[3-9]\d{9}$/.test(digits)) return ok(digits.slice(1));
  if (LANDLINE.test(digits)) {
    // Area codes are 3 digits for 010 and 02x, otherwise 4.
    const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
    return ok(`${digits.slice(0, areaLength)}-${digits.slice(areaLength)}`);
  }
  // Say what is wrong: a mobile starts with 1 and has 11 digits.
  if (/^1[3-9]\d{8}$/.test(digits)) return bad('phoneMissingDigit', { value: digits, digits: 10 });
  if (/^1[3-9]\d{10}$/.test(digits)) return bad('phoneExtraDigit', { value: digits, digits: 12 });
  // 0851-2345678 typed as a number loses its leading 0: 10 digits that cannot be a mobile.
  if (/^[2-9]\d{9}$/.test(digits)) return bad('phoneLostZero', { value: digits });
  if (/^1\d{5,11}$/.test(digits)) return bad('phoneLength', { value: digits, digits: digits.length });
  return bad('phone', { value: cellText(raw) });
}

/** One or more phones in one cell (`13800138000/13900139000`): every one kept, never glued together. */
export function normalizePhones(raw: Raw | readonly string[]): Checked<string[]> {
  const parts = Array.isArray(raw) ? raw : cellText(raw as Raw).normalize('NFKC').split(/[/,;、，；|\n]/);
  const phones: string[] = [];
  const keep = (p: string | null) => {
    if (p !== null && !phones.includes(p)) phones.push(p);
  };
  for (const part of parts) {
    const whole = normalizePhone(part);
    if (whole.ok) {
      keep(whole.value);
      continue;
    }
    // "13800138000 13900139000": two numbers apart by spaces, each valid on its own.
    const pieces: string[] = part.trim().split(/\s+/);
    const each: Checked<string | null>[] = pieces.length > 1 ? pieces.map((p) => normalizePhone(p)) : [];
    if (each.length > 0 && each.every((r) => r.ok && r.value !== null)) {
      for (const r of each) if (r.ok) keep(r.value);
      continue;
    }
    return whole;
  }
  return ok(phones);
}

// ---------------------------------------------------------------- codes

export type Gender = 'male' | 'female';

export function normalizeGender(raw: Raw): Checked<Gender | null> {
  if (raw === null || raw === undefined || cellText(raw) === '') return ok(null);
  const s = cellText(raw).normalize('NFKC').toLowerCase();
  if (['男', 'm', 'male', '1', '男生', '男孩', '男性', 'boy'].includes(s)) return ok('male');
  if (['女', 'f', 'female', '2', '女生', '女孩', '女性', 'girl'].includes(s)) return ok('female');
  return bad('gender', { value: cellText(raw) });
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A small number written in digits or Chinese (一 … 二十). */
function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[一二两三四五六七八九]$/.test(s)) return CN_DIGITS[s]!;
  const m = /^([一二三]?)十([一二三四五六七八九]?)$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  return null;
}

/** Grade 1–6 from `三年级`, `3`, `3年级`, `Grade 3`. */
export function normalizeGrade(raw: Raw): Checked<number | null> {
  if (raw === null || raw === undefined || cellText(raw) === '') return ok(null);
  const s = cellText(raw).normalize('NFKC').replace(/\s+/g, '').toLowerCase().replace(/^grade/, '');
  const n = smallNumber(s.replace(/年级$/, ''));
  if (n === null || n < 1 || n > 6) return bad('grade', { value: cellText(raw) });
  return ok(n);
}

/** Class number from `2班`, `(2)班`, `（2）班`, `2`, `二班`, `Class 2`. */
export function normalizeClass(raw: Raw): Checked<number | null> {
  if (raw === null || raw === undefined || cellText(raw) === '') return ok(null);
  const s = cellText(raw).normalize('NFKC').replace(/\s+/g, '').toLowerCase().replace(/^class/, '');
  const n = smallNumber(s.replace(/^\((.+)\)/, '$1').replace(/班$/, '').replace(/^\((.+)\)$/, '$1'));
  if (n === null || n < 1 || n > 30) return bad('classNo', { value: cellText(raw) });
  return ok(n);
}

/** Grade and class in one cell: `三年级2班`, `3年级(2)班`, `3-2`, `三(2)班`. */
export function normalizeGradeClass(raw: Raw): Checked<{ grade: number; classNo: number } | null> {
  if (raw === null || raw === undefined || cellText(raw) === '') return ok(null);
  const s = cellText(raw).normalize('NFKC').replace(/\s+/g, '');
  const m = /^(.+?)(?:年级|[-.·/])\(?(.+?)\)?班?$/.exec(s) ?? /^([一二三四五六1-6])\((.+)\)班?$/.exec(s);
  if (!m) return bad('gradeClass', { value: cellText(raw) });
  const grade = normalizeGrade(m[1]!);
  const classNo = normalizeClass(m[2]!);
  if (!grade.ok || grade.value === null || !classNo.ok || classNo.value === null) return bad('gradeClass', { value: cellText(raw) });
  return ok({ grade: grade.value, classNo: classNo.value });
}

export const awayParentsValues = ['father', 'mother', 'both', 'none'] as const;
export type AwayParents = (typeof awayParentsValues)[number];

/** 留守类型 as rosters write it: 父亲外出, 母亲外出务工, 父母均外出, 双亲外出, 非留守 … */
export function normalizeAwayParents(raw: Raw): Checked<AwayParents | null> {
  if (raw === null || raw === undefined || cellText(raw) === '') return ok(null);
  const s = cellText(raw).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if ((awayParentsValues as readonly string[]).includes(s)) return ok(s as AwayParents);
  if (/^(非留守|否|不是|无|none|no)/.test(s)) return ok('none');
  // Words that do not say who is away are not guessed at.
  if (/离异|去世|单亲/.test(s)) return bad('awayParents', { value: cellText(raw) });
  if (/^(父亲|爸爸)在家/.test(s)) return ok('mother');
  if (/^(母亲|妈妈)在家/.test(s)) return ok('father');
  if (/父母|双亲|双方|都|均|both/.test(s)) return ok('both');
  if (/父|爸/.test(s)) return ok('father');
  if (/母|妈/.test(s)) return ok('mother');
  return bad('awayParents', { value: cellText(raw) });
}

export const guardianRelations = [
  'grandfatherPaternal',
  'grandmotherPaternal',
  'grandfatherMaternal',
  'grandmotherMaternal',
  'father',
  'mother',
  'uncle',
  'aunt',
  'sibling',
  'other',
] as const;
export type GuardianRelation = (typeof guardianRelations)[number];

/** 与监护人关系: 爷爷, 外婆, 姥姥, 叔叔, 姑姑 … (unknown words become `other`, never an error). */
export function normalizeRelation(raw: Raw): GuardianRelation | null {
  const s = cellText(raw).normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return null;
  if ((guardianRelations as readonly string[]).includes(s)) return s as GuardianRelation;
  if (/^(外公|外祖父|姥爷|老爷)/.test(s)) return 'grandfatherMaternal';
  if (/^(外婆|外祖母|姥姥)/.test(s)) return 'grandmotherMaternal';
  if (/^(爷爷|祖父|爷)/.test(s)) return 'grandfatherPaternal';
  if (/^(奶奶|祖母|奶)/.test(s)) return 'grandmotherPaternal';
  if (/^(父亲|爸爸|父)$/.test(s)) return 'father';
  if (/^(母亲|妈妈|母)$/.test(s)) return 'mother';
  if (/^(叔|伯|舅|姑父|姨父)/.test(s)) return 'uncle';
  if (/^(姑|姨|婶|舅妈|伯母|阿姨)/.test(s)) return 'aunt';
  if (/^(哥|姐|兄|弟|妹)/.test(s)) return 'sibling';
  return 'other';
}
