import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { CallContext, HandlerTable } from '../context.js';
import { write } from '../db/write.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import type { Session } from '../sessions.js';
import { describe, listBackupFiles } from './list.js';
import type { TakenBackup } from './backup.js';
import type { Vault } from './vault.js';

/**
 * A restore or an upload: on a new PC before setup (the wizard), on a damaged file (nobody can sign in to
 * it, and it is saved aside first), else only an admin (the command line is one).
 */
function mayRestore(vault: Vault, session: Session): void {
  if (session.system || session.teacher?.role === 'admin' || vault.damaged !== null) return;
  if (createSettingsRepo(vault.db).read(SETTING.setupDoneAt) === null) return;
  throw new AppError('api.forbidden');
}

function entryOf(vault: Vault, taken: TakenBackup) {
  const file = listBackupFiles([{ place: 'local', dir: path.dirname(taken.file), present: true }]).find((b) => b.file === taken.file);
  if (!file) throw new AppError('backup.notFound');
  return describe(file);
}

export function backupHandlers(
  vault: Vault,
): HandlerTable<
  | 'backups.health'
  | 'backups.status'
  | 'backups.list'
  | 'backups.take'
  | 'backups.settings'
  | 'backups.setSettings'
  | 'backups.setPassword'
  | 'backups.upload'
  | 'backups.restore'
  | 'backups.restoreLatest'
> {
  const settings = () => createSettingsRepo(vault.db);
  const audit = (ctx: CallContext, action: string, detail: Record<string, unknown>) => ctx.audit({ action, entity: 'backup', detail });

  return {
    'backups.health': () => vault.health(),
    'backups.status': () => vault.status(),
    'backups.list': () => vault.list(),
    'backups.take': async () => entryOf(vault, await vault.backup('manual')),
    'backups.settings': () => vault.readSettings(),
    'backups.setSettings': (input, ctx) => {
      if (input.secondFolder !== null && !path.isAbsolute(input.secondFolder)) {
        throw new AppError('input.invalid', { issues: [{ path: 'secondFolder', message: 'absolutePath' }] });
      }
      const before = vault.readSettings();
      write(vault.db, () => {
        const s = settings();
        s.write(SETTING.backupKeep, input.keep);
        s.write(SETTING.backupSecondFolder, input.secondFolder);
        s.write(SETTING.backupWarnDays, input.offsiteWarnDays);
        audit(ctx, 'backups.settings', { from: { ...before, encrypted: undefined }, to: input });
      });
      return vault.readSettings();
    },
    'backups.setPassword': async ({ password }, ctx) => {
      const key = await vault.keyFromPassword(password);
      write(vault.db, () => {
        settings().write(SETTING.backupKey, key);
        audit(ctx, 'backups.password', { encrypted: key !== null });
      });
      return vault.readSettings();
    },
    'backups.upload': ({ id, offset, data }, ctx) => {
      mayRestore(vault, ctx.session);
      return vault.uploads.append(id, offset, Buffer.from(data, 'base64'));
    },
    'backups.restore': async ({ source, password }, ctx) => {
      mayRestore(vault, ctx.session);
      await vault.restore(source, password);
      // Written into the restored file: who restored which backup, and when.
      write(vault.db, () => ctx.audit({ action: 'backups.restore', entity: 'backup', detail: { source } }));
      return { ok: true as const };
    },
    'backups.restoreLatest': async (_input, ctx) => {
      const latest = vault.health().latestGood;
      if (!vault.damaged) throw new AppError('api.forbidden');
      if (!latest) throw new AppError('backup.notFound');
      await vault.restore({ place: latest.place, name: latest.name });
      write(vault.db, () => ctx.audit({ action: 'backups.restoreLatest', entity: 'backup', detail: { name: latest.name } }));
      return { ok: true as const };
    },
  };
}
