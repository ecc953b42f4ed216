import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { Child, ChildListItem, Contact, ContactFields, MissingField } from '../../../shared/domain/child.js';
import type { KioskChild } from '../../../shared/domain/attendance.js';
import type { LunarDate } from '../../../shared/domain/birthdays.js';
import { kioskTiles } from '../../../shared/domain/kioskNames.js';

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
  fatherSituation: string;
  motherSituation: string;
  category: string;
  /** The stored day: the birth date, or the month's first day when only the month is known (`birthMonthOnly` 1). */
  birthDay: string | null;
  birthMonthOnly: 0 | 1;
  pupilNo: string;
  idNumber: string | null;
  address: string;
  mentorId: number | null;
  notes: string;
  searchFull: string;
  searchInitials: string;
  missing: string;
}

export interface ListFilter {
  q: { text: string; han: boolean } | null;
  grade: number | null;
  classNo: number | null;
  awayParents: string | null;
  category: string | null;
  status: 'active' | 'left' | 'all';
  incomplete: boolean;
  limit: number;
}

/** A birth date as handed out: `YYYY-MM` when only the month is known, never the stored first day. */
const BIRTH = (p: string) => `CASE WHEN ${p}birth_month_only = 1 THEN substr(${p}birth_date, 1, 7) ELSE ${p}birth_date END`;

const CHILD_COLUMNS = `c.id, c.name, c.gender, ${BIRTH('c.')} AS birthDate, c.lunar_month AS lunarMonth, c.lunar_day AS lunarDay,
  c.lunar_leap AS lunarLeap, c.grade, c.class_no AS classNo, c.status, c.left_date AS leftDate, c.left_reason AS leftReason,
  c.away_parents AS awayParents, c.father_situation AS fatherSituation, c.mother_situation AS motherSituation,
  c.category, c.pupil_no AS pupilNo, c.id_number AS idNumber, c.address, c.mentor_id AS mentorId, t.name AS mentorName, c.notes, c.card_code AS cardCode,
  c.missing, c.created_at AS createdAt, c.updated_at AS updatedAt`;

// JSON columns this repo writes itself, read back as written.
const readPhones = (json: string) => JSON.parse(json) as string[];
const readMissing = (json: string) => JSON.parse(json) as MissingField[];

/** A lunar birthday as stored: three columns, month and day null when the child has none. */
interface LunarColumns {
  lunarMonth: number | null;
  lunarDay: number | null;
  lunarLeap: number;
}
const lunarBirthdayOf = (r: LunarColumns): LunarDate | null =>
  r.lunarMonth !== null && r.lunarDay !== null ? { month: r.lunarMonth, day: r.lunarDay, leap: r.lunarLeap === 1 } : null;

type RawChild = Omit<Child, 'lunarBirthday' | 'contacts' | 'missing'> & LunarColumns & { missing: string };
type RawContact = Omit<Contact, 'phones' | 'livesWith'> & { phones: string; livesWith: number };
type RawParent = { childId: number; role: 'father' | 'mother'; name: string; phones: string; workPlace: string };
type RawListItem = Omit<ChildListItem, 'missing' | 'guardianPhone'> & { missing: string; guardianPhones: string | null };
const toListItem = ({ missing, guardianPhones, ...r }: RawListItem): ChildListItem => ({
  ...r,
  missing: readMissing(missing),
  guardianPhone: guardianPhones ? (readPhones(guardianPhones)[0] ?? null) : null,
});

/** What signing in, logging a call, lending or signing up needs to know of a child. */
export interface ChildBrief {
  id: number;
  name: string;
  grade: number;
  classNo: number;
  status: Child['status'];
  awayParents: Child['awayParents'];
  category: Child['category'];
  birthDate: string | null;
  lunar: LunarDate | null;
}
/** A brief's columns, for a statement that reads it with other tables (`p`: the children table's alias and a dot). */
export const briefColumns = (p: string) => `${p}id, ${p}name, ${p}grade, ${p}class_no AS classNo, ${p}status, ${p}away_parents AS awayParents,
  ${p}category, ${BIRTH(p)} AS birthDate, ${p}lunar_month AS lunarMonth, ${p}lunar_day AS lunarDay, ${p}lunar_leap AS lunarLeap`;
