import { afterEach, describe, expect, it } from 'vitest';
import { Lunar, LunarMonth } from 'lunar-typescript';
import { codeOf, makeSetUpCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import { birthdaysBetween, type LunarDate } from '../../../shared/domain/birthdays.js';

let t: TestCore;
afterEach(() => t.cleanup());

describe('birthdays', () => {
  it("lists a month's birthdays, solar and lunar, Feb 29 on Feb 28, and counts children without a birth date", async () => {
    t = await makeSetUpCore();
    await t.call('children.create', { ...ZHANG, name: '二月', birthDate: '2016-02-29' });
    await t.call('children.create', { ...ZHANG, name: '农历', birthDate: '2016-03-10', lunarBirthday: { month: 1, day: 20 } });
    await t.call('children.create', { ...ZHANG, name: '没生日', birthDate: '' });
    const feb = await t.call('birthdays.list', { from: '2027-02-01', to: '2027-02-28' });
    const lunarIn2027 = Lunar.fromYmd(2027, 1, 20).getSolar().toYmd();
    const expected = [
      { name: '二月', date: '2027-02-28', age: 11, calendar: 'solar' },
      ...(lunarIn2027.startsWith('2027-02') ? [{ name: '农历', date: lunarIn2027, age: 11, calendar: 'lunar' }] : []),
    ].sort((a, b) => a.date.localeCompare(b.date));
    expect(feb.rows.map((r) => ({ name: r.name, date: r.date, age: r.age, calendar: r.calendar }))).toEqual(expected);
    expect(feb.noBirthDate).toBe(1);
  });

  it('asks only the children whose birthday can fall in the range, and finds every one a whole-school pass finds', async () => {
    t = await makeSetUpCore();
    const born: { name: string; birthDate: string; lunar: LunarDate | null }[] = [
      { name: '闰日', birthDate: '2016-02-29', lunar: null },
      { name: '二八', birthDate: '2017-02-28', lunar: null },
      { name: '三一', birthDate: '2016-03-01', lunar: null },
      { name: '月份', birthDate: '2017-05', lunar: null },
      { name: '年底', birthDate: '2015-12-31', lunar: null },
      { name: '元旦', birthDate: '2016-01-01', lunar: null },
      { name: '农历', birthDate: '2016-03-10', lunar: { month: 1, day: 20, leap: false } },
      { name: '腊月', birthDate: '2017-01-20', lunar: { month: 12, day: 23, leap: false } },
      { name: '没生日', birthDate: '', lunar: null },
    ];
    for (const b of born) await t.call('children.create', { ...ZHANG, name: b.name, birthDate: b.birthDate, lunarBirthday: b.lunar });
    // The week inside a birth month lists nobody: a birth month is never greeted on a day.
    const ranges: [string, string][] = [
      ['2027-02-22', '2027-02-28'], // a common year's last week of February
      ['2028-02-28', '2028-03-05'], // a leap year's
      ['2026-12-28', '2027-01-03'], // a week across the new year
      ['2027-05-01', '2027-05-31'], // the month of a birth month
      ['2027-05-10', '2027-05-16'], // a week inside it
      ['2027-01-01', '2027-12-31'], // a whole year
      ['2026-11-01', '2027-11-30'], // more than a year (the list takes up to 400 days)
    ];
    for (const [from, to] of ranges) {
      const listed = await t.call('birthdays.list', { from, to });
      const byDate = (a: (string | number | null)[], b: (string | number | null)[]) => `${a[1]}${a[0]}`.localeCompare(`${b[1]}${b[0]}`);
      const everyone = born.flatMap((b) =>
        birthdaysBetween({ birthDate: b.birthDate || null, lunar: b.lunar }, from, to).map((h) => [b.name, h.date, h.age]),
      );
      if (from !== '2027-05-10') expect(everyone.length, `${from} → ${to}`).toBeGreaterThan(0);
      expect(listed.rows.map((r) => [r.name, r.date, r.age]).sort(byDate), `${from} → ${to}`).toEqual(everyone.sort(byDate));
      expect(listed.noBirthDate).toBe(1);
    }
  });

  it('refuses a lunar birthday that does not exist in the birth year', async () => {
    t = await makeSetUpCore();
    // 2016's lunar months: find one with 29 days, and ask for its 30th.
    const short = [...Array(12).keys()].map((i) => i + 1).find((m) => LunarMonth.fromYm(2016, m)!.getDayCount() === 29)!;
    const born = Lunar.fromYmd(2016, short, 10).getSolar().toYmd();
    const err = await t.call('children.create', { ...ZHANG, birthDate: born, lunarBirthday: { month: short, day: 30 } }).catch((e: { payload: unknown }) => e.payload);
    expect(err).toMatchObject({ code: 'input.invalid', params: { issues: [{ path: 'lunarBirthday.day', message: 'lunarMissing', params: { year: 2016 } }] } });
  });

  it('records the group birthday with the children it celebrated; never in the future', async () => {
    t = await makeSetUpCore();
    await t.call('children.create', { ...ZHANG, birthDate: '2016-11-03' });
    await t.call('children.create', { ...ZHANG, name: '李雷', birthDate: '2015-11-20' });
    expect(await codeOf(t.call('birthdays.recordParty', { month: '2026-11', heldOn: '2026-11-30' }))).toBe('birthdays.partyInFuture');
    const party = await t.call('birthdays.recordParty', { month: '2026-11', heldOn: '2026-11-27', note: '镇团委送了蛋糕' });
    expect(party).toMatchObject({ month: '2026-11', heldOn: '2026-11-27', children: 2, teacherName: SETUP.admin.name });
    const month = await t.call('birthdays.month', { month: '2026-11' });
    expect(month.rows.map((r) => [r.name, r.age])).toEqual([['张三丽', 10], ['李雷', 11]]);
    expect(month.party!.note).toBe('镇团委送了蛋糕');
  });

  it('the Today overview: who is in, birthdays, calls, overdue, records', async () => {
    t = await makeSetUpCore();
    const zhang = await t.call('children.create', { ...ZHANG, birthDate: '2016-11-28' });
    await t.call('kiosk.toggle', { childId: zhang.id }, t.core.openSession('kiosk'));
    const o = await t.call('today.overview');
    expect(o.inRoom.children.map((c) => c.name)).toEqual(['张三丽']);
    expect(o.birthdaysToday.map((b) => [b.name, b.age])).toEqual([['张三丽', 10]]);
    expect(o.callHome.children.map((c) => c.name)).toEqual(['张三丽']);
    expect(o.overdue.count).toBe(0);
    expect(o.records).toMatchObject({ total: 1 });
    expect(o.term?.name).toBe(SETUP.term.name);
  });
});
