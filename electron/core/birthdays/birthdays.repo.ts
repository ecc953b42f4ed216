import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { GroupBirthday } from '../../../shared/api/birthdays.js';

/** A month's group birthday as written: the children it celebrated are kept as a JSON list of ids. */
export interface PartyRow {
  month: string;
  heldOn: string;
  children: readonly number[];
  note: string;
  teacherId: number | null;
  now: number;
}

/** The `group_birthdays` table (one group birthday per month). */
function buildBirthdaysRepo(db: Db) {
  const party = db.prepare<[month: string], GroupBirthday>(`
    SELECT g.month, g.held_on AS heldOn, json_array_length(g.children) AS children, g.note, t.name AS teacherName
    FROM group_birthdays g LEFT JOIN teachers t ON t.id = g.teacher_id WHERE g.month = ?`);
  const putParty = db.prepare<Omit<PartyRow, 'children'> & { children: string }>(`
    INSERT INTO group_birthdays (month, held_on, children, note, teacher_id, created_at) VALUES (@month, @heldOn, @children, @note, @teacherId, @now)
    ON CONFLICT (month) DO UPDATE SET held_on = excluded.held_on, children = excluded.children, note = excluded.note,
      teacher_id = excluded.teacher_id`);
  const partiesOf = db.prepare<[childId: number], { month: string; heldOn: string }>(`
    SELECT g.month, g.held_on AS heldOn FROM group_birthdays g
    WHERE EXISTS (SELECT 1 FROM json_each(g.children) j WHERE j.value = ?) ORDER BY g.month`);

  return {
    party: (month: string) => party.get(month),
    /** The group birthdays that celebrated this child (a child's whole file lists them). */
    partiesOf: (childId: number) => partiesOf.all(childId),
    /** Records the month's group birthday, or replaces it when it was recorded before. */
    putParty: (p: PartyRow) => putParty.run({ ...p, children: JSON.stringify(p.children) }),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createBirthdaysRepo = oncePerDb(buildBirthdaysRepo);
export type BirthdaysRepo = ReturnType<typeof buildBirthdaysRepo>;
