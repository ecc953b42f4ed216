import type { Migration } from '../migrate.js';

export const m0090: Migration = {
  version: 90,
  name: 'create-summary-snapshots',
  up(db) {
    db.exec(`
      -- A term summary as it went to the education bureau: the figures and the edited paragraph, frozen.
      CREATE TABLE summary_snapshots (
        id         INTEGER PRIMARY KEY,
        title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
        from_day   TEXT    NOT NULL CHECK (date(from_day) IS from_day),
        to_day     TEXT    NOT NULL CHECK (date(to_day) IS to_day AND to_day >= from_day),
        language   TEXT    NOT NULL CHECK (language IN ('zh-CN', 'en')),
        figures    TEXT    NOT NULL CHECK (json_valid(figures)),
        paragraph  TEXT    NOT NULL DEFAULT '',
        teacher_id INTEGER REFERENCES teachers (id),
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
