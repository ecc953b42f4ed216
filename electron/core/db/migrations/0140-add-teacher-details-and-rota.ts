import type { Migration } from '../migrate.js';

/**
 * Teachers' phone, classes taught and weekly duty days (the rota's pattern, 0 = Sunday as dayjs counts);
 * the rota's exceptions and swaps (one teacher on duty that day instead of the pattern's); the room's
 * calendar (closures such as 寒暑假 and 节假日, and special openings such as a holiday programme);
 * and each day's handover note (值班记录).
 */
export const m0140: Migration = {
  version: 140,
  name: 'add-teacher-details-and-rota',
  up(db) {
    db.exec(`
      ALTER TABLE teachers ADD COLUMN phone     TEXT NOT NULL DEFAULT '';
      ALTER TABLE teachers ADD COLUMN classes   TEXT NOT NULL DEFAULT '';
      ALTER TABLE teachers ADD COLUMN duty_days TEXT NOT NULL DEFAULT '[]';

      CREATE TABLE rota_changes (
        day        TEXT    PRIMARY KEY CHECK (date(day) IS day),
        teacher_id INTEGER NOT NULL REFERENCES teachers (id),
        reason     TEXT    NOT NULL DEFAULT '',
        changed_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE room_calendar (
        id        INTEGER PRIMARY KEY,
        kind      TEXT NOT NULL CHECK (kind IN ('closed', 'open')),
        name      TEXT NOT NULL,
        from_day  TEXT NOT NULL CHECK (date(from_day) IS from_day),
        to_day    TEXT NOT NULL CHECK (date(to_day) IS to_day),
        CHECK (to_day >= from_day)
      ) STRICT;
      CREATE INDEX room_calendar_days ON room_calendar (from_day, to_day);

      CREATE TABLE duty_notes (
        day        TEXT    PRIMARY KEY CHECK (date(day) IS day),
        teacher_id INTEGER REFERENCES teachers (id),
        note       TEXT    NOT NULL,
        saved_at   INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
