import { describe, expect, it } from 'vitest';
import {
  checkBirthDate,
  excelSerialToDay,
  normalizeAwayParents,
  normalizeClass,
  normalizeDay,
  normalizeGender,
  normalizeGrade,
  normalizeGradeClass,
  normalizePhone,
  normalizePhones,
  normalizeRelation,
} from './normalize.js';

const value = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : 'ERROR');
const issue = (r: { ok: boolean; issue?: { message: string } }) => (r.ok ? 'OK' : r.issue!.message);

describe('dates (BAD-INPUTS 13–18)', () => {
  it('13: Excel serial numbers in the 1900 and 1904 systems', () => {
    expect(excelSerialToDay(42370)).toBe('2016-01-01');
    expect(value(normalizeDay(42370))).toBe('2016-01-01');
    expect(value(normalizeDay(40908, { date1904: true }))).toBe('2016-01-01');
    expect(value(normalizeDay('42370'))).toBe('2016-01-01');
  });

  it.each(['2015.3.5', '2015/3/5', '2015年3月5日', '20150305', '2015-3-5', '2015-03-05', ' 2015．3．5 ', '２０１５年３月５日'])(
    '14: %j is 2015-03-05',
    (raw) => expect(value(normalizeDay(raw))).toBe('2015-03-05'),
  );

  it.each(['2015-02-30', '2015-13-01', '2015.2.29', 'abc', '3/5/2015'])('15: %j is an error', (raw) => {
    expect(issue(normalizeDay(raw))).toBe('date');
  });

  it('16: future and absurd ages are errors; 4 and 15 are warnings', () => {
    const today = '2026-11-28';
    expect(issue(checkBirthDate('2027-01-01', today))).toBe('birthFuture');
    expect(issue(checkBirthDate('1996-05-01', today))).toBe('birthAge');
    expect(checkBirthDate('2022-05-01', today)).toMatchObject({ ok: true, warning: { message: 'birthAgeUnusual', params: { age: 4 } } });
    expect(checkBirthDate('2011-05-01', today)).toMatchObject({ ok: true, warning: { message: 'birthAgeUnusual', params: { age: 15 } } });
    expect(checkBirthDate('2017-05-01', today)).toEqual({ ok: true, value: '2017-05-01' });
  });

  it('17: a Date cell is read in UTC, never shifted by a day in UTC+8', () => {
    expect(value(normalizeDay(new Date(Date.UTC(2015, 2, 5))))).toBe('2015-03-05');
  });

  it('18: Feb 29 exists only in leap years', () => {
    expect(value(normalizeDay('2016-2-29'))).toBe('2016-02-29');
    expect(issue(normalizeDay('2015-2-29'))).toBe('date');
  });

  it('placeholders are empty', () => {
    for (const p of ['无', '不详', '-', '', null]) expect(value(normalizeDay(p))).toBe(null);
  });
});

describe('phones (BAD-INPUTS 19–23)', () => {
  it('19: a mobile stored as a number is kept as text', () => {
    expect(value(normalizePhone(13800138000))).toBe('13800138000');
  });

  it('20: a landline that lost its leading 0 is not taken for a mobile', () => {
    expect(issue(normalizePhone(8512345678))).toBe('phoneLostZero');
    expect(value(normalizePhone('0851-2345678'))).toBe('0851-2345678');
    expect(value(normalizePhone('08512345678'))).toBe('0851-2345678');
    expect(value(normalizePhone('010-12345678'))).toBe('010-12345678');
  });

  it.each(['+86 138-0013-8000', '138 0013 8000', '１３８００１３８０００', '(+86)13800138000', '0086 13800138000'])(
    '21: %j becomes 13800138000',
    (raw) => expect(value(normalizePhone(raw))).toBe('13800138000'),
  );

  it('22: two numbers in one cell are both kept, never glued', () => {
    expect(value(normalizePhones('13800138000/13900139000'))).toEqual(['13800138000', '13900139000']);
    expect(value(normalizePhones('13800138000、13900139000'))).toEqual(['13800138000', '13900139000']);
    expect(value(normalizePhones('13800138000 13900139000'))).toEqual(['13800138000', '13900139000']);
    expect(value(normalizePhones('138 0013 8000'))).toEqual(['13800138000']);
  });

  it.each(['无', '不详', '-', '0', '', '暂无'])('23: placeholder %j is empty', (raw) => {
    expect(value(normalizePhones(raw))).toEqual([]);
  });

  it('refuses what is not a phone number', () => {
    // A mobile one digit short (issue 14: 1588551234) is named so, not taken for a landline.
    expect(issue(normalizePhone('1588551234'))).toBe('phoneMissingDigit');
    expect(issue(normalizePhone(1588551234))).toBe('phoneMissingDigit');
    expect(issue(normalizePhone('138001380001'))).toBe('phoneExtraDigit');
    expect(issue(normalizePhone('1380013'))).toBe('phoneLength');
    expect(issue(normalizePhone('12345'))).toBe('phone');
    expect(issue(normalizePhone('张三'))).toBe('phone');
  });
});

