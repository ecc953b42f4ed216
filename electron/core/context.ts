import type { Clock } from './clock.js';
import type { Db } from './db/open.js';
import type { Session } from './sessions.js';
import type { AuditRecord } from './audit/audit.repo.js';
import type { Contracts, ProcedureName } from '../../shared/api/index.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/procedure.js';

/** What a handler gets besides its parsed input. */
export interface CallContext {
  session: Session;
  now: number;
  /** Writes an audit row as the session's teacher. */
  audit(r: Omit<AuditRecord, 'at' | 'teacherId'>): void;
}

export type Handler<N extends ProcedureName> = (
  input: ParsedInputOf<Contracts[N]>,
  ctx: CallContext,
) => OutputOf<Contracts[N]> | Promise<OutputOf<Contracts[N]>>;

export type HandlerTable<N extends ProcedureName = ProcedureName> = { [K in N]: Handler<K> };

/** What the services of every domain share. */
export interface CoreDeps {
  db: Db;
  clock: Clock;
}
