import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { FirstSteps, SchoolNumbers } from '../../../shared/domain/rota.js';
import { changeSetting } from '../settings/settings.service.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { createTeachersRepo } from '../teachers/teachers.repo.js';
import { hashPin, verifyPin } from '../teachers/pin.js';
import { LOCKOUT_MS, MAX_WRONG_PINS, lockEnd } from '../teachers/lockout.js';
import { TEACHERS } from '../demo/names.js';
import { createDemoRepo, createRotaRepo } from './rota.repo.js';

/** What the admin types to leave the demo school (zh and en both accepted). */
export const CLEAR_DEMO_WORDS = ['开始正式使用', 'START REAL USE'] as const;

// No 0/O, 1/I/L: a code read off paper and typed back. 16 characters of 31: about 79 bits.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new recovery code, `XXXX-XXXX-XXXX-XXXX`. */
export function makeRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** As typed back: case, spaces and dashes do not matter, nor full-width letters from an IME. */
export const normalizeCode = (s: string) => s.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');

export function createFirstRun(db: Db, backup: () => Promise<string>) {
  const rota = createRotaRepo(db);
  const demo = createDemoRepo(db);
  const settings = createSettingsRepo(db);
  const teachers = createTeachersRepo(db);
  // Wrong recovery codes lock recovery for a while, as wrong PINs lock a teacher (in memory, as the kiosk exit).
  const guard = { wrong: 0, lockedUntil: 0 };

  return {
    steps(): FirstSteps {
      const c = rota.counts();
      return {
        children: c.children,
        teachers: c.teachers,
        hoursSet: rota.isSettingSet(SETTING.openingHours.key),
        rotaSet: rota.rotaSet(),
        books: c.books,
        demo: settings.read(SETTING.demoSeededAt) !== null,
      };
    },

    /** A fresh code, its hash stored in place of the old; inside the caller's transaction when given one. */
    async newCode(ctx: CallContext): Promise<string> {
      const code = makeRecoveryCode();
      const hash = await hashPin(normalizeCode(code));
      write(db, () => {
        settings.write(SETTING.recoveryHash, hash);
        ctx.audit({ action: 'recovery.newCode', entity: 'settings' });
      });
      return code;
    },

    async recover(input: { teacherId: number; code: string; newPin: string }, ctx: CallContext): Promise<void> {
      // A clock set back never stretches the lock (lockEnd counts it from now, at most in full, and it is kept).
      const locked = lockEnd(guard.lockedUntil || null, ctx.now);
      guard.lockedUntil = locked ?? 0;
      if (locked !== null) throw new AppError('firstrun.recoveryLocked', { until: locked });
      const t = teachers.byId(input.teacherId);
      if (!t || !t.active || t.role !== 'admin') throw new AppError('firstrun.notAdmin');
      const hash = settings.read(SETTING.recoveryHash);
      // The try counts before the slow check, so tries sent at once cannot all pass the limit meanwhile.
      guard.wrong += 1;
      if (guard.wrong > MAX_WRONG_PINS) throw new AppError('firstrun.recoveryLocked', { until: guard.lockedUntil || ctx.now + LOCKOUT_MS });
      if (hash === null || !(await verifyPin(normalizeCode(input.code), hash))) {
        if (guard.wrong >= MAX_WRONG_PINS) {
          guard.wrong = 0;
          guard.lockedUntil = ctx.now + LOCKOUT_MS;
          throw new AppError('firstrun.recoveryLocked', { until: guard.lockedUntil });
        }
        throw new AppError('firstrun.wrongCode', { remaining: MAX_WRONG_PINS - guard.wrong });
      }
      guard.wrong = 0;
      const pinHash = await hashPin(input.newPin);
      write(db, () => {
        teachers.setPin(t.id, pinHash);
        ctx.audit({ action: 'recovery.resetPin', entity: 'teacher', entityId: t.id, detail: { name: t.name } });
      });
    },

    numbers: (): SchoolNumbers => settings.read(SETTING.schoolNumbers),
    setNumbers: (next: SchoolNumbers, ctx: CallContext): SchoolNumbers => changeSetting(db, SETTING.schoolNumbers, next, 'settings.schoolNumbers', ctx),

    markDemo(now: number): void {
      write(db, () => settings.write(SETTING.demoSeededAt, now));
    },

    /** A backup first (the vault's own), then the made-up school is removed in one transaction. */
    async clearDemo(confirm: string, ctx: CallContext): Promise<{ backup: string }> {
      // Only the made-up school is ever cleared: a real school's data is never emptied this way.
      if (settings.read(SETTING.demoSeededAt) === null) throw new AppError('firstrun.notDemo');
      if (!(CLEAR_DEMO_WORDS as readonly string[]).includes(confirm.toUpperCase())) throw new AppError('firstrun.confirmMismatch');
      const me = ctx.session.teacher;
      if (!me) throw new AppError('auth.locked');
      const file = await backup();
      write(db, () => {
        const removed = demo.emptyData();
        const demoTeachers = demo.dropTeachers(TEACHERS, me.id);
        demo.dropSetting(SETTING.demoSeededAt.key);
        ctx.audit({ action: 'demo.clear', entity: 'settings', detail: { backup: file, teachers: demoTeachers, rows: removed } });
      });
      return { backup: file };
    },
  };
}

export type FirstRun = ReturnType<typeof createFirstRun>;
