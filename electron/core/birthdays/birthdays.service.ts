import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import { birthdaysBetween } from '../../../shared/domain/birthdays.js';
import { dayOf } from '../../../shared/domain/dates.js';
import type { BirthdayRow, GroupBirthday } from '../../../shared/api/birthdays.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createBirthdaysRepo } from './birthdays.repo.js';
import { createChildrenRepo } from '../children/children.repo.js';

export function createBirthdaysService(db: Db) {
  const repo = createBirthdaysRepo(db);
  const children = createChildrenRepo(db);

  /**
   * The month-days ("MM-DD") and months ("MM") that [from, to] holds, or null for a year or more (every child
   * is asked). A 29 February birthday is kept on 28 February in a common year, so it comes with 02-28.
   */
  function daysOf(from: string, to: string): { days: string[] | null; months: string[] | null } {
    if (!dayjs(to).isBefore(dayjs(from).add(1, 'year'))) return { days: null, months: null };
    const days = new Set<string>();
    const months = new Set<string>();
    for (let d = dayjs(from); !d.isAfter(to, 'day'); d = d.add(1, 'day')) {
      const md = d.format('MM-DD');
      days.add(md);
      if (md === '02-28') days.add('02-29');
      months.add(d.format('MM'));
    }
    return { days: [...days], months: [...months] };
  }

  /**
   * Every active child's birthdays in [from, to], by date; and how many children have no birth date at all.
   * Only the children born on a day the range holds (or in its months, for a birth month), and those keeping
   * a lunar birthday, are asked: a week's list reads a few dozen records, not the school.
   */
  function between(from: string, to: string): { rows: BirthdayRow[]; noBirthDate: number } {
    const rows: BirthdayRow[] = [];
    const { days, months } = daysOf(from, to);
    for (const c of children.birthdayCandidates(days, months)) {
      for (const hit of birthdaysBetween(c, from, to)) {
        rows.push({ childId: c.id, name: c.name, grade: c.grade, classNo: c.classNo, ...hit, lunar: c.lunar });
      }
    }
    rows.sort((a, b) => a.date.localeCompare(b.date) || a.grade - b.grade || a.classNo - b.classNo);
    return { rows, noBirthDate: children.noBirthDateCount() };
  }

  const monthRange = (month: string) => {
    const from = `${month}-01`;
    return { from, to: dayjs(from).endOf('month').format('YYYY-MM-DD') };
  };

  return {
    between,
    month(month: string) {
      const { from, to } = monthRange(month);
      return { month, rows: between(from, to).rows, party: repo.party(month) ?? null };
    },
    /** The month's group birthday was held on `heldOn`: it celebrated the month's children in school. */
    recordParty(month: string, heldOn: string, note: string, ctx: CallContext): GroupBirthday {
      if (heldOn > dayOf(ctx.now)) throw new AppError('birthdays.partyInFuture');
      if (heldOn.slice(0, 7) !== month) throw new AppError('birthdays.partyOtherMonth', { month });
      return write(db, () => {
        const { from, to } = monthRange(month);
        const ids = [...new Set(between(from, to).rows.map((r) => r.childId))];
        repo.putParty({ month, heldOn, children: ids, note, teacherId: ctx.session.teacher?.id ?? null, now: ctx.now });
        ctx.audit({ action: 'birthdays.party', entity: 'groupBirthday', detail: { month, heldOn, children: ids.length } });
        return repo.party(month)!;
      });
    },
  };
}

export type BirthdaysService = ReturnType<typeof createBirthdaysService>;
