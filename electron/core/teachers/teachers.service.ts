import { AppError } from '../../../shared/errors.js';
import type { Role } from '../../../shared/domain/fields.js';
import type { LockEntry, Teacher } from '../../../shared/domain/types.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createTeachersRepo, toTeacher, type TeacherDetails, type TeacherRow } from './teachers.repo.js';
import { hashPin, verifyPin } from './pin.js';
import { LOCKOUT_MS, MAX_WRONG_PINS, lockEnd } from './lockout.js';

export { LOCKOUT_MS, MAX_WRONG_PINS };

export function createTeachersService(db: Db) {
  const repo = createTeachersRepo(db);
  // The kiosk has no teacher to lock, so wrong exit PINs lock the exit itself (kept in memory:
  // restarting the app needs the PC's own login, which a child at the kiosk does not have).
  const kioskExit = { wrong: 0, lockedUntil: 0 };

  function mustGet(id: number): TeacherRow {
    const t = repo.byId(id);
    if (!t) throw new AppError('teachers.notFound');
    return t;
  }

  let queue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function assertNotLocked(t: TeacherRow, now: number): void {
    const until = lockEnd(t.lockedUntil, now);
    if (until === null) return;
    // The clock was set back since the lock began: it now ends a full lockout from here, and stays so.
    if (until !== t.lockedUntil) write(db, () => repo.lockUntil(t.id, until));
    throw new AppError('auth.teacherLocked', { until });
  }

  /**
   * Counts a wrong PIN; the fifth in a row locks the teacher. Always throws, after the count is committed
   * (a count that cannot be saved answers its db.* code, never "wrong PIN, 4 left").
   */
  function wrongPin(id: number, ctx: CallContext, code: 'auth.wrongPin' | 'auth.wrongCurrentPin'): never {
    const refusal = write(db, () => {
      const wrong = repo.recordFailure(id);
      if (wrong >= MAX_WRONG_PINS) {
        const until = ctx.now + LOCKOUT_MS;
        repo.lockUntil(id, until);
        ctx.audit({ action: 'auth.lockedOut', entity: 'teacher', entityId: id, detail: { until } });
        return new AppError('auth.teacherLocked', { until });
      }
      return new AppError(code, { remaining: MAX_WRONG_PINS - wrong });
    });
    throw refusal;
  }

  function signIn(t: TeacherRow, ctx: CallContext): void {
    ctx.session.mode = 'desk';
    ctx.session.teacher = { id: t.id, name: t.name, role: t.role };
    ctx.session.lastActivity = ctx.now;
  }

  /** Signs `t` in together with the writes that record it; when they cannot be saved the session stays as it was. */
  function signInWith(t: TeacherRow, ctx: CallContext, record: () => void): void {
    const was = { mode: ctx.session.mode, teacher: ctx.session.teacher, lastActivity: ctx.session.lastActivity };
    try {
      write(db, () => {
        signIn(t, ctx);
        record();
      });
    } catch (err) {
      Object.assign(ctx.session, was);
      throw err;
    }
  }

  return {
    count: () => repo.count(),

    /** Keeps a signed-in session in step with the database: deactivated → locked, role changes apply at once. */
    refresh(session: CallContext['session']): void {
      if (!session.teacher) return;
      const role = repo.activeRole(session.teacher.id);
      if (role === undefined) session.teacher = null;
      else if (role !== session.teacher.role) session.teacher = { ...session.teacher, role };
    },
    list: (now: number): Teacher[] => repo.all().map((r) => toTeacher(r, now)),
    lockList: (now: number): LockEntry[] => repo.lockList(now),

    /** The first admin, inside the setup transaction. */
    insertFirstAdmin(name: string, pinHash: string, now: number): number {
      return repo.insert(name, 'admin', pinHash, now);
    },

    async add(input: { name: string; role: Role; pin: string } & Partial<TeacherDetails>, ctx: CallContext): Promise<Teacher> {
      const pinHash = await hashPin(input.pin);
      return write(db, () => {
        if (repo.nameTaken(input.name, null)) throw new AppError('teachers.duplicateName', { name: input.name });
        const id = repo.insert(input.name, input.role, pinHash, ctx.now);
        const details = { phone: input.phone ?? '', classes: input.classes ?? [], dutyDays: input.dutyDays ?? [] };
        repo.setDetails(id, details);
        ctx.audit({ action: 'teachers.add', entity: 'teacher', entityId: id, detail: { name: input.name, role: input.role, ...details } });
        return toTeacher(mustGet(id), ctx.now);
      });
    },

    update(input: { id: number; name: string; role: Role } & Partial<TeacherDetails>, ctx: CallContext): Teacher {
      return write(db, () => {
        const before = mustGet(input.id);
        if (repo.nameTaken(input.name, input.id)) throw new AppError('teachers.duplicateName', { name: input.name });
        if (before.role === 'admin' && input.role !== 'admin' && before.active && repo.activeAdmins() <= 1) {
          throw new AppError('teachers.lastAdmin');
        }
        repo.update(input.id, input.name, input.role);
        // Details left out of the input stay as they were.
        const details = { phone: input.phone ?? before.phone, classes: input.classes ?? before.classes, dutyDays: input.dutyDays ?? before.dutyDays };
        repo.setDetails(input.id, details);
        ctx.audit({
          action: 'teachers.update',
          entity: 'teacher',
          entityId: input.id,
          detail: {
            from: { name: before.name, role: before.role, phone: before.phone, classes: before.classes, dutyDays: before.dutyDays },
            to: { name: input.name, role: input.role, ...details },
          },
        });
        if (ctx.session.teacher?.id === input.id) ctx.session.teacher = { id: input.id, name: input.name, role: input.role };
        return toTeacher(mustGet(input.id), ctx.now);
      });
    },

    setActive(id: number, active: boolean, ctx: CallContext): Teacher {
      return write(db, () => {
        const before = mustGet(id);
        if (!active && ctx.session.teacher?.id === id) throw new AppError('teachers.cannotDeactivateSelf');
        if (!active && before.role === 'admin' && before.active && repo.activeAdmins() <= 1) {
          throw new AppError('teachers.lastAdmin');
        }
        if (before.active !== active) {
          repo.setActive(id, active);
          ctx.audit({ action: active ? 'teachers.activate' : 'teachers.deactivate', entity: 'teacher', entityId: id });
        }
        return toTeacher(mustGet(id), ctx.now);
      });
    },

    async resetPin(id: number, pin: string, ctx: CallContext): Promise<Teacher> {
      mustGet(id);
      const pinHash = await hashPin(pin);
      return write(db, () => {
        repo.setPin(id, pinHash);
        ctx.audit({ action: 'teachers.resetPin', entity: 'teacher', entityId: id });
        return toTeacher(mustGet(id), ctx.now);
      });
    },

    /** PIN checks run one at a time: parallel guesses would otherwise all pass the lock check before any failure counts. */
    login(teacherId: number, pin: string, ctx: CallContext): Promise<void> {
      return oneAtATime(async () => {
        const t = repo.byId(teacherId);
        if (!t) throw new AppError('auth.notFound');
        if (!t.active) throw new AppError('auth.teacherInactive');
        assertNotLocked(t, ctx.now);
        if (!(await verifyPin(pin, t.pinHash))) wrongPin(t.id, ctx, 'auth.wrongPin');
        signInWith(t, ctx, () => {
          repo.recordSuccess(t.id);
          ctx.audit({ action: 'auth.login', entity: 'teacher', entityId: t.id });
        });
      });
    },

    changeOwnPin(currentPin: string, newPin: string, ctx: CallContext): Promise<void> {
      return oneAtATime(async () => {
        const me = ctx.session.teacher;
        if (!me) throw new AppError('auth.locked');
        const t = mustGet(me.id);
        assertNotLocked(t, ctx.now);
        if (!(await verifyPin(currentPin, t.pinHash))) {
          // Wrong current PINs count like wrong logins: a child at an unlocked desk cannot guess on.
          try {
            wrongPin(t.id, ctx, 'auth.wrongCurrentPin');
          } catch (err) {
            if (err instanceof AppError && err.code === 'auth.teacherLocked') ctx.session.teacher = null;
            throw err;
          }
        }
        const pinHash = await hashPin(newPin);
        write(db, () => {
          repo.recordSuccess(t.id);
          repo.setPin(t.id, pinHash);
          ctx.audit({ action: 'auth.changeOwnPin', entity: 'teacher', entityId: t.id });
        });
      });
    },

    enterKiosk(ctx: CallContext): void {
      ctx.audit({ action: 'kiosk.enter', entity: 'session' });
      ctx.session.mode = 'kiosk';
      ctx.session.teacher = null;
    },

    /** Any active, unlocked teacher's PIN opens the kiosk; that teacher is then signed in on the desk. */
    exitKiosk(pin: string, ctx: CallContext): Promise<void> {
      // Only a kiosk session leaves the kiosk: from the desk this would be a PIN oracle for every teacher.
      if (ctx.session.mode !== 'kiosk') return Promise.reject(new AppError('api.forbidden'));
      return oneAtATime(async () => {
        const exitLock = lockEnd(kioskExit.lockedUntil, ctx.now);
        if (exitLock !== null) {
          kioskExit.lockedUntil = exitLock;
          throw new AppError('auth.kioskLocked', { until: exitLock });
        }
        for (const t of repo.active()) {
          if (lockEnd(t.lockedUntil, ctx.now) !== null) continue;
          if (await verifyPin(pin, t.pinHash)) {
            signInWith(t, ctx, () => ctx.audit({ action: 'kiosk.exit', entity: 'session' }));
            kioskExit.wrong = 0;
            return;
          }
        }
        kioskExit.wrong += 1;
        if (kioskExit.wrong >= MAX_WRONG_PINS) {
          kioskExit.wrong = 0;
          kioskExit.lockedUntil = ctx.now + LOCKOUT_MS;
          throw new AppError('auth.kioskLocked', { until: kioskExit.lockedUntil });
        }
        throw new AppError('auth.kioskWrongPin', { remaining: MAX_WRONG_PINS - kioskExit.wrong });
      });
    },
  };
}

export type TeachersService = ReturnType<typeof createTeachersService>;
