import type { Migration } from '../migrate.js';

/**
 * The care work (关爱帮扶): the people who look after each left-behind child, and what they do.
 * Every record names the child; a child's deletion takes its care records with it.
 */
export const m0120: Migration = {
  version: 120,
  name: 'create-care',
  up(db) {
    db.exec(`
      -- A volunteer, 代理家长 or 爱心妈妈 who is not a teacher: a person record, never a login.
      CREATE TABLE care_people (
        id         INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
        phone      TEXT    NOT NULL DEFAULT '',
        kind       TEXT    NOT NULL CHECK (kind IN ('cadre', 'volunteer', 'retiredTeacher', 'parent', 'other')),
        note       TEXT    NOT NULL DEFAULT '',
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Who looks after a child, from when to when (to_day NULL: still). A teacher, a person or another child.
      CREATE TABLE pairings (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        role       TEXT    NOT NULL CHECK (role IN ('teacher', 'proxyParent', 'caringMother', 'volunteer', 'peer')),
        teacher_id INTEGER REFERENCES teachers (id),
        person_id  INTEGER REFERENCES care_people (id),
        peer_id    INTEGER REFERENCES children (id) ON DELETE CASCADE,
        from_day   TEXT    NOT NULL CHECK (date(from_day) IS from_day),
        to_day     TEXT    CHECK (to_day IS NULL OR (date(to_day) IS to_day AND to_day >= from_day)),
        end_reason TEXT    NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        CHECK ((role = 'teacher') = (teacher_id IS NOT NULL)),
        CHECK ((role = 'peer') = (peer_id IS NOT NULL)),
        CHECK ((role IN ('proxyParent', 'caringMother', 'volunteer')) = (person_id IS NOT NULL)),
        CHECK (peer_id IS NOT child_id)
      ) STRICT;
      CREATE INDEX pairings_child ON pairings (child_id, to_day);
      CREATE INDEX pairings_teacher ON pairings (teacher_id, to_day) WHERE teacher_id IS NOT NULL;
      CREATE INDEX pairings_person ON pairings (person_id, to_day) WHERE person_id IS NOT NULL;

      -- 谈心记录: who talked with the child (a teacher or a person), topics (JSON array), a summary, a follow-up.
      CREATE TABLE talks (
        id              INTEGER PRIMARY KEY,
        child_id        INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        day             TEXT    NOT NULL CHECK (date(day) IS day),
        teacher_id      INTEGER REFERENCES teachers (id),
        person_id       INTEGER REFERENCES care_people (id),
        topics          TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(topics)),
        summary         TEXT    NOT NULL DEFAULT '',
        follow_up       TEXT    NOT NULL DEFAULT '',
        follow_up_by    TEXT    CHECK (follow_up_by IS NULL OR date(follow_up_by) IS follow_up_by),
        follow_up_done  TEXT    CHECK (follow_up_done IS NULL OR date(follow_up_done) IS follow_up_done),
        written_by      INTEGER REFERENCES teachers (id),
        created_at      INTEGER NOT NULL,
        CHECK ((teacher_id IS NULL) <> (person_id IS NULL)),
        CHECK (follow_up_by IS NULL OR follow_up <> '')
      ) STRICT;
      CREATE INDEX talks_child_day ON talks (child_id, day);
      CREATE INDEX talks_day ON talks (day);

      -- 家访: the visiting teachers (JSON array of ids), whom they met, how, what was found and agreed.
      CREATE TABLE home_visits (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        day        TEXT    NOT NULL CHECK (date(day) IS day),
        teachers   TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(teachers)),
        met        TEXT    NOT NULL CHECK (met IN ('guardian', 'parentHome', 'parents', 'other')),
        how        TEXT    NOT NULL CHECK (how IN ('home', 'school', 'phone')),
        found      TEXT    NOT NULL DEFAULT '',
        agreed     TEXT    NOT NULL DEFAULT '',
        written_by INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX home_visits_child_day ON home_visits (child_id, day);
      CREATE INDEX home_visits_day ON home_visits (day);

      -- A call or meeting with the child's temporary guardian (临时监护人): the monthly guardian target.
      CREATE TABLE guardian_contacts (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        day        TEXT    NOT NULL CHECK (date(day) IS day),
        how        TEXT    NOT NULL CHECK (how IN ('phone', 'meeting', 'visit', 'message')),
        note       TEXT    NOT NULL DEFAULT '',
        written_by INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX guardian_contacts_child_day ON guardian_contacts (child_id, day);
      CREATE INDEX guardian_contacts_day ON guardian_contacts (day);

      -- 家长会 / 家长学校 / 监护人培训, and who came, counted by the child's family.
      CREATE TABLE guardian_meetings (
        id         INTEGER PRIMARY KEY,
        day        TEXT    NOT NULL CHECK (date(day) IS day),
        kind       TEXT    NOT NULL CHECK (kind IN ('meeting', 'school', 'training')),
        title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
        written_by INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX guardian_meetings_day ON guardian_meetings (day);
      CREATE TABLE guardian_attendance (
        meeting_id INTEGER NOT NULL REFERENCES guardian_meetings (id) ON DELETE CASCADE,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        who        TEXT    NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, child_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX guardian_attendance_child ON guardian_attendance (child_id);

      -- 重点关注: reasons (JSON array), from when to when (to_day NULL: still).
      CREATE TABLE attention (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        reasons    TEXT    NOT NULL CHECK (json_valid(reasons) AND json_array_length(reasons) > 0),
        detail     TEXT    NOT NULL DEFAULT '',
        from_day   TEXT    NOT NULL CHECK (date(from_day) IS from_day),
        to_day     TEXT    CHECK (to_day IS NULL OR (date(to_day) IS to_day AND to_day >= from_day)),
        written_by INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL
      ) STRICT;
      -- One open mark per child.
      CREATE UNIQUE INDEX attention_open ON attention (child_id) WHERE to_day IS NULL;
      CREATE INDEX attention_child ON attention (child_id, from_day);

      -- 个别帮扶方案: goals, measures, people, a review date; reviewed_on when it was reviewed.
      CREATE TABLE attention_plans (
        id           INTEGER PRIMARY KEY,
        attention_id INTEGER NOT NULL REFERENCES attention (id) ON DELETE CASCADE,
        goals        TEXT    NOT NULL,
        measures     TEXT    NOT NULL,
        people       TEXT    NOT NULL DEFAULT '',
        review_on    TEXT    NOT NULL CHECK (date(review_on) IS review_on),
        reviewed_on  TEXT    CHECK (reviewed_on IS NULL OR date(reviewed_on) IS reviewed_on),
        review_note  TEXT    NOT NULL DEFAULT '',
        written_by   INTEGER REFERENCES teachers (id),
        created_at   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX attention_plans_attention ON attention_plans (attention_id);
      CREATE INDEX attention_plans_review ON attention_plans (review_on) WHERE reviewed_on IS NULL;

      -- Progress notes and 心理疏导 (counselling) notes: the most sensitive text of the app.
      CREATE TABLE attention_notes (
        id           INTEGER PRIMARY KEY,
        attention_id INTEGER NOT NULL REFERENCES attention (id) ON DELETE CASCADE,
        kind         TEXT    NOT NULL CHECK (kind IN ('progress', 'counselling')),
        day          TEXT    NOT NULL CHECK (date(day) IS day),
        body         TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        written_by   INTEGER REFERENCES teachers (id),
        created_at   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX attention_notes_attention ON attention_notes (attention_id, day);

      -- 资助 / 慰问: what a child received. Money in fen (分); things as words.
      CREATE TABLE support (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        day        TEXT    NOT NULL CHECK (date(day) IS day),
        kind       TEXT    NOT NULL CHECK (kind IN ('money', 'school', 'clothes', 'food', 'other')),
        amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen BETWEEN 0 AND 100000000),
        items      TEXT    NOT NULL DEFAULT '',
        source     TEXT    NOT NULL CHECK (source IN ('government', 'company', 'volunteer', 'school', 'other')),
        source_name TEXT   NOT NULL DEFAULT '',
        written_by INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX support_child_day ON support (child_id, day);
      CREATE INDEX support_day ON support (day);

      -- The record's one "mentor teacher" field becomes the child's first pairing, from the record's creation.
      INSERT INTO pairings (child_id, role, teacher_id, from_day, created_at)
      SELECT id, 'teacher', mentor_id, date(created_at / 1000, 'unixepoch', 'localtime'), created_at
      FROM children WHERE mentor_id IS NOT NULL AND status = 'active';
    `);
  },
};
