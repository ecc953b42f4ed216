import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { Pairing, PairingRole, Person, PersonKind } from '../../../shared/domain/care.js';

const PAIRING = `p.id, p.child_id AS childId, c.name AS childName, c.grade, c.class_no AS classNo, p.role,
  p.teacher_id AS teacherId, p.person_id AS personId, p.peer_id AS peerId,
  coalesce(t.name, cp.name, pc.name, '') AS mentorName, coalesce(nullif(t.phone, ''), cp.phone, '') AS mentorPhone,
  p.from_day AS fromDay, p.to_day AS toDay, p.end_reason AS endReason`;
const PAIRING_FROM = `pairings p JOIN children c ON c.id = p.child_id LEFT JOIN teachers t ON t.id = p.teacher_id
  LEFT JOIN care_people cp ON cp.id = p.person_id LEFT JOIN children pc ON pc.id = p.peer_id`;
const ORDER = 'ORDER BY c.grade, c.class_no, c.search_full, p.from_day, p.id';
/** A pairing is current on `day` when it began by then and has not ended before it. */
const CURRENT = "p.from_day <= @today AND (p.to_day IS NULL OR p.to_day >= @today)";

type RawPerson = Omit<Person, 'active'> & { active: number };

export interface PairRow {
  childId: number;
  role: PairingRole;
  teacherId: number | null;
  personId: number | null;
  peerId: number | null;
  fromDay: string;
  now: number;
}

/** Volunteers and the pairings of children with their mentors (care_people, pairings). */
function buildCareRepo(db: Db) {
  const people = db.prepare<{ today: string }, RawPerson>(`
    SELECT cp.id, cp.name, cp.phone, cp.kind, cp.note, cp.active,
      (SELECT count(*) FROM pairings p WHERE p.person_id = cp.id AND ${CURRENT}) AS children
    FROM care_people cp ORDER BY cp.active DESC, cp.name`);
  const person = db.prepare<{ id: number; today: string }, RawPerson>(`
    SELECT cp.id, cp.name, cp.phone, cp.kind, cp.note, cp.active,
      (SELECT count(*) FROM pairings p WHERE p.person_id = cp.id AND ${CURRENT}) AS children
    FROM care_people cp WHERE cp.id = @id`);
  const insertPerson = db
    .prepare<{ name: string; phone: string; kind: PersonKind; note: string; active: number; now: number }, number>(
      'INSERT INTO care_people (name, phone, kind, note, active, created_at) VALUES (@name, @phone, @kind, @note, @active, @now) RETURNING id',
    )
    .pluck();
  const updatePerson = db.prepare<{ id: number; name: string; phone: string; kind: PersonKind; note: string; active: number }>(
    'UPDATE care_people SET name = @name, phone = @phone, kind = @kind, note = @note, active = @active WHERE id = @id',
  );

  const insertPairing = db
    .prepare<PairRow, number>(`
    INSERT INTO pairings (child_id, role, teacher_id, person_id, peer_id, from_day, created_at)
    VALUES (@childId, @role, @teacherId, @personId, @peerId, @fromDay, @now) RETURNING id`)
    .pluck();
  const endPairing = db.prepare<{ id: number; toDay: string; reason: string }>('UPDATE pairings SET to_day = @toDay, end_reason = @reason WHERE id = @id');
  const pairing = db.prepare<[id: number], Pairing>(`SELECT ${PAIRING} FROM ${PAIRING_FROM} WHERE p.id = ?`);
  const current = db.prepare<{ today: string }, Pairing>(`SELECT ${PAIRING} FROM ${PAIRING_FROM} WHERE ${CURRENT} AND c.status = 'active' ${ORDER}`);
  const all = db.prepare<[], Pairing>(`SELECT ${PAIRING} FROM ${PAIRING_FROM} ${ORDER}`);
  const ofChild = db.prepare<[childId: number], Pairing>(`SELECT ${PAIRING} FROM ${PAIRING_FROM} WHERE p.child_id = ? ORDER BY p.to_day IS NOT NULL, p.from_day DESC, p.id DESC`);
  const ofTeacher = db.prepare<{ teacherId: number; today: string }, Pairing>(
    `SELECT ${PAIRING} FROM ${PAIRING_FROM} WHERE p.teacher_id = @teacherId AND ${CURRENT} AND c.status = 'active' ${ORDER}`,
  );
  // The same mentor paired with the same child, open on or after the new pairing's first day.
  const sameOpen = db
    .prepare<PairRow, number>(`
    SELECT id FROM pairings WHERE child_id = @childId AND role = @role
      AND teacher_id IS @teacherId AND person_id IS @personId AND peer_id IS @peerId
      AND (to_day IS NULL OR to_day >= @fromDay) LIMIT 1`)
    .pluck();
  const isMentor = db
    .prepare<{ teacherId: number; childId: number; today: string }, number>(
      `SELECT count(*) FROM pairings p WHERE p.teacher_id = @teacherId AND p.child_id = @childId AND ${CURRENT}`,
    )
    .pluck();
  const teacherActive = db.prepare<[id: number], number>('SELECT active FROM teachers WHERE id = ?').pluck();
  const teacherNames = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM teachers');

  const toPerson = (r: RawPerson): Person => ({ ...r, active: r.active === 1 });
  return {
    people: (today: string) => people.all({ today }).map(toPerson),
    person: (id: number, today: string) => {
      const r = person.get({ id, today });
      return r ? toPerson(r) : undefined;
    },
    insertPerson: (p: { name: string; phone: string; kind: PersonKind; note: string; active: boolean }, now: number) =>
      Number(insertPerson.get({ ...p, active: p.active ? 1 : 0, now })),
    updatePerson: (id: number, p: { name: string; phone: string; kind: PersonKind; note: string; active: boolean }) =>
      updatePerson.run({ id, ...p, active: p.active ? 1 : 0 }).changes,
    insertPairing: (r: PairRow) => Number(insertPairing.get(r)),
    endPairing: (id: number, toDay: string, reason: string) => endPairing.run({ id, toDay, reason }).changes,
    pairing: (id: number) => pairing.get(id),
    current: (today: string) => current.all({ today }),
    all: () => all.all(),
    ofChild: (childId: number) => ofChild.all(childId),
    ofTeacher: (teacherId: number, today: string) => ofTeacher.all({ teacherId, today }),
    sameOpen: (r: PairRow) => sameOpen.get(r),
    /** The teacher is one of the child's mentors on `today`. */
    isMentor: (teacherId: number, childId: number, today: string) => isMentor.get({ teacherId, childId, today })! > 0,
    /** 1 active, 0 inactive, undefined no such teacher. */
    teacherActive: (id: number) => teacherActive.get(id),
    teacherNames: () => new Map(teacherNames.all().map((t) => [t.id, t.name])),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createCareRepo = oncePerDb(buildCareRepo);
export type CareRepo = ReturnType<typeof buildCareRepo>;
