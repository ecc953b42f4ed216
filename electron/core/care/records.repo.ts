import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { GuardianContact, HomeVisit, Support, Talk, TalkTopic } from '../../../shared/domain/care.js';
import type { guardianHow, meetingKinds, supportKinds, supportSources, visitHow, visitMet } from '../../../shared/domain/care.js';

const CHILD = 'c.name AS childName, c.grade, c.class_no AS classNo';
const TALK = `k.id, k.child_id AS childId, ${CHILD}, k.day, k.teacher_id AS teacherId, k.person_id AS personId,
  coalesce(t.name, cp.name, '') AS byName, k.topics, k.summary, k.follow_up AS followUp, k.follow_up_by AS followUpBy,
  k.follow_up_done AS followUpDone`;
const TALK_FROM = 'talks k JOIN children c ON c.id = k.child_id LEFT JOIN teachers t ON t.id = k.teacher_id LEFT JOIN care_people cp ON cp.id = k.person_id';
type RawTalk = Omit<Talk, 'topics'> & { topics: string };
const toTalk = (r: RawTalk): Talk => ({ ...r, topics: JSON.parse(r.topics) as TalkTopic[] });

const VISIT = `v.id, v.child_id AS childId, ${CHILD}, v.day, v.teachers, v.met, v.how, v.found, v.agreed`;
type RawVisit = Omit<HomeVisit, 'teacherNames'> & { teachers: string };

const GUARDIAN = `g.id, g.child_id AS childId, ${CHILD}, g.day, g.how, g.note`;
const SUPPORT = `s.id, s.child_id AS childId, ${CHILD}, s.day, s.kind, s.amount_fen AS amountFen, s.items, s.source, s.source_name AS sourceName`;

type Writer = { writtenBy: number | null; now: number };

