import { AppError } from '../../../shared/errors.js';
import { daysBetween } from '../../../shared/domain/dates.js';
import type { HandlerTable } from '../context.js';
import type { BirthdaysService } from './birthdays.service.js';

export function birthdaysHandlers(birthdays: BirthdaysService): HandlerTable<'birthdays.list' | 'birthdays.month' | 'birthdays.recordParty' | 'birthdays.printMonth'> {
  return {
    'birthdays.list': ({ from, to }) => {
      if (daysBetween(from, to) > 400 || to < from) throw new AppError('range.tooLong', { days: 400 });
      return birthdays.between(from, to);
    },
    'birthdays.month': ({ month }) => birthdays.month(month),
    'birthdays.recordParty': ({ month, heldOn, note }, ctx) => birthdays.recordParty(month, heldOn, note, ctx),
    'birthdays.printMonth': ({ month }, ctx) => {
      const { rows } = birthdays.month(month);
      ctx.audit({ action: 'birthdays.print', entity: 'groupBirthday', detail: { month, rows: rows.length } });
      return { month, rows };
    },
  };
}
