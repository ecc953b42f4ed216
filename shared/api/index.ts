import { app } from './app.js';
import { session } from './session.js';
import { setup } from './setup.js';
import { auth } from './auth.js';
import { kiosk } from './kiosk.js';
import { teachers } from './teachers.js';
import { settings } from './settings.js';
import { terms } from './terms.js';
import { audit } from './audit.js';
import { children } from './children.js';
import { attendance } from './attendance.js';
import { library } from './library.js';
import { calls } from './calls.js';
import { birthdays } from './birthdays.js';
import { today } from './today.js';
import { events } from './events.js';
import { summary } from './summary.js';
import { backups } from './backups.js';
import { care } from './care.js';
import { rota, firstRun, cards } from './rota.js';
import type { Procedure } from './procedure.js';

/**
 * Every procedure of the app, keyed by its wire name. Each is declared once, in its domain's file; the
 * core's handler table, both transports, the typed client, the renderer's refresh and `--list` come from here.
 */
export const contracts = {
  ...app,
  ...session,
  ...setup,
  ...auth,
  ...kiosk,
  ...teachers,
  ...settings,
  ...terms,
  ...audit,
  ...children,
  ...attendance,
  ...library,
  ...calls,
  ...birthdays,
  ...today,
  ...events,
  ...summary,
  ...backups,
  ...care,
  ...rota,
  ...firstRun,
  ...cards,
} as const satisfies Record<string, Procedure>;

export type Contracts = typeof contracts;
export type ProcedureName = keyof Contracts;

/** The same table with every entry as a plain `Procedure`, for code that reads any procedure's access, schemas or topics. */
export const procedureTable: Readonly<Record<ProcedureName, Procedure>> = contracts;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

export type { Access, Procedure, ProcedureDef, Topic, InputOf, OutputOf, ParsedInputOf, HandlerOutputOf } from './procedure.js';
export { topics } from './procedure.js';
