import type { Migration } from '../migrate.js';

export const m0070: Migration = {
  version: 70,
  name: 'create-calls-and-parties',
  up(db) {
    db.exec(`
      -- A family call, video call or letter. Whom it was with is copied from the child's contacts at the
      -- time (contacts are rewritten when a record is edited).
      CREATE TABLE calls (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        with_role  TEXT    NOT NULL CHECK (with_role IN ('father', 'mother', 'guardian', 'other')),
        with_name  TEXT    NOT NULL DEFAULT '',
        kind       TEXT    NOT NULL CHECK (kind IN ('voice', 'video', 'letter')),
        direction  TEXT    NOT NULL CHECK (direction IN ('out', 'in')),
        at         INTEGER NOT NULL,
        day        TEXT    NOT NULL CHECK (date(day) IS day),
        seconds    INTEGER CHECK (seconds IS NULL OR seconds BETWEEN 0 AND 14400),
        note       TEXT    NOT NULL DEFAULT '',
        teacher_id INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL,
        CHECK (kind <> 'letter' OR seconds IS NULL)
      ) STRICT;
      CREATE INDEX calls_child_day ON calls (child_id, day);
      CREATE INDEX calls_day ON calls (day);
      -- Contact with a parent is what the monthly target and the "call home" list count.
      CREATE INDEX calls_parent ON calls (child_id, day) WHERE with_role IN ('father', 'mother');

      -- The month's group birthday (集体生日): when it was held and whom it celebrated.
      CREATE TABLE group_birthdays (
        month      TEXT    PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        held_on    TEXT    NOT NULL CHECK (date(held_on) IS held_on),
        children   TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(children)),
        note       TEXT    NOT NULL DEFAULT '',
        teacher_id INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