const BRIEF = briefColumns('');
export type RawBrief = Omit<ChildBrief, 'lunar'> & LunarColumns;
export const toBrief = ({ lunarMonth, lunarDay, lunarLeap, ...r }: RawBrief): ChildBrief => ({
  ...r,
  lunar: lunarBirthdayOf({ lunarMonth, lunarDay, lunarLeap }),
});

/** What a birthday list needs of a child. */
export type BirthdayChild = Pick<ChildBrief, 'id' | 'name' | 'grade' | 'classNo' | 'birthDate' | 'lunar'>;
type RawBirthday = Omit<BirthdayChild, 'lunar'> & LunarColumns;
const ALL_MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const ALL_DAYS = ALL_MONTHS.flatMap((m) => Array.from({ length: 31 }, (_, d) => `${m}-${String(d + 1).padStart(2, '0')}`));

// Only what the kiosk may show: a name, a class, in or out (an open visit). Active children only.
const KIOSK = `SELECT c.id, c.name, c.grade, c.class_no AS classNo,
    (SELECT max(v.in_at) FROM visits v WHERE v.child_id = c.id AND v.out_at IS NULL) AS since
  FROM children c WHERE c.status = 'active'`;
type RawKiosk = Omit<KioskChild, 'calledName' | 'label' | 'state'>;
/** Tiles labelled and (for a class) sorted the way a child looks for them (shared/domain/kioskNames.ts). */
const toKiosk = (rows: RawKiosk[], sort: boolean): KioskChild[] =>
  kioskTiles(rows, { sort }).map((r) => ({
    id: r.id,
    name: r.name,
    calledName: r.calledName,
    label: r.label,
    grade: r.grade,
    classNo: r.classNo,
    state: r.since !== null ? 'in' : 'out',
    since: r.since,
  }));

type InsertRow = ChildRow & { cardCode: string; now: number };
type UpdateRow = ChildRow & { now: number; id: number };
interface ListParams {
  status: ListFilter['status'];
  grade: number | null;
  classNo: number | null;
  away: string | null;
  category: string | null;
  incomplete: 0 | 1;
  q: string | null;
  han: 0 | 1;
  limit: number;
}