/** Talks, home visits, guardian contacts and meetings, support: the care work's logs. */
function buildRecordsRepo(db: Db) {
  const insertTalk = db
    .prepare<
      { childId: number; day: string; teacherId: number | null; personId: number | null; topics: string; summary: string; followUp: string; followUpBy: string | null } & Writer,
      number
    >(`
    INSERT INTO talks (child_id, day, teacher_id, person_id, topics, summary, follow_up, follow_up_by, written_by, created_at)
    VALUES (@childId, @day, @teacherId, @personId, @topics, @summary, @followUp, @followUpBy, @writtenBy, @now) RETURNING id`)
    .pluck();
  const talk = db.prepare<[id: number], RawTalk>(`SELECT ${TALK} FROM ${TALK_FROM} WHERE k.id = ?`);
  const followUpDone = db.prepare<[day: string, id: number]>('UPDATE talks SET follow_up_done = ? WHERE id = ?');
  const talksBetween = db.prepare<[from: string, to: string], RawTalk>(`SELECT ${TALK} FROM ${TALK_FROM} WHERE k.day BETWEEN ? AND ? ORDER BY k.day DESC, k.id DESC LIMIT 2000`);
  const talksOfChild = db.prepare<[childId: number], RawTalk>(`SELECT ${TALK} FROM ${TALK_FROM} WHERE k.child_id = ? ORDER BY k.day DESC, k.id DESC LIMIT 200`);
  /** Talks by teachers per child in a range (the monthly target). */
  const teacherTalks = db.prepare<[from: string, to: string], { childId: number; n: number }>(
    'SELECT child_id AS childId, count(*) AS n FROM talks INDEXED BY talks_day WHERE day BETWEEN ? AND ? AND teacher_id IS NOT NULL GROUP BY child_id',
  );
  /** Talks by each person with each child in a range (the 爱心妈妈's weekly target). */
  const personTalks = db.prepare<[from: string, to: string], { childId: number; personId: number; n: number }>(
    'SELECT child_id AS childId, person_id AS personId, count(*) AS n FROM talks INDEXED BY talks_day WHERE day BETWEEN ? AND ? AND person_id IS NOT NULL GROUP BY child_id, person_id',
  );
  const openFollowUps = db.prepare<[by: string], RawTalk & { writtenBy: number | null }>(
    `SELECT ${TALK}, k.written_by AS writtenBy FROM ${TALK_FROM} WHERE k.follow_up_by IS NOT NULL AND k.follow_up_done IS NULL AND k.follow_up_by <= ? AND c.status = 'active' ORDER BY k.follow_up_by`,
  );
  const lastTalk = db.prepare<[childId: number], string | null>('SELECT max(day) FROM talks WHERE child_id = ?').pluck();

  const insertVisit = db
    .prepare<{ childId: number; day: string; teachers: string; met: (typeof visitMet)[number]; how: (typeof visitHow)[number]; found: string; agreed: string } & Writer, number>(`
    INSERT INTO home_visits (child_id, day, teachers, met, how, found, agreed, written_by, created_at)
    VALUES (@childId, @day, @teachers, @met, @how, @found, @agreed, @writtenBy, @now) RETURNING id`)
    .pluck();
  const visit = db.prepare<[id: number], RawVisit>(`SELECT ${VISIT} FROM home_visits v JOIN children c ON c.id = v.child_id WHERE v.id = ?`);
  const visitsBetween = db.prepare<[from: string, to: string], RawVisit>(
    `SELECT ${VISIT} FROM home_visits v JOIN children c ON c.id = v.child_id WHERE v.day BETWEEN ? AND ? ORDER BY v.day DESC, v.id DESC LIMIT 2000`,
  );
  const visitsOfChild = db.prepare<[childId: number], RawVisit>(`SELECT ${VISIT} FROM home_visits v JOIN children c ON c.id = v.child_id WHERE v.child_id = ? ORDER BY v.day DESC LIMIT 100`);
  const visitCounts = db.prepare<[from: string, to: string], { childId: number; n: number }>(
    'SELECT child_id AS childId, count(*) AS n FROM home_visits INDEXED BY home_visits_day WHERE day BETWEEN ? AND ? GROUP BY child_id',
  );
  const lastVisit = db.prepare<[childId: number], string | null>('SELECT max(day) FROM home_visits WHERE child_id = ?').pluck();

  const insertGuardian = db
    .prepare<{ childId: number; day: string; how: (typeof guardianHow)[number]; note: string } & Writer, number>(`
    INSERT INTO guardian_contacts (child_id, day, how, note, written_by, created_at) VALUES (@childId, @day, @how, @note, @writtenBy, @now) RETURNING id`)
    .pluck();
  const guardian = db.prepare<[id: number], GuardianContact>(`SELECT ${GUARDIAN} FROM guardian_contacts g JOIN children c ON c.id = g.child_id WHERE g.id = ?`);
  const guardiansBetween = db.prepare<[from: string, to: string], GuardianContact>(
    `SELECT ${GUARDIAN} FROM guardian_contacts g JOIN children c ON c.id = g.child_id WHERE g.day BETWEEN ? AND ? ORDER BY g.day DESC, g.id DESC LIMIT 2000`,
  );
  const guardianCounts = db.prepare<[from: string, to: string], { childId: number; n: number }>(
    'SELECT child_id AS childId, count(*) AS n FROM guardian_contacts INDEXED BY guardian_contacts_day WHERE day BETWEEN ? AND ? GROUP BY child_id',
  );

  const insertMeeting = db
    .prepare<{ day: string; kind: (typeof meetingKinds)[number]; title: string } & Writer, number>(
      'INSERT INTO guardian_meetings (day, kind, title, written_by, created_at) VALUES (@day, @kind, @title, @writtenBy, @now) RETURNING id',
    )
    .pluck();
  const attend = db.prepare<[meetingId: number, childId: number]>('INSERT OR IGNORE INTO guardian_attendance (meeting_id, child_id) VALUES (?, ?)');
  const meetingsBetween = db.prepare<[from: string, to: string], { id: number; day: string; kind: (typeof meetingKinds)[number]; title: string; childIds: string }>(`
    SELECT m.id, m.day, m.kind, m.title, (SELECT json_group_array(a.child_id) FROM guardian_attendance a WHERE a.meeting_id = m.id) AS childIds
    FROM guardian_meetings m WHERE m.day BETWEEN ? AND ? ORDER BY m.day DESC, m.id DESC`);

  const insertSupport = db
    .prepare<
      { childId: number; day: string; kind: (typeof supportKinds)[number]; amountFen: number; items: string; source: (typeof supportSources)[number]; sourceName: string } & Writer,
      number
    >(`
    INSERT INTO support (child_id, day, kind, amount_fen, items, source, source_name, written_by, created_at)
    VALUES (@childId, @day, @kind, @amountFen, @items, @source, @sourceName, @writtenBy, @now) RETURNING id`)
    .pluck();
  const supportOne = db.prepare<[id: number], Support>(`SELECT ${SUPPORT} FROM support s JOIN children c ON c.id = s.child_id WHERE s.id = ?`);
  const supportBetween = db.prepare<[from: string, to: string], Support>(
    `SELECT ${SUPPORT} FROM support s JOIN children c ON c.id = s.child_id WHERE s.day BETWEEN ? AND ? ORDER BY s.day DESC, s.id DESC LIMIT 2000`,
  );
  const supportOfChild = db.prepare<[childId: number], Support>(`SELECT ${SUPPORT} FROM support s JOIN children c ON c.id = s.child_id WHERE s.child_id = ? ORDER BY s.day DESC LIMIT 100`);
  // Active children of the chosen grades (none chosen: all), with what they received since `since`.
  const priority = db.prepare<{ grades: string; since: string }, { childId: number; name: string; grade: number; classNo: number; receivedFen: number; lastDay: string | null }>(`
    SELECT c.id AS childId, c.name, c.grade, c.class_no AS classNo,
      coalesce((SELECT sum(s.amount_fen) FROM support s WHERE s.child_id = c.id AND s.day >= @since), 0) AS receivedFen,
      (SELECT max(s.day) FROM support s WHERE s.child_id = c.id) AS lastDay
    FROM children c
    WHERE c.status = 'active' AND (json_array_length(@grades) = 0 OR c.grade IN (SELECT value FROM json_each(@grades)))
    ORDER BY c.grade, c.class_no, c.search_full`);

  const names = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM teachers');
  const toVisits = (rows: RawVisit[]): HomeVisit[] => {
    const byId = new Map(names.all().map((t) => [t.id, t.name]));
    return rows.map(({ teachers, ...rest }) => ({ ...rest, teacherNames: (JSON.parse(teachers) as number[]).map((id) => byId.get(id) ?? '') }));
  };
  const toVisit = (r: RawVisit): HomeVisit => toVisits([r])[0]!;

  return {
    insertTalk: (r: Parameters<typeof insertTalk.get>[0]) => Number(insertTalk.get(r)),
    talk: (id: number) => {
      const r = talk.get(id);
      return r ? toTalk(r) : undefined;
    },
    followUpDone: (id: number, day: string) => followUpDone.run(day, id).changes,
    talksBetween: (from: string, to: string) => talksBetween.all(from, to).map(toTalk),
    talksOfChild: (childId: number) => talksOfChild.all(childId).map(toTalk),
    teacherTalks: (from: string, to: string) => new Map(teacherTalks.all(from, to).map((r) => [r.childId, r.n])),
    personTalks: (from: string, to: string) => personTalks.all(from, to),
    openFollowUps: (by: string) => openFollowUps.all(by).map((r) => ({ ...toTalk(r), writtenBy: r.writtenBy })),
    lastTalk: (childId: number) => lastTalk.get(childId) ?? null,

    insertVisit: (r: Parameters<typeof insertVisit.get>[0]) => Number(insertVisit.get(r)),
    visit: (id: number) => {
      const r = visit.get(id);
      return r ? toVisit(r) : undefined;
    },
    visitsBetween: (from: string, to: string) => toVisits(visitsBetween.all(from, to)),
    visitsOfChild: (childId: number) => toVisits(visitsOfChild.all(childId)),
    visitCounts: (from: string, to: string) => new Map(visitCounts.all(from, to).map((r) => [r.childId, r.n])),
    lastVisit: (childId: number) => lastVisit.get(childId) ?? null,

    insertGuardian: (r: Parameters<typeof insertGuardian.get>[0]) => Number(insertGuardian.get(r)),
    guardian: (id: number) => guardian.get(id),
    guardiansBetween: (from: string, to: string) => guardiansBetween.all(from, to),
    guardianCounts: (from: string, to: string) => new Map(guardianCounts.all(from, to).map((r) => [r.childId, r.n])),

    insertMeeting: (r: Parameters<typeof insertMeeting.get>[0]) => Number(insertMeeting.get(r)),
    attend: (meetingId: number, childId: number) => attend.run(meetingId, childId).changes,
    meetingsBetween: (from: string, to: string) =>
      meetingsBetween.all(from, to).map((m) => {
        const childIds = JSON.parse(m.childIds) as number[];
        return { ...m, childIds, families: childIds.length };
      }),

    insertSupport: (r: Parameters<typeof insertSupport.get>[0]) => Number(insertSupport.get(r)),
    supportOne: (id: number) => supportOne.get(id),
    supportBetween: (from: string, to: string) => supportBetween.all(from, to),
    supportOfChild: (childId: number) => supportOfChild.all(childId),
    priority: (grades: readonly number[], since: string) => priority.all({ grades: JSON.stringify(grades), since }),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createRecordsRepo = oncePerDb(buildRecordsRepo);
export type RecordsRepo = ReturnType<typeof buildRecordsRepo>;
