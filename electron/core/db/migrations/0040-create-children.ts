import type { Migration } from '../migrate.js';

export const m0040: Migration = {
  version: 40,
  name: 'create-children',
  up(db) {
    db.exec(`
      -- AUTOINCREMENT: a deleted child's id is never given to another child, whose audit rows would mix.
      CREATE TABLE children (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
        gender          TEXT    CHECK (gender IN ('male', 'female')),
        birth_date      TEXT    CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
        lunar_month     INTEGER CHECK (lunar_month BETWEEN 1 AND 12),
        lunar_day       INTEGER CHECK (lunar_day BETWEEN 1 AND 30),
        lunar_leap      INTEGER NOT NULL DEFAULT 0 CHECK (lunar_leap IN (0, 1)),
        grade           INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 6),
        class_no        INTEGER NOT NULL CHECK (class_no BETWEEN 1 AND 30),
        status          TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
        left_date       TEXT    CHECK (left_date IS NULL OR date(left_date) IS left_date),
        left_reason     TEXT    NOT NULL DEFAULT '',
        away_parents    TEXT    NOT NULL CHECK (away_parents IN ('father', 'mother', 'both', 'none')),
        address         TEXT    NOT NULL DEFAULT '',
        mentor_id       INTEGER REFERENCES teachers (id),
        notes           TEXT    NOT NULL DEFAULT '',
        card_code       TEXT    NOT NULL UNIQUE,
        search_full     TEXT    NOT NULL,
        search_initials TEXT    NOT NULL,
        -- What the record lacks (JSON array of field names), written with the row: 建档率 is then one query.
        missing         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(missing)),
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        CHECK ((status = 'left') = (left_date IS NOT NULL))
      ) STRICT;
      CREATE INDEX children_class ON children (status, grade, class_no);
      CREATE INDEX children_name ON children (name, birth_date);

      CREATE TABLE contacts (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        role       TEXT    NOT NULL CHECK (role IN ('father', 'mother', 'guardian', 'other')),
        name       TEXT    NOT NULL DEFAULT '',
        relation   TEXT,
        phones     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(phones)),
        work_place TEXT    NOT NULL DEFAULT '',
        lives_with INTEGER NOT NULL DEFAULT 0 CHECK (lives_with IN (0, 1)),
        UNIQUE (child_id, position)
      ) STRICT;
    `);
  },
};
