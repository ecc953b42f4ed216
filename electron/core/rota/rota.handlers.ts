import { dayOf } from '../../../shared/domain/dates.js';
import type { HandlerTable } from '../context.js';
import type { RotaService } from './rota.service.js';
import type { FirstRun } from './firstRun.js';

const ok = { ok: true as const };

export function rotaHandlers(
  rota: RotaService,
  firstRun: FirstRun,
): HandlerTable<
  | 'rota.days'
  | 'rota.setChange'
  | 'rota.clearChange'
  | 'rota.swap'
  | 'rota.calendar'
  | 'rota.addCalendar'
  | 'rota.removeCalendar'
  | 'rota.note'
  | 'rota.previousNote'
  | 'rota.saveNote'
  | 'firstrun.steps'
  | 'firstrun.newRecoveryCode'
  | 'firstrun.recover'
  | 'firstrun.clearDemo'
  | 'cards.numbers'
  | 'cards.setNumbers'
> {
  return {
    'rota.days': ({ from, to }) => rota.days(from, to),
    'rota.setChange': (input, ctx) => (rota.setChange(input, ctx), ok),
    'rota.clearChange': ({ day }, ctx) => (rota.clearChange(day, ctx), ok),
    'rota.swap': ({ a, b }, ctx) => (rota.swap(a, b, ctx), ok),
    'rota.calendar': () => rota.listCalendar(),
    'rota.addCalendar': (input, ctx) => rota.addCalendar(input, ctx),
    'rota.removeCalendar': ({ id }, ctx) => (rota.removeCalendar(id, ctx), ok),
    'rota.note': ({ day }) => rota.note(day),
    'rota.previousNote': ({ day }) => rota.previousNote(day),
    'rota.saveNote': ({ day, note }, ctx) => (rota.saveNote(day, note, dayOf(ctx.now), ctx), ok),
    'firstrun.steps': () => firstRun.steps(),
    'firstrun.newRecoveryCode': async (_input, ctx) => ({ code: await firstRun.newCode(ctx) }),
    'firstrun.recover': async (input, ctx) => (await firstRun.recover(input, ctx), ok),
    'firstrun.clearDemo': ({ confirm }, ctx) => firstRun.clearDemo(confirm, ctx),
    'cards.numbers': () => firstRun.numbers(),
    'cards.setNumbers': (input, ctx) => firstRun.setNumbers(input, ctx),
  };
}
