import type { Db } from './open.js';

/**
 * One instance per database of what `build` makes: services of every domain share a repo, so each of its
 * statements is prepared once however many services read through it.
 */
export function oncePerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = build(db);
      made.set(db, value);
    }
    return value;
  };
}