describe('codes (BAD-INPUTS 34–35)', () => {
  it.each([
    ['男', 'male'],
    ['女', 'female'],
    ['M', 'male'],
    ['f', 'female'],
    ['1', 'male'],
    [2, 'female'],
  ] as const)('34: gender %j → %s', (raw, g) => expect(value(normalizeGender(raw))).toBe(g));

  it('34: an unknown gender is an error', () => expect(issue(normalizeGender('x'))).toBe('gender'));

  it.each(['三年级', '3', '3年级', 3, 'Grade 3', '３年级'])('35: grade %j → 3', (raw) => expect(value(normalizeGrade(raw))).toBe(3));
  it.each(['七年级', '0', '12', 'abc'])('35: grade %j is an error', (raw) => expect(issue(normalizeGrade(raw))).toBe('grade'));
  it.each(['2班', '(2)班', '（2）班', '2', 2, '二班', 'Class 2'])('35: class %j → 2', (raw) =>
    expect(value(normalizeClass(raw))).toBe(2),
  );
  it.each(['三年级2班', '3年级(2)班', '三年级（2）班', '3-2', '三(2)班'])('grade and class %j', (raw) =>
    expect(value(normalizeGradeClass(raw))).toEqual({ grade: 3, classNo: 2 }),
  );

  it('away parents as rosters write them', () => {
    expect(value(normalizeAwayParents('父亲外出务工'))).toBe('father');
    expect(value(normalizeAwayParents('母亲外出'))).toBe('mother');
    expect(value(normalizeAwayParents('父母均外出'))).toBe('both');
    expect(value(normalizeAwayParents('双亲外出'))).toBe('both');
    expect(value(normalizeAwayParents('非留守'))).toBe('none');
    expect(issue(normalizeAwayParents('???'))).toBe('awayParents');
  });

  it('guardian relations', () => {
    expect(normalizeRelation('爷爷')).toBe('grandfatherPaternal');
    expect(normalizeRelation('外婆')).toBe('grandmotherMaternal');
    expect(normalizeRelation('姥姥')).toBe('grandmotherMaternal');
    expect(normalizeRelation('姑姑')).toBe('aunt');
    expect(normalizeRelation('邻居')).toBe('other');
    expect(normalizeRelation('')).toBe(null);
  });
});

describe('cases found in review', () => {
  it('dates typed as numbers, with a time, at local midnight, or with no day', () => {
    expect(value(normalizeDay(20150305))).toBe('2015-03-05');
    expect(value(normalizeDay('2015/03/05 00:00:00'))).toBe('2015-03-05');
    // Midnight in UTC+8 is 16:00 the day before in UTC.
    expect(value(normalizeDay(new Date(Date.UTC(2015, 2, 4, 16))))).toBe('2015-03-05');
    expect(issue(normalizeDay(2015.03))).toBe('dateNoDay');
    expect(issue(normalizeDay('2015年3月'))).toBe('dateNoDay');
  });

  it('only real area codes make a landline; a 0 before a mobile is dropped', () => {
    expect(value(normalizePhone('013800138000'))).toBe('13800138000');
    expect(issue(normalizePhone('0001234567'))).toBe('phone');
    expect(value(normalizePhone('(0851)2345678'))).toBe('0851-2345678');
    expect(value(normalizePhone('0851 2345678'))).toBe('0851-2345678');
  });

  it('more words for gender and away parents', () => {
    expect(value(normalizeGender('男性'))).toBe('male');
    expect(value(normalizeGender('女性'))).toBe('female');
    expect(value(normalizeAwayParents('母亲在家'))).toBe('father');
    expect(value(normalizeAwayParents('父亲在家，母亲外出'))).toBe('mother');
    expect(issue(normalizeAwayParents('父母离异'))).toBe('awayParents');
  });
});
