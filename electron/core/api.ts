import { AppError, isErrorCode, type ErrorPayload } from '../../shared/errors.js';
import { procedureTable as contracts, isProcedureName, topics, type ProcedureName, type Topic } from '../../shared/api/index.js';
import type { CallResult } from '../../shared/api/wire.js';
import { toFieldIssues } from '../../shared/api/validation.js';
import type { SessionView } from '../../shared/domain/types.js';
import type { Clock } from './clock.js';
import type { Db } from './db/open.js';
import { dbErrorOf, isStrayWrite, write } from './db/write.js';
import type { CallContext, HandlerTable } from './context.js';
import { SessionStore, allowed, viewOf, type Session } from './sessions.js';
import { createAuditRepo } from './audit/audit.repo.js';
import { createSettingsService } from './settings/settings.service.js';
import { settingsHandlers } from './settings/settings.handlers.js';
import { createTeachersService } from './teachers/teachers.service.js';
import { teachersHandlers } from './teachers/teachers.handlers.js';
import { createChildrenService } from './children/children.service.js';
import { childrenHandlers } from './children/children.handlers.js';
import { seedDemo } from './demo/demo.js';
import { seedCatalogue } from './demo/library.js';
import { createVisitsService } from './attendance/visits.service.js';
import { attendanceHandlers } from './attendance/attendance.handlers.js';
import { dayOf } from '../../shared/domain/dates.js';
import { createLibraryService } from './library/library.service.js';
import { libraryHandlers } from './library/library.handlers.js';
import { createCallsService } from './calls/calls.service.js';
import { callsHandlers } from './calls/calls.handlers.js';
import { createBirthdaysService } from './birthdays/birthdays.service.js';
import { birthdaysHandlers } from './birthdays/birthdays.handlers.js';
import { todayHandlers } from './today/today.handlers.js';
import { createEventsService } from './events/events.service.js';
import { eventsHandlers } from './events/events.handlers.js';
import { createSummaryService } from './summary/summary.service.js';
import { createStats } from './stats/stats.js';
import { summaryHandlers } from './summary/summary.handlers.js';
import { backupHandlers } from './backup/backup.handlers.js';
import { rotaHandlers } from './rota/rota.handlers.js';
import { createRotaService } from './rota/rota.service.js';
import { createFirstRun } from './rota/firstRun.js';
import { seedDemoRota } from './demo/rota.js';
import type { Vault } from './backup/vault.js';
import { buildCare } from './care/care.js';

/** The demo school the first-run wizard offers. */
export const DEMO_CHILDREN = 150;

export type { CallResult };

export type SessionListener = (sessionId: string, view: SessionView) => void;

/** Data changed by a call of session `origin`, for screens that show it live (the board when a child taps the kiosk). */
export type DataListener = (topics: readonly Topic[], origin: string) => void;

export interface Core {
  /** The open database: a restore replaces it, so read it here each time rather than keeping it. */
  readonly db: Db;
  readonly clock: Clock;
  /** The data file, its backups and restore. */
  readonly vault: Vault;
  /** `system` is for the command line only: it may call everything, as an admin without a teacher. */
  openSession(kind: 'desk' | 'kiosk' | 'system'): string;
  closeSession(id: string): void;
  sessionView(id: string): SessionView | null;
  /** Checks access and input, runs the handler; never throws: failures come back as error codes. */
  call(sessionId: string, name: string, input: unknown): Promise<CallResult>;
  /** Called when a call changed its session (login, lock, kiosk). */
  onSessionChange(listener: SessionListener): () => void;
  /** Called after a call changed data (the contract's `changes`). */
  onData(listener: DataListener): () => void;
  /** When the app closes: the closing backup (never throws: a failure is logged), then the file is closed. */
  shutdown(): Promise<void>;
  close(): void;
}

