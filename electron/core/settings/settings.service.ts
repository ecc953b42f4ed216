import { AppError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/domain/fields.js';
import type { AppInfo, Settings, Term } from '../../../shared/domain/types.js';
import { dayOf } from '../../../shared/domain/dates.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createSettingsRepo, SETTING, type Setting } from './settings.repo.js';

/** Writes one setting and an audit row of its old and new value in one transaction; answers the value as read back. */
export function changeSetting<T>(db: Db, setting: Setting<T>, next: T, action: string, ctx: CallContext): T {
  const repo = createSettingsRepo(db);
  return write(db, () => {
    const before = repo.read(setting);
    repo.write(setting, next);
    ctx.audit({ action, entity: 'settings', detail: { [setting.key]: { from: before, to: next } } });
    return repo.read(setting);
  });
}

export interface TermFields {
  name: string;
  start: string;
  end: string;
}

export function createSettingsService(db: Db) {
  const repo = createSettingsRepo(db);

  function read(): Settings {
    return {
      schoolName: repo.read(SETTING.schoolName),
      roomName: repo.read(SETTING.roomName),
      language: repo.read(SETTING.language),
      idleLockMinutes: repo.read(SETTING.idleLockMinutes),
    };
  }

  function writeAll(s: Settings): void {
    repo.write(SETTING.schoolName, s.schoolName);
    repo.write(SETTING.roomName, s.roomName);
    repo.write(SETTING.language, s.language);
    repo.write(SETTING.idleLockMinutes, s.idleLockMinutes);
  }

  const isSetUp = () => repo.read(SETTING.setupDoneAt) !== null;

  function checkTerm(t: TermFields, exceptId: number | null): void {
    if (repo.termNamed(t.name, exceptId) !== undefined) {
      throw new AppError('input.invalid', { issues: [{ path: 'name', message: 'duplicate' }] });
    }
    const other = repo.overlappingTerm(t.start, t.end, exceptId);
    const o = other === undefined ? undefined : repo.term(other);
    if (o) {
      throw new AppError('terms.overlap', { name: o.name, start: o.start, end: o.end });
    }
  }

  return {
    read,
    isSetUp,
    info(now: number): AppInfo {
      return { setupDone: isSetUp(), today: dayOf(now), ...read() };
    },

    /** Inside the setup transaction: the room's names, language and first term. */
    initialize(s: Omit<Settings, 'idleLockMinutes'>, term: TermFields, now: number): void {
      writeAll({ ...s, idleLockMinutes: SETTING.idleLockMinutes.fallback });
      checkTerm(term, null);
      repo.insertTerm(term.name, term.start, term.end);
      repo.write(SETTING.setupDoneAt, String(now));
    },

    update(next: Settings, ctx: CallContext): Settings {
      return write(db, () => {
        const before = read();
        writeAll(next);
        const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => before[k] !== next[k]);
        if (changed.length > 0) {
          ctx.audit({
            action: 'settings.update',
            entity: 'settings',
            detail: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
          });
        }
        return read();
      });
    },

    setLanguage(language: Language, ctx: CallContext): void {
      write(db, () => {
        const before = read().language;
        if (before === language) return;
        repo.write(SETTING.language, language);
        ctx.audit({ action: 'settings.language', entity: 'settings', detail: { language: { from: before, to: language } } });
      });
    },

    terms: () => repo.terms(),

    addTerm(t: TermFields, ctx: CallContext): Term {
      return write(db, () => {
        checkTerm(t, null);
        const id = repo.insertTerm(t.name, t.start, t.end);
        ctx.audit({ action: 'terms.add', entity: 'term', entityId: id, detail: t });
        return repo.term(id)!;
      });
    },

    updateTerm(id: number, t: TermFields, ctx: CallContext): Term {
      return write(db, () => {
        const before = repo.term(id);
        if (!before) throw new AppError('terms.notFound');
        checkTerm(t, id);
        repo.updateTerm(id, t.name, t.start, t.end);
        ctx.audit({ action: 'terms.update', entity: 'term', entityId: id, detail: { from: before, to: t } });
        return repo.term(id)!;
      });
    },

    removeTerm(id: number, ctx: CallContext): void {
      write(db, () => {
        const before = repo.term(id);
        if (!before) throw new AppError('terms.notFound');
        repo.deleteTerm(id);
        ctx.audit({ action: 'terms.remove', entity: 'term', entityId: id, detail: before });
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
