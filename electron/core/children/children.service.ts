import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { childInput, missingOf, type Child, type ChildFields } from '../../../shared/domain/child.js';
import { checkBirthDate } from '../../../shared/domain/normalize.js';
import { dayOf } from '../../../shared/domain/dates.js';
import { searchKeys } from '../../../shared/domain/search.js';
import { nameQuery } from '../../../shared/domain/match.js';
import { cleanPersonName } from '../../../shared/domain/text.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createChildrenRepo, type ChildRow, type ListFilter } from './children.repo.js';
import { createTeachersRepo } from '../teachers/teachers.repo.js';
import { createLibraryRepo, type LibraryRepo } from '../library/library.repo.js';
import type { ChildRemoved } from '../../../shared/domain/child.js';
import { eraseChild } from './erase.js';
import { createWalCleaner } from './checkpoint.js';
import { removeChildFromBackups } from './scrub.js';
import { birthDay } from '../../../shared/domain/birth.js';
import { categoryOf } from '../../../shared/domain/family.js';
import { createSettingsRepo } from '../settings/settings.repo.js';
import { SETTING } from '../settings/settings.keys.js';

// Crockford base32 without look-alikes: a card code a scanner types and a person can read.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCardCode(): string {
  const bytes = randomBytes(10);
  return 'C' + [...bytes].map((b) => CODE_ALPHABET[b % 32]).join('');
}

const FIELDS_AUDITED = [
  'name',
  'gender',
  'birthDate',
  'lunarBirthday',
  'grade',
  'classNo',
  'awayParents',
  'fatherSituation',
  'motherSituation',
  'pupilNo',
  'idNumber',
  'address',
  'mentorId',
  'notes',
  'contacts',
] as const;

export interface ChildrenOptions {
  /** The backup files a deletion must reach (the vault's `backupFiles()`); none by default. */
  backupFiles?: () => readonly string[];
}