export interface CoreOptions {
  vault: Vault;
  clock: Clock;
  /**
   * Check every answer against its procedure's output schema (tests and development builds): a handler
   * that answers something its contract does not describe fails loudly instead of reaching a screen.
   */
  checkOutputs?: boolean;
}

/** While the data file is damaged (open read-only) only these answer; everything else is `db.corrupt`. */
const WHEN_DAMAGED: ReadonlySet<string> = new Set(['session.get', 'backups.health', 'backups.restoreLatest', 'backups.upload', 'backups.restore']);

/** Reads the lock screen needs at once, answered while the start-up check still runs. */
const BEFORE_CHECK: ReadonlySet<string> = new Set(['app.info', 'session.get', 'backups.health', 'auth.lockList']);

/** The services and handlers of one open database; a restore builds them again on the new file. */
function build(db: Db, vault: Vault) {
  const audit = createAuditRepo(db);
  const settings = createSettingsService(db);
  const teachers = createTeachersService(db);
  const children = createChildrenService(db, { backupFiles: () => vault.backupFiles() });
  const visits = createVisitsService(db);
  const library = createLibraryService(db, children.repo);
  const calls = createCallsService(db);
  const birthdays = createBirthdaysService(db);
  const events = createEventsService(db, children.repo);
  const stats = createStats(db);
  const rota = createRotaService(db);
  const firstRun = createFirstRun(db, async () => (await vault.backup('before-real-use')).file);
  const handlers: HandlerTable = {
    ...settingsHandlers(settings, audit),
    ...teachersHandlers(db, teachers, settings, async (demo, ctx) => {
      const code = await firstRun.newCode(ctx);
      if (!demo) return code;
      await seedDemo(db, children, { children: DEMO_CHILDREN, seed: ctx.now, today: dayOf(ctx.now), now: ctx.now });
      seedCatalogue(db, { copies: 600, seed: ctx.now, today: dayOf(ctx.now), now: ctx.now });
      seedDemoRota(db);
      firstRun.markDemo(ctx.now);
      return code;
    }),
    ...childrenHandlers(db, children),
    ...attendanceHandlers(db, visits, stats),
    ...libraryHandlers(db, library, stats),
    ...callsHandlers(calls),
    ...birthdaysHandlers(birthdays),
    ...todayHandlers({ db, visits, library, calls, birthdays, children, events }),
    ...eventsHandlers(events, stats),
    ...summaryHandlers(db, createSummaryService(stats), stats),
    ...backupHandlers(vault),
    ...buildCare(db, stats),
    ...rotaHandlers(rota, firstRun),
  };
  return { audit, settings, teachers, handlers };
}

