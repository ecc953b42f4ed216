import type { HandlerTable } from '../context.js';
import type { BirthdaysService } from './birthdays.service.js';

export function birthdaysHandlers(birthdays: BirthdaysService): HandlerTable<'birthdays.list' | 'birthdays.month' | 'birthdays.recordParty' | 'birthdays.printMonth'> {
  return {
    'birthdays.list': ({ from, to }) => birthdays.between(from, to),
    'birthdays.month': ({ month }) => birthdays.month(month),
    'birthdays.recordParty': ({ month, heldOn, note }, ctx) => birthdays.recordParty(month, heldOn, note, ctx),
    'birthdays.printMonth': ({ month }, ctx) => {
      const { rows } = birthdays.month(month);
      ctx.audit({ action: 'birthdays.print', entity: 'groupBirthday', detail: { month, rows: rows.length } });
      return { month, rows };
    },
  };
}
