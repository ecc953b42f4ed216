import type { Migration } from '../migrate.js';

export const m0050: Migration = {
  version: 50,
  name: 'create-visits',
  up(db) {
    db.exec(`
      CREATE TABLE visits (
        id             INTEGER PRIMARY KEY,
        child_id       INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        day            TEXT    NOT NULL CHECK (date(day) IS day),
        in_at          INTEGER NOT NULL,
        out_at         INTEGER,
        in_by          TEXT    NOT NULL CHECK (in_by IN ('kiosk', 'teacher')),
        in_teacher_id  INTEGER REFERENCES teachers (id),
        out_by         TEXT    CHECK (out_by IN ('kiosk', 'teacher', 'closing')),
        out_teacher_id INTEGER REFERENCES teachers (id),
        -- Closed at the end of its day without a sign-out: flagged, never silently.
        not_signed_out INTEGER NOT NULL DEFAULT 0 CHECK (not_signed_out IN (0, 1)),
        CHECK (out_at IS NULL OR out_at >= in_at),
        CHECK ((out_at IS NULL) = (out_by IS NULL))
      ) STRICT;
      -- At most one open visit per child: the database decides, whatever the code does.
      CREATE UNIQUE INDEX visits_one_open ON visits (child_id) WHERE out_at IS NULL;
      CREATE INDEX visits_day ON visits (day, child_id);
      -- The few open visits by day: closing forgotten visits never scans years of closed ones.
      CREATE INDEX visits_open_day ON visits (day) WHERE out_at IS NULL;
      CREATE INDEX visits_child ON visits (child_id, day);
    `);
  },
};
