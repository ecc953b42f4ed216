import type { Db } from '../db/open.js';
import type { Child, ChildListItem, Contact, ContactFields, MissingField } from '../../../shared/domain/child.js';

export interface ChildRow {
  name: string;
  gender: string | null;
  birthDate: string | null;
  lunarMonth: number | null;
  lunarDay: number | null;
  lunarLeap: number;
  grade: number;
  classNo: number;
  awayParents: string;
  address: string;
  mentorId: number | null;
  notes: string;
  searchFull: string;
  searchInitials: string;
  missing: string;
}

export interface ChildBrief {
  id: number;
  name: string;
  grade: number;
  classNo: number;
  status: 'active' | 'left';
  awayParents: 'father' | 'mother' | 'both' | 'none';
}

export interface ListFilter {
  q: { text: string; han: boolean } | null;
  grade: number | null;
  classNo: number | null;
  awayParents: string | null;
  status: 'active' | 'left' | 'all';
  incomplete: boolean;
  limit: number;
}

const CHILD_COLUMNS = `c.id, c.name, c.gender, c.birth_date AS birthDate, c.lunar_month AS lunarMonth, c.lunar_day AS lunarDay,
  c.lunar_leap AS lunarLeap, c.grade, c.class_no AS classNo, c.status, c.left_date AS leftDate, c.left_reason AS leftReason,
  c.away_parents AS awayParents, c.address, c.mentor_id AS mentorId, t.name AS mentorName, c.notes, c.card_code AS cardCode,
  c.missing, c.created_at AS createdAt, c.updated_at AS updatedAt`;

type RawChild = Omit<Child, 'lunarBirthday' | 'contacts' | 'missing'> & {
  lunarMonth: number | null;
  lunarDay: number | null;
  lunarLeap: number;
  missing: string;
};
type RawContact = Omit<Contact, 'phones' | 'livesWith'> & { phones: string; livesWith: number };

