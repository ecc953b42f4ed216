import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import { birthdaysBetween } from '../../../shared/domain/birthdays.js';
import { dayOf } from '../../../shared/domain/dates.js';
import type { BirthdayRow, GroupBirthday } from '../../../shared/api/birthdays.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../context.js';

type Raw = { id: number; name: string; grade: number; classNo: number; birthDate: string | null; lunarMonth: number | null; lunarDay: number | null; lunarLeap: number };

export function createBirthdaysService(db: Db) {
  const children = db.prepare(`
    SELECT id, name, grade, class_no AS classNo, birth_date AS birthDate, lunar_month AS lunarMonth, lunar_day AS lunarDay,
      lunar_leap AS lunarLeap
    FROM children WHERE status = 'active' ORDER BY grade, class_no, search_full`);
  const party = db.prepare(`
    SELECT g.month, g.held_on AS heldOn, json_array_length(g.children) AS children, g.note, t.name AS teacherName
    FROM group_birthdays g LEFT JOIN teachers t ON t.id = g.teacher_id WHERE g.month = ?`);
  const putParty = db.prepare(`
    INSERT INTO group_birthdays (month, held_on, children, note, teacher_id, created_at) VALUES (@month, @heldOn, @children, @note, @teacherId, @now)
    ON CONFLICT (month) DO UPDATE SET held_on = excluded.held_on, children = excluded.children, note = excluded.note,
      teacher_id = excluded.teacher_id`);

  /** Every active child's birthdays in [from, to], by date; and how many children have no birth date at all. */
  function between(from: string, to: string): { rows: BirthdayRow[]; noBirthDate: number } {
    const rows: BirthdayRow[] = [];
    let noBirthDate = 0;
    for (const c of children.all() as Raw[]) {
      const lunar = c.lunarMonth !== null && c.lunarDay !== null ? { month: c.lunarMonth, day: c.lunarDay, leap: c.lunarLeap === 1 } : null;
      if (!c.birthDate && !lunar) {
        noBirthDate++;
        continue;
      }
      for (const hit of birthdaysBetween({ birthDate: c.birthDate, lunar }, from, to)) {
        rows.push({ childId: c.id, name: c.name, grade: c.grade, classNo: c.classNo, ...hit, lunar });
      }
    }
    rows.sort((a, b) => a.date.localeCompare(b.date) || a.grade - b.grade || a.classNo - b.classNo);
    return { rows, noBirthDate };
  }

  const monthRange = (month: string) => {
    const from = `${month}-01`;
    return { from, to: dayjs(from).endOf('month').format('YYYY-MM-DD') };
  };

  return {
    between,
    month(month: string) {
      const { from, to } = monthRange(month);
      return { month, rows: between(from, to).rows, party: (party.get(month) as GroupBirthday | undefined) ?? null };
    },
    /** The month's group birthday was held on `heldOn`: it celebrated the month's children in school. */
    recordParty(month: string, heldOn: string, note: string, ctx: CallContext): GroupBirthday {
      if (heldOn > dayOf(ctx.now)) throw new AppError('birthdays.partyInFuture');
      if (heldOn.slice(0, 7) !== month) throw new AppError('birthdays.partyOtherMonth', { month });
      return db.transaction(() => {
        const { from, to } = monthRange(month);
        const ids = [...new Set(between(from, to).rows.map((r) => r.childId))];
        putParty.run({ month, heldOn, children: JSON.stringify(ids), note, teacherId: ctx.session.teacher?.id ?? null, now: ctx.now });
        ctx.audit({ action: 'birthdays.party', entity: 'groupBirthday', detail: { month, heldOn, children: ids.length } });
        return party.get(month) as GroupBirthday;
      })();
    },
  };
}

export type BirthdaysService = ReturnType<typeof createBirthdaysService>;
