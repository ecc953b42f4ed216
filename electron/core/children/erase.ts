import type { Db } from '../db/open.js';
import { forgetChildInSnapshots } from '../summary/forget.js';
import { createEraseRepo } from './erase.repo.js';

/** Who is erased: the id with the card code, so a backup of another database never loses a namesake. */
export interface ErasedChild {
  id: number;
  cardCode: string;
}

/**
 * The one definition of deleting a child from a database of ours, live or backup: the record, everything
 * keyed to it, and the name in saved term summaries (their counts stay). The caller holds the write
 * transaction. False when this database does not hold the child.
 */
export function eraseChild(db: Db, who: ErasedChild): boolean {
  const repo = createEraseRepo(db);
  // The name as this database has it: a backup may hold the name from before an edit.
  const name = repo.nameOf(who.id, who.cardCode);
  if (name === undefined) return false;
  repo.remove(who.id);
  if (repo.hasTable('summary_snapshots')) forgetChildInSnapshots(db, who.id, name);
  return true;
}
