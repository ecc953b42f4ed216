import { AppError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createCategoriesRepo, type CategoryRow, type CategoryTables } from './categories.repo.js';

/** One kind of category: where it lives, and the domain whose error codes and audit actions it uses. */
export interface CategoryKind<K extends string> extends CategoryTables<K> {
  domain: 'library' | 'events';
  /** The audit rows' entity. */
  entity: 'category' | 'eventCategory';
}

/**
 * Categories the room edits (books, events): add, rename (a built-in one becomes the room's own), refuse a
 * name taken, remove only one nothing uses. Every change is audited. Each returns the list as it is then.
 */
export function createCategoriesService<K extends string>(db: Db, kind: CategoryKind<K>) {
  const repo = createCategoriesRepo(db, kind);
  const { domain, entity } = kind;

  return {
    list: (): CategoryRow<K>[] => repo.list(),
    exists: (id: number) => repo.one(id) !== undefined,

    save(id: number | null | undefined, name: string, ctx: CallContext): CategoryRow<K>[] {
      return write(db, () => {
        if (repo.named(name, id ?? null) !== undefined) throw new AppError(`${domain}.duplicateCategory`, { name });
        if (id) {
          const before = repo.one(id);
          if (!before) throw new AppError(`${domain}.categoryNotFound`);
          repo.rename(id, name);
          ctx.audit({ action: `${domain}.category`, entity, entityId: id, detail: { name: { from: before.name, to: name } } });
        } else {
          const newId = repo.insert(name);
          ctx.audit({ action: `${domain}.category`, entity, entityId: newId, detail: { name } });
        }
        return repo.list();
      });
    },

    remove(id: number, ctx: CallContext): CategoryRow<K>[] {
      return write(db, () => {
        const c = repo.one(id);
        if (!c) throw new AppError(`${domain}.categoryNotFound`);
        if (c.used > 0) throw new AppError(`${domain}.categoryInUse`, { [kind.usedBy]: c.used });
        repo.remove(id);
        ctx.audit({ action: `${domain}.categoryRemove`, entity, entityId: id, detail: { name: c.name } });
        return repo.list();
      });
    },
  };
}

export type CategoriesService<K extends string> = ReturnType<typeof createCategoriesService<K>>;