export function createCore({ vault, clock, checkOutputs = false }: CoreOptions): Core {
  const sessions = new SessionStore();
  let parts = build(vault.db, vault);
  const listeners = new Set<SessionListener>();
  const dataListeners = new Set<DataListener>();

  /** Teacher-level procedures answer a locked desk with `auth.locked`, so the UI shows the lock screen. */
  function refuse(session: Session, name: ProcedureName): AppError {
    const access = contracts[name].access;
    const lockedDesk = session.mode === 'desk' && session.teacher === null;
    return new AppError(lockedDesk && access !== 'any' && access !== 'desk' ? 'auth.locked' : 'api.forbidden', {
      procedure: name,
    });
  }

  function expireIdle(session: Session, now: number): void {
    if (session.teacher === null) return;
    if (now - session.lastActivity > parts.settings.read().idleLockMinutes * 60_000) session.teacher = null;
  }

  async function run(session: Session, name: string, input: unknown): Promise<unknown> {
    if (!isProcedureName(name)) throw new AppError('api.unknownProcedure', { procedure: name });
    if (vault.restoring) throw new AppError('backup.restoring');
    // Until the start-up check has answered, only what the lock screen shows runs; everything else waits for it.
    if (vault.checking && !BEFORE_CHECK.has(name)) await vault.ready;
    if (vault.damaged !== null && !WHEN_DAMAGED.has(name)) throw new AppError('db.corrupt');
    const now = clock.now();
    const { handlers, teachers } = parts;
    if (vault.damaged === null) {
      expireIdle(session, now);
      teachers.refresh(session);
    }
    if (!allowed(contracts[name].access, session)) throw refuse(session, name);
    const parsed = contracts[name].input.safeParse(input ?? {});
    if (!parsed.success) throw new AppError('input.invalid', { issues: toFieldIssues(parsed.error) });
    session.lastActivity = now;
    const ctx: CallContext = {
      session,
      now,
      // Read when written: after a restore the audit row goes into the restored file. Its own transaction when a
      // handler audits a read (an export); a savepoint of the handler's write otherwise.
      audit: (r) => write(vault.db, () => parts.audit.write({ ...r, at: now, teacherId: session.teacher?.id ?? null })),
    };
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    if (checkOutputs) {
      const checked = contracts[name].output.safeParse(value);
      if (!checked.success) {
        console.error(`[core] ${name} answered outside its output schema:`, checked.error.issues.slice(0, 5));
        throw new AppError('internal', { procedure: name });
      }
    }
    return value;
  }

  // A restore: the services again on the new file; everyone signed out; every screen reads again.
  vault.onReopen(() => {
    parts = build(vault.db, vault);
    for (const s of sessions.all()) {
      if (s.system || s.teacher === null) continue;
      s.teacher = null;
      const view = viewOf(s);
      for (const l of listeners) l(s.id, view);
    }
    for (const l of dataListeners) l(topics, '');
  });

  return {
    get db() {
      return vault.db;
    },
    clock,
    vault,
    openSession: (kind) => sessions.open(kind, clock.now()).id,
    closeSession: (id) => sessions.close(id),
    sessionView: (id) => {
      const s = sessions.get(id);
      if (!s) return null;
      // As a call would see it: a desk idle past the limit is locked (the live events stop for it).
      expireIdle(s, clock.now());
      return viewOf(s);
    },
    async call(sessionId, name, input) {
      const session = sessions.get(sessionId);
      if (!session) return { ok: false, error: { code: 'api.badSession' } };
      const before = JSON.stringify(viewOf(session));
      let result: CallResult;
      try {
        const value = await run(session, name, input);
        const changed = isProcedureName(name) ? contracts[name].changes : undefined;
        result = changed && changed.length > 0 ? { ok: true, value, changed } : { ok: true, value };
      } catch (err) {
        result = { ok: false, error: toErrorPayload(err, vault.db) };
      }
      const after = viewOf(session);
      if (JSON.stringify(after) !== before) for (const l of listeners) l(session.id, after);
      if (result.ok && result.changed) for (const l of dataListeners) l(result.changed, session.id);
      return result;
    },
    onSessionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    async shutdown() {
      try {
        if (vault.damaged === null && parts.settings.isSetUp()) await vault.backup('close');
      } catch (err) {
        console.error('[core] the closing backup failed:', err);
      }
      await vault.settle();
      vault.close();
    },
    close: () => vault.close(),
  };
}

/** An AppError keeps its code; a trigger's RAISE(ABORT, '<code>') becomes that code; anything else is `internal`. */
export function toErrorPayload(err: unknown, conn?: Db): ErrorPayload {
  if (err instanceof AppError) return err.toPayload();
  if (conn && isStrayWrite(conn, err)) {
    console.error('[core] a statement wrote outside write(db, fn) and was refused; wrap it in write():', err);
    return { code: 'internal' };
  }
  if (err instanceof Error && (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_TRIGGER' && isErrorCode(err.message)) {
    return { code: err.message };
  }
  // A disk that is full, a folder made read-only, a lock held too long, a damaged file: each its own code.
  const db = dbErrorOf(err);
  if (db) {
    console.error('[core] database error:', err);
    return db.toPayload();
  }
  console.error('[core] unexpected error:', err);
  return { code: 'internal' };
}
