import { AppError } from '../../../shared/errors.js';
import type { CallContext, HandlerTable } from '../context.js';
import { viewOf } from '../sessions.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TeachersService } from './teachers.service.js';
import { hashPin } from './pin.js';

export function teachersHandlers(
  db: Db,
  teachers: TeachersService,
  settings: SettingsService,
  /** Runs after a successful setup (the demo school, when asked for); answers the recovery code, if one was made. */
  afterSetup: (demo: boolean, ctx: CallContext) => Promise<string | null> = async () => null,
): HandlerTable<
  | 'setup.run'
  | 'auth.lockList'
  | 'auth.login'
  | 'auth.lock'
  | 'auth.changeOwnPin'
  | 'kiosk.enter'
  | 'kiosk.exit'
  | 'teachers.list'
  | 'teachers.add'
  | 'teachers.update'
  | 'teachers.setActive'
  | 'teachers.resetPin'
> {
  return {
    'setup.run': async (input, ctx) => {
      if (settings.isSetUp()) throw new AppError('setup.alreadyDone');
      const pinHash = await hashPin(input.admin.pin);
      const adminId = write(db, () => {
        // Checked again inside the transaction: two wizards submitted at once set up the app once.
        if (settings.isSetUp() || teachers.count() > 0) throw new AppError('setup.alreadyDone');
        settings.initialize(
          { schoolName: input.schoolName, roomName: input.roomName, language: input.language },
          input.term,
          ctx.now,
        );
        const adminId = teachers.insertFirstAdmin(input.admin.name, pinHash, ctx.now);
        ctx.audit({
          action: 'setup.run',
          entity: 'settings',
          entityId: adminId,
          detail: { schoolName: input.schoolName, roomName: input.roomName, term: input.term, admin: input.admin.name },
        });
        return adminId;
      });
      // The admin who just chose the PIN lands in the desk: typing it again at once proves nothing.
      ctx.session.mode = 'desk';
      ctx.session.teacher = { id: adminId, name: input.admin.name, role: 'admin' };
      ctx.session.lastActivity = ctx.now;
      const recoveryCode = await afterSetup(input.demo, ctx);
      return { ...viewOf(ctx.session), recoveryCode };
    },
    'auth.lockList': (_input, ctx) => teachers.lockList(ctx.now),
    'auth.login': async ({ teacherId, pin }, ctx) => {
      await teachers.login(teacherId, pin, ctx);
      return viewOf(ctx.session);
    },
    'auth.lock': (_input, ctx) => {
      ctx.session.teacher = null;
      return viewOf(ctx.session);
    },
    'auth.changeOwnPin': async ({ currentPin, newPin }, ctx) => {
      await teachers.changeOwnPin(currentPin, newPin, ctx);
      return { ok: true as const };
    },
    'kiosk.enter': (_input, ctx) => {
      teachers.enterKiosk(ctx);
      return viewOf(ctx.session);
    },
    'kiosk.exit': async ({ pin }, ctx) => {
      await teachers.exitKiosk(pin, ctx);
      return viewOf(ctx.session);
    },
    'teachers.list': (_input, ctx) => teachers.list(ctx.now),
    'teachers.add': (input, ctx) => teachers.add(input, ctx),
    'teachers.update': (input, ctx) => teachers.update(input, ctx),
    'teachers.setActive': ({ id, active }, ctx) => teachers.setActive(id, active, ctx),
    'teachers.resetPin': ({ id, pin }, ctx) => teachers.resetPin(id, pin, ctx),
  };
}