export function createChildrenService(db: Db, options: ChildrenOptions = {}) {
  const repo = createChildrenRepo(db);
  // The core passes the vault's list (every backup it can reach); a service made only to seed data has none.
  const backupFiles = options.backupFiles ?? (() => []);
  const wal = createWalCleaner(db);
  // A delete whose checkpoint a reader blocked until the app stopped may have left data in the -wal file.
  wal.tryNow();
  const teachers = createTeachersRepo(db);
  const settings = createSettingsRepo(db);
  // Only a deletion asks about loans: the library's statements are prepared then, not at every start.
  let library: LibraryRepo | undefined;

  function rowOf(f: ChildFields, now: number): ChildRow {
    const keys = searchKeys(f.name);
    const parents = { father: f.fatherSituation, mother: f.motherSituation };
    return {
      name: f.name,
      gender: f.gender,
      birthDate: f.birthDate,
      birthDay: f.birthDate ? birthDay(f.birthDate) : null,
      birthMonthOnly: f.birthDate && f.birthDate.length === 7 ? 1 : 0,
      fatherSituation: f.fatherSituation,
      motherSituation: f.motherSituation,
      category: categoryOf(parents, f.birthDate, dayOf(now)),
      pupilNo: f.pupilNo,
      // The ID number is kept only when the school chose to (a setting, off by default).
      idNumber: f.idNumber && settings.read(SETTING.keepIdNumbers) ? f.idNumber : null,
      lunarMonth: f.lunarBirthday?.month ?? null,
      lunarDay: f.lunarBirthday?.day ?? null,
      lunarLeap: f.lunarBirthday?.leap ? 1 : 0,
      grade: f.grade,
      classNo: f.classNo,
      awayParents: f.awayParents,
      address: f.address,
      mentorId: f.mentorId,
      notes: f.notes,
      searchFull: keys.full,
      searchInitials: keys.initials,
      missing: JSON.stringify(missingOf(f)),
    };
  }

  /** Rules that need the database or today's date, after the schema has cleaned the fields. */
  function check(f: ChildFields, now: number): void {
    if (f.birthDate) {
      const r = checkBirthDate(f.birthDate, dayOf(now));
      if (!r.ok) throw new AppError('input.invalid', { issues: [{ path: 'birthDate', message: r.issue.message, ...(r.issue.params ? { params: r.issue.params } : {}) }] });
    }
    if (f.mentorId !== null && !teachers.exists(f.mentorId)) {
      throw new AppError('input.invalid', { issues: [{ path: 'mentorId', message: 'invalid' }] });
    }
  }

  function mustGet(id: number): Child {
    const c = repo.get(id);
    if (!c) throw new AppError('children.notFound');
    return c;
  }

  function freshCode(): string {
    for (;;) {
      const code = newCardCode();
      if (!repo.cardTaken(code)) return code;
    }
  }

  /** Inserts one checked child; the caller holds the transaction and writes the audit row. */
  function insert(f: ChildFields, now: number): number {
    const id = repo.insert({ ...rowOf(f, now), cardCode: freshCode(), now });
    repo.saveContacts(id, f.contacts);
    return id;
  }

  return {
    repo,
    check,
    insert,
    get: mustGet,
    list: (f: Omit<ListFilter, 'q'> & { q: string }) => {
      return repo.list({ ...f, q: nameQuery(f.q) });
    },

    create(f: ChildFields, ctx: CallContext): Child {
      check(f, ctx.now);
      return write(db, () => {
        const id = insert(f, ctx.now);
        // No names in the audit: a deleted child's personal data must not survive in the log.
        ctx.audit({ action: 'children.create', entity: 'child', entityId: id });
        return mustGet(id);
      });
    },

    update(id: number, f: ChildFields, ctx: CallContext): Child {
      check(f, ctx.now);
      return write(db, () => {
        const before = mustGet(id);
        const beforeFields = childInput.parse({ ...before, gender: before.gender ?? '', contacts: before.contacts });
        repo.update(id, { ...rowOf(f, ctx.now), now: ctx.now });
        repo.saveContacts(id, f.contacts);
        // A contact's id says which row it is, not what it says: the same contacts sent without ids are no change.
        const same = (k: (typeof FIELDS_AUDITED)[number], v: ChildFields) =>
          JSON.stringify(k === 'contacts' ? v.contacts.map(({ id: _, ...c }) => c) : v[k]);
        const changed = FIELDS_AUDITED.filter((k) => same(k, beforeFields) !== same(k, f));
        ctx.audit({ action: 'children.update', entity: 'child', entityId: id, detail: { fields: changed } });
        return mustGet(id);
      });
    },

    archive(id: number, leftDate: string, reason: string, ctx: CallContext): Child {
      return write(db, () => {
        const c = mustGet(id);
        if (c.status === 'left') throw new AppError('children.alreadyLeft');
        repo.setStatus(id, 'left', leftDate, reason, ctx.now);
        ctx.audit({ action: 'children.archive', entity: 'child', entityId: id, detail: { leftDate } });
        return mustGet(id);
      });
    },

    restore(id: number, ctx: CallContext): Child {
      return write(db, () => {
        mustGet(id);
        repo.setStatus(id, 'active', null, '', ctx.now);
        ctx.audit({ action: 'children.restore', entity: 'child', entityId: id });
        return mustGet(id);
      });
    },

    /**
     * Deletes the child and everything keyed to them (eraseChild); secure_delete zeroes the pages, the
     * checkpoint empties the WAL, and the reachable backups lose the child too. Answers what was cleaned.
     */
    async remove(id: number, confirmName: string, ctx: CallContext): Promise<ChildRemoved> {
      const who = write(db, () => {
        const c = mustGet(id);
        if (c.name !== cleanPersonName(confirmName)) throw new AppError('children.confirmName');
        // A book still at the child's home must come back (or be marked lost) first: deleting would free the copy.
        library ??= createLibraryRepo(db);
        const out = library.openCounts(id, dayOf(ctx.now)).open;
        if (out > 0) throw new AppError('children.hasLoans', { count: out });
        eraseChild(db, { id, cardCode: c.cardCode });
        ctx.audit({ action: 'children.remove', entity: 'child', entityId: id });
        return { id, cardCode: c.cardCode };
      });
      const backups = removeChildFromBackups(backupFiles(), who);
      write(db, () =>
        ctx.audit({
          action: 'children.removeBackups',
          entity: 'child',
          entityId: id,
          detail: { cleaned: backups.cleaned.length, unreachable: backups.unreachable.map((u) => u.reason) },
        }),
      );
      // Last, so the audit row's page leaves the WAL with the rest.
      const fileCleared = await wal.afterDelete();
      return { ok: true, fileCleared, backups };
    },

    completeness() {
      const byGrade = repo.completenessByGrade().map((g) => ({ ...g, rate: g.total === 0 ? 0 : g.complete / g.total }));
      const total = byGrade.reduce((s, g) => s + g.total, 0);
      const complete = byGrade.reduce((s, g) => s + g.complete, 0);
      const byField = Object.fromEntries(repo.missingCounts().map((m) => [m.field, m.n]));
      return { total, complete, rate: total === 0 ? 0 : complete / total, byGrade, byField };
    },
  };
}

export type ChildrenService = ReturnType<typeof createChildrenService>;