export function createChildrenRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO children (name, gender, birth_date, lunar_month, lunar_day, lunar_leap, grade, class_no, away_parents,
      address, mentor_id, notes, card_code, search_full, search_initials, missing, created_at, updated_at)
    VALUES (@name, @gender, @birthDate, @lunarMonth, @lunarDay, @lunarLeap, @grade, @classNo, @awayParents,
      @address, @mentorId, @notes, @cardCode, @searchFull, @searchInitials, @missing, @now, @now)`);
  const update = db.prepare(`
    UPDATE children SET name = @name, gender = @gender, birth_date = @birthDate, lunar_month = @lunarMonth,
      lunar_day = @lunarDay, lunar_leap = @lunarLeap, grade = @grade, class_no = @classNo, away_parents = @awayParents,
      address = @address, mentor_id = @mentorId, notes = @notes, search_full = @searchFull,
      search_initials = @searchInitials, missing = @missing, updated_at = @now
    WHERE id = @id`);
  const setStatus = db.prepare(
    'UPDATE children SET status = ?, left_date = ?, left_reason = ?, updated_at = ? WHERE id = ?',
  );
  const remove = db.prepare('DELETE FROM children WHERE id = ?');
  const one = db.prepare(`SELECT ${CHILD_COLUMNS} FROM children c LEFT JOIN teachers t ON t.id = c.mentor_id WHERE c.id = ?`);
  const byCard = db.prepare('SELECT id FROM children WHERE card_code = ?').pluck();
  const byNameBirth = db.prepare('SELECT id FROM children WHERE name = ? AND birth_date = ?').pluck();
  const byNameClass = db
    .prepare('SELECT id FROM children WHERE name = ? AND birth_date IS NULL AND grade = ? AND class_no = ?')
    .pluck();
  const contactsOf = db.prepare(`
    SELECT id, role, name, relation, phones, work_place AS workPlace, lives_with AS livesWith
    FROM contacts WHERE child_id = ? ORDER BY position`);
  const clearContacts = db.prepare('DELETE FROM contacts WHERE child_id = ?');
  const insertContact = db.prepare(`
    INSERT INTO contacts (child_id, position, role, name, relation, phones, work_place, lives_with)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const list = db.prepare(`
    SELECT c.id, c.name, c.gender, c.birth_date AS birthDate, c.grade, c.class_no AS classNo, c.status,
      c.away_parents AS awayParents, c.missing,
      g.name AS guardianName, g.phones AS guardianPhones,
      (SELECT count(*) FROM children s WHERE s.name = c.name) AS sameName
    FROM children c
    LEFT JOIN contacts g ON g.id = (
      SELECT id FROM contacts WHERE child_id = c.id AND (role = 'guardian' OR (role IN ('father', 'mother') AND lives_with = 1))
      ORDER BY role = 'guardian' DESC, lives_with DESC, position LIMIT 1)
    WHERE (@status = 'all' OR c.status = @status)
      AND (@grade IS NULL OR c.grade = @grade)
      AND (@classNo IS NULL OR c.class_no = @classNo)
      AND (@away IS NULL OR c.away_parents = @away)
      AND (@incomplete = 0 OR c.missing <> '[]')
      AND (@q IS NULL
        OR (@han = 1 AND instr(replace(c.name, '·', ''), @q) > 0)
        OR (@han = 0 AND (instr(c.search_initials, @q) = 1 OR instr(c.search_full, @q) > 0)))
    ORDER BY c.grade, c.class_no, c.search_full, c.id
    LIMIT @limit`);
  const classes = db.prepare(`
    SELECT grade, class_no AS classNo, count(*) AS children FROM children WHERE status = 'active'
    GROUP BY grade, class_no ORDER BY grade, class_no`);
  const missingCounts = db.prepare(`
    SELECT j.value AS field, count(*) AS n FROM children c, json_each(c.missing) j
    WHERE c.status = 'active' GROUP BY j.value`);
  const completeness = db.prepare(`
    SELECT grade, count(*) AS total, sum(missing = '[]') AS complete FROM children WHERE status = 'active'
    GROUP BY grade ORDER BY grade`);
  // What other domains need of a child to lend, sign up or look up by card (one owner of the table).
  const brief = db.prepare<[number], ChildBrief>(
    'SELECT id, name, grade, class_no AS classNo, status, away_parents AS awayParents FROM children WHERE id = ?',
  );
  const idOfCard = db.prepare<[string], number>('SELECT id FROM children WHERE card_code = ?').pluck();

  function contacts(childId: number): Contact[] {
    return (contactsOf.all(childId) as RawContact[]).map((r) => ({
      ...r,
      phones: JSON.parse(r.phones) as string[],
      livesWith: r.livesWith === 1,
    }));
  }

  return {
    insert: (row: ChildRow & { cardCode: string; now: number }) => Number(insert.run(row).lastInsertRowid),
    update: (id: number, row: ChildRow & { now: number }) => update.run({ ...row, id }).changes,
    setStatus: (id: number, status: 'active' | 'left', leftDate: string | null, reason: string, now: number) =>
      setStatus.run(status, leftDate, reason, now, id).changes,
    remove: (id: number) => remove.run(id).changes,
    cardTaken: (code: string) => byCard.get(code) !== undefined,
    /** The same child as an import row: same name and birth date, or with no birth date, same name and class. */
    findSame: (name: string, birthDate: string | null, grade: number, classNo: number) =>
      (birthDate ? byNameBirth.get(name, birthDate) : byNameClass.get(name, grade, classNo)) as number | undefined,
    replaceContacts(childId: number, list: readonly ContactFields[]): void {
      clearContacts.run(childId);
      list.forEach((c, i) =>
        insertContact.run(childId, i, c.role, c.name, c.relation, JSON.stringify(c.phones), c.workPlace, c.livesWith ? 1 : 0),
      );
    },
    get(id: number): Child | undefined {
      const r = one.get(id) as RawChild | undefined;
      if (!r) return undefined;
      const { lunarMonth, lunarDay, lunarLeap, missing, ...rest } = r;
      return {
        ...rest,
        lunarBirthday: lunarMonth !== null && lunarDay !== null ? { month: lunarMonth, day: lunarDay, leap: lunarLeap === 1 } : null,
        contacts: contacts(id),
        missing: JSON.parse(missing) as MissingField[],
      };
    },
    list(f: ListFilter): ChildListItem[] {
      const rows = list.all({
        status: f.status,
        grade: f.grade,
        classNo: f.classNo,
        away: f.awayParents,
        incomplete: f.incomplete ? 1 : 0,
        q: f.q?.text ?? null,
        han: f.q?.han ? 1 : 0,
        limit: f.limit,
      }) as (Omit<ChildListItem, 'missing' | 'guardianPhone'> & { missing: string; guardianPhones: string | null })[];
      return rows.map(({ missing, guardianPhones, ...r }) => ({
        ...r,
        missing: JSON.parse(missing) as MissingField[],
        guardianPhone: guardianPhones ? ((JSON.parse(guardianPhones) as string[])[0] ?? null) : null,
      }));
    },
    classes: () => classes.all() as { grade: number; classNo: number; children: number }[],
    missingCounts: () => missingCounts.all() as { field: MissingField; n: number }[],
    completenessByGrade: () => completeness.all() as { grade: number; total: number; complete: number }[],
    /** Name, class, status and who is away: enough for the library and events to check a child. */
    brief: (id: number): ChildBrief | undefined => brief.get(id),
    /** The child whose card carries this (already cleaned) code. */
    idOfCard: (code: string): number | undefined => idOfCard.get(code),
  };
}

export type ChildrenRepo = ReturnType<typeof createChildrenRepo>;