/** The `children` and `contacts` tables: other domains read a child through these methods. */
function buildChildrenRepo(db: Db) {
  const insert = db.prepare<InsertRow>(`
    INSERT INTO children (name, gender, birth_date, birth_month_only, lunar_month, lunar_day, lunar_leap, grade, class_no, away_parents,
      father_situation, mother_situation, category, pupil_no, id_number,
      address, mentor_id, notes, card_code, search_full, search_initials, missing, created_at, updated_at)
    VALUES (@name, @gender, @birthDay, @birthMonthOnly, @lunarMonth, @lunarDay, @lunarLeap, @grade, @classNo, @awayParents,
      @fatherSituation, @motherSituation, @category, @pupilNo, @idNumber,
      @address, @mentorId, @notes, @cardCode, @searchFull, @searchInitials, @missing, @now, @now)`);
  const update = db.prepare<UpdateRow>(`
    UPDATE children SET name = @name, gender = @gender, birth_date = @birthDay, birth_month_only = @birthMonthOnly,
      lunar_month = @lunarMonth, lunar_day = @lunarDay, lunar_leap = @lunarLeap, grade = @grade, class_no = @classNo,
      away_parents = @awayParents, father_situation = @fatherSituation, mother_situation = @motherSituation,
      category = @category, pupil_no = @pupilNo, id_number = @idNumber,
      address = @address, mentor_id = @mentorId, notes = @notes, search_full = @searchFull,
      search_initials = @searchInitials, missing = @missing, updated_at = @now
    WHERE id = @id`);
  const setStatus = db.prepare<[status: Child['status'], leftDate: string | null, reason: string, now: number, id: number]>(
    'UPDATE children SET status = ?, left_date = ?, left_reason = ?, updated_at = ? WHERE id = ?',
  );
  const remove = db.prepare<[id: number]>('DELETE FROM children WHERE id = ?');
  const one = db.prepare<[id: number], RawChild>(`SELECT ${CHILD_COLUMNS} FROM children c LEFT JOIN teachers t ON t.id = c.mentor_id WHERE c.id = ?`);
  const byCard = db.prepare<[code: string], number>('SELECT id FROM children WHERE card_code = ?').pluck();
  // A month-only date matches the same month; a full date matches itself or its month written alone.
  const byNameBirth = db
    .prepare<{ name: string; birth: string }, number>(
      `SELECT id FROM children WHERE name = @name AND (${BIRTH('')} = @birth
        OR (birth_month_only = 1 AND substr(@birth, 1, 7) = substr(birth_date, 1, 7))
        OR (length(@birth) = 7 AND substr(birth_date, 1, 7) = @birth))`,
    )
    .pluck();
  const byNameClass = db
    .prepare<[name: string, grade: number, classNo: number], number>('SELECT id FROM children WHERE name = ? AND birth_date IS NULL AND grade = ? AND class_no = ?')
    .pluck();
  const brief = db.prepare<[id: number], RawBrief>(`SELECT ${BRIEF} FROM children WHERE id = ?`);
  // The children whose birthday may fall on one of these days: born on one of these month-days ("MM-DD"), born in
  // one of these months when only the month is known ("MM"), or keeping a lunar birthday (any solar day).
  const birthdayCandidates = db.prepare<{ days: string; months: string }, RawBirthday>(
    `SELECT id, name, grade, class_no AS classNo, ${BIRTH('')} AS birthDate, lunar_month AS lunarMonth, lunar_day AS lunarDay,
       lunar_leap AS lunarLeap
     FROM children WHERE status = 'active'
       AND (lunar_month IS NOT NULL
         OR (birth_month_only = 0 AND substr(birth_date, 6, 5) IN (SELECT value FROM json_each(@days)))
         OR (birth_month_only = 1 AND substr(birth_date, 6, 2) IN (SELECT value FROM json_each(@months))))
     ORDER BY grade, class_no, search_full`,
  );
  const noBirthDate = db
    .prepare<[], number>("SELECT count(*) FROM children WHERE status = 'active' AND birth_date IS NULL AND (lunar_month IS NULL OR lunar_day IS NULL)")
    .pluck();
  const kioskClasses = db.prepare<[], { grade: number; classNo: number }>(
    "SELECT DISTINCT grade, class_no AS classNo FROM children WHERE status = 'active' ORDER BY grade, class_no",
  );
  const kioskOfClass = db.prepare<[grade: number, classNo: number], RawKiosk>(`${KIOSK} AND c.grade = ? AND c.class_no = ? ORDER BY c.search_full`);
  const kioskSearch = db.prepare<{ q: string }, RawKiosk>(
    `${KIOSK} AND (instr(c.search_initials, @q) = 1 OR instr(c.search_full, @q) = 1 OR instr(replace(c.name, '·', ''), @q) = 1)
     ORDER BY c.search_initials = @q DESC, c.grade, c.class_no, c.search_full LIMIT 12`,
  );
  const kioskByCard = db.prepare<[code: string], RawKiosk>(`${KIOSK} AND c.card_code = ?`);
  const contactOf = db.prepare<[id: number, childId: number], Pick<Contact, 'role' | 'name'>>(
    'SELECT role, name FROM contacts WHERE id = ? AND child_id = ?',
  );
  const parentsOf = db.prepare<[childIds: string], RawParent>(`
    SELECT child_id AS childId, role, name, phones, work_place AS workPlace FROM contacts
    WHERE child_id IN (SELECT value FROM json_each(?)) AND role IN ('father', 'mother') ORDER BY child_id, position`);
  const clearIds = db.prepare<[]>('UPDATE children SET id_number = NULL WHERE id_number IS NOT NULL');
  const leftBehind = db.prepare<[], number>("SELECT count(*) FROM children WHERE status = 'active' AND away_parents <> 'none'").pluck();
  const contactsOf = db.prepare<[childId: number], RawContact>(`
    SELECT id, role, name, relation, phones, work_place AS workPlace, lives_with AS livesWith
    FROM contacts WHERE child_id = ? ORDER BY position`);
  const contactIds = db.prepare<[childId: number], number>('SELECT id FROM contacts WHERE child_id = ?').pluck();
  const dropContact = db.prepare<[id: number]>('DELETE FROM contacts WHERE id = ?');
  // Negative positions first, so reordering never trips UNIQUE (child_id, position) half-way.
  const parkContacts = db.prepare<[childId: number]>('UPDATE contacts SET position = -1 - position WHERE child_id = ?');
  const updateContact = db.prepare<
    [position: number, role: string, name: string, relation: string | null, phones: string, workPlace: string, livesWith: 0 | 1, id: number]
  >('UPDATE contacts SET position = ?, role = ?, name = ?, relation = ?, phones = ?, work_place = ?, lives_with = ? WHERE id = ?');
  const insertContact = db.prepare<
    [childId: number, position: number, role: string, name: string, relation: string | null, phones: string, workPlace: string, livesWith: 0 | 1]
  >(`
    INSERT INTO contacts (child_id, position, role, name, relation, phones, work_place, lives_with)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  // The matching children are found and put in order first; the guardian and the same-name count are then
  // read for the ones listed only (a picker asks for 20 of a letter's 400).
  const list = db.prepare<ListParams, RawListItem>(`
    WITH hit AS (
      SELECT c.id FROM children c
      WHERE (@status = 'all' OR c.status = @status)
        AND (@grade IS NULL OR c.grade = @grade)
        AND (@classNo IS NULL OR c.class_no = @classNo)
        AND (@away IS NULL OR c.away_parents = @away)
        AND (@category IS NULL OR c.category = @category)
        AND (@incomplete = 0 OR c.missing <> '[]')
        AND (@q IS NULL
          OR (@han = 1 AND instr(replace(c.name, '·', ''), @q) > 0)
          OR (@han = 0 AND (instr(c.search_initials, @q) = 1 OR instr(c.search_full, @q) > 0)))
      ORDER BY c.grade, c.class_no, c.search_full, c.id
      LIMIT @limit)
    SELECT c.id, c.name, c.gender, ${BIRTH('c.')} AS birthDate, c.grade, c.class_no AS classNo, c.status,
      c.away_parents AS awayParents, c.category, c.missing, c.search_full AS searchFull, c.search_initials AS searchInitials,
      g.name AS guardianName, g.phones AS guardianPhones,
      (SELECT count(*) FROM children s WHERE s.name = c.name) AS sameName
    FROM hit
    JOIN children c ON c.id = hit.id
    LEFT JOIN contacts g ON g.id = (
      SELECT id FROM contacts WHERE child_id = c.id AND (role = 'guardian' OR (role IN ('father', 'mother') AND lives_with = 1))
      ORDER BY role = 'guardian' DESC, lives_with DESC, position LIMIT 1)
    ORDER BY c.grade, c.class_no, c.search_full, c.id`);
  const classes = db.prepare<[], { grade: number; classNo: number; children: number }>(`
    SELECT grade, class_no AS classNo, count(*) AS children FROM children WHERE status = 'active'
    GROUP BY grade, class_no ORDER BY grade, class_no`);
  const missingCounts = db.prepare<[], { field: MissingField; n: number }>(`
    SELECT j.value AS field, count(*) AS n FROM children c, json_each(c.missing) j
    WHERE c.status = 'active' GROUP BY j.value`);
  const completeness = db.prepare<[], { grade: number; total: number; complete: number }>(`
    SELECT grade, count(*) AS total, sum(missing = '[]') AS complete FROM children WHERE status = 'active'
    GROUP BY grade ORDER BY grade`);

  function contacts(childId: number): Contact[] {
    return contactsOf.all(childId).map((r) => ({
      ...r,
      phones: readPhones(r.phones),
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
      birthDate ? byNameBirth.get({ name, birth: birthDate }) : byNameClass.get(name, grade, classNo),
    /**
     * Writes the record's contacts in this order: a row sent with one of this child's contact ids is updated
     * in place (calls and open dialogs keep pointing at it), others are added, the ones not sent are removed.
     */
    saveContacts(childId: number, list: readonly ContactFields[]): void {
      const existing = new Set(contactIds.all(childId));
      const kept = new Set<number>();
      for (const c of list) if (c.id !== null && existing.has(c.id)) kept.add(c.id);
      for (const old of existing) if (!kept.has(old)) dropContact.run(old);
      parkContacts.run(childId);
      const placed = new Set<number>();
      list.forEach((c, i) => {
        const fields = [c.role, c.name, c.relation, JSON.stringify(c.phones), c.workPlace, c.livesWith ? 1 : 0] as const;
        if (c.id !== null && kept.has(c.id) && !placed.has(c.id)) {
          placed.add(c.id);
          updateContact.run(i, ...fields, c.id);
        } else {
          insertContact.run(childId, i, ...fields);
        }
      });
    },
    get(id: number): Child | undefined {
      const r = one.get(id);
      if (!r) return undefined;
      const { lunarMonth, lunarDay, lunarLeap, missing, ...rest } = r;
      return {
        ...rest,
        lunarBirthday: lunarBirthdayOf({ lunarMonth, lunarDay, lunarLeap }),
        contacts: contacts(id),
        missing: readMissing(missing),
      };
    },
    /** Name, class, status and birthday of one child, or undefined when there is no such child. */
    brief: (id: number) => {
      const r = brief.get(id);
      return r ? toBrief(r) : undefined;
    },
    /**
     * The active children whose birthday may fall on these month-days ("MM-DD") or, for a birth month only, in
     * these months ("MM"); with every lunar birthday. A superset that the birthday rules then narrow
     * (shared/domain/birthdays.ts); `null` asks for every active child.
     */
    birthdayCandidates: (days: readonly string[] | null, months: readonly string[] | null): BirthdayChild[] =>
      birthdayCandidates
        .all({ days: JSON.stringify(days ?? ALL_DAYS), months: JSON.stringify(months ?? ALL_MONTHS) })
        .map(({ lunarMonth, lunarDay, lunarLeap, ...r }) => ({ ...r, lunar: lunarBirthdayOf({ lunarMonth, lunarDay, lunarLeap }) })),
    /** Active children with neither a birth date nor a lunar birthday. */
    noBirthDateCount: () => noBirthDate.get() ?? 0,
    kioskClasses: () => kioskClasses.all(),
    kioskOfClass: (grade: number, classNo: number) => toKiosk(kioskOfClass.all(grade, classNo), true),
    /** Up to 12 active children whose initials, pinyin or name start with `q` (already normalized). */
    kioskSearch: (q: string) => toKiosk(kioskSearch.all({ q }), false),
    kioskByCard: (code: string) => {
      const r = kioskByCard.get(code);
      return r ? toKiosk([r], false)[0] : undefined;
    },
    /** One of the child's contacts (undefined when it is not theirs). */
    contactOf: (contactId: number, childId: number) => contactOf.get(contactId, childId),
    /** The fathers and mothers of these children, in each record's order. */
    parentsOf: (childIds: readonly number[]) =>
      parentsOf.all(JSON.stringify(childIds)).map((p) => ({ ...p, phones: readPhones(p.phones) })),
    /** Forgets every stored 身份证号 (the setting was turned off); how many records had one. */
    clearIdNumbers: () => clearIds.run().changes,
    /** Active children with a parent away: whom the monthly call target counts. */
    leftBehindCount: () => Number(leftBehind.get()),
    list(f: ListFilter): ChildListItem[] {
      return list.all({
        status: f.status,
        grade: f.grade,
        classNo: f.classNo,
        away: f.awayParents,
        category: f.category,
        incomplete: f.incomplete ? 1 : 0,
        q: f.q?.text ?? null,
        han: f.q?.han ? 1 : 0,
        limit: f.limit,
      }).map(toListItem);
    },
    classes: () => classes.all(),
    missingCounts: () => missingCounts.all(),
    completenessByGrade: () => completeness.all(),
    /** The child whose card carries this (already cleaned) code. */
    idOfCard: (code: string): number | undefined => byCard.get(code),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createChildrenRepo = oncePerDb(buildChildrenRepo);
export type ChildrenRepo = ReturnType<typeof buildChildrenRepo>;
