import type { Migration } from '../migrate.js';

export const m0080: Migration = {
  version: 80,
  name: 'create-events',
  up(db) {
    db.exec(`
      CREATE TABLE event_categories (
        id       INTEGER PRIMARY KEY,
        key      TEXT    UNIQUE,
        name     TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
        position INTEGER NOT NULL
      ) STRICT;
      INSERT INTO event_categories (key, name, position) VALUES
        ('sports', '文体', 1), ('contest', '竞赛', 2), ('outing', '出游', 3), ('health', '体检', 4),
        ('talk', '讲座', 5), ('club', '兴趣小组', 6), ('other', '其他', 7);

      CREATE TABLE events (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        title             TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 50),
        category_id       INTEGER REFERENCES event_categories (id),
        description       TEXT    NOT NULL DEFAULT '',
        place             TEXT    NOT NULL DEFAULT '',
        starts_at         INTEGER NOT NULL,
        ends_at           INTEGER NOT NULL,
        capacity          INTEGER CHECK (capacity IS NULL OR capacity >= 1),
        grades            TEXT    NOT NULL DEFAULT '[1,2,3,4,5,6]' CHECK (json_valid(grades)),
        opens_at          INTEGER,
        closes_at         INTEGER,
        left_behind_first INTEGER NOT NULL DEFAULT 1 CHECK (left_behind_first IN (0, 1)),
        status            TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled', 'held')),
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        CHECK (ends_at > starts_at),
        CHECK (closes_at IS NULL OR closes_at <= starts_at),
        CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
      ) STRICT;
      CREATE INDEX events_starts ON events (starts_at);

      -- A one-off event has one session; a weekly interest group one per week. Attendance is per session.
      CREATE TABLE event_sessions (
        id        INTEGER PRIMARY KEY,
        event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        starts_at INTEGER NOT NULL,
        ends_at   INTEGER NOT NULL,
        day       TEXT    NOT NULL CHECK (date(day) IS day),
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX event_sessions_event ON event_sessions (event_id, starts_at);
      CREATE INDEX event_sessions_day ON event_sessions (day);

      CREATE TABLE signups (
        id                   INTEGER PRIMARY KEY,
        event_id             INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        child_id             INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        status               TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlist', 'cancelled')),
        -- Placed past the capacity by a teacher: the reason (also audited).
        over_capacity_reason TEXT,
        signed_by            TEXT    NOT NULL CHECK (signed_by IN ('kiosk', 'teacher')),
        teacher_id           INTEGER REFERENCES teachers (id),
        created_at           INTEGER NOT NULL,
        cancelled_at         INTEGER,
        promoted_at          INTEGER,
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      ) STRICT;
      -- A child signs up once: a cancelled sign-up may be made again.
      CREATE UNIQUE INDEX signups_one ON signups (event_id, child_id) WHERE status <> 'cancelled';
      CREATE INDEX signups_child ON signups (child_id, status);
      CREATE INDEX signups_event ON signups (event_id, status, created_at);

      -- The database decides who gets the last place: a confirmed sign-up past the capacity is refused
      -- unless a teacher placed it with a reason; the code then puts the child on the waitlist.
      CREATE TRIGGER signups_capacity_insert BEFORE INSERT ON signups
      WHEN NEW.status = 'confirmed' AND NEW.over_capacity_reason IS NULL
        AND (SELECT capacity FROM events WHERE id = NEW.event_id) IS NOT NULL
        AND (SELECT count(*) FROM signups WHERE event_id = NEW.event_id AND status = 'confirmed')
            >= (SELECT capacity FROM events WHERE id = NEW.event_id)
      BEGIN SELECT RAISE(ABORT, 'events.full'); END;
      CREATE TRIGGER signups_capacity_update BEFORE UPDATE OF status ON signups
      WHEN NEW.status = 'confirmed' AND OLD.status <> 'confirmed' AND NEW.over_capacity_reason IS NULL
        AND (SELECT capacity FROM events WHERE id = NEW.event_id) IS NOT NULL
        AND (SELECT count(*) FROM signups WHERE event_id = NEW.event_id AND status = 'confirmed')
            >= (SELECT capacity FROM events WHERE id = NEW.event_id)
      BEGIN SELECT RAISE(ABORT, 'events.full'); END;

      CREATE TABLE event_attendance (
        session_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        present    INTEGER NOT NULL CHECK (present IN (0, 1)),
        PRIMARY KEY (session_id, child_id)
      ) STRICT;
      CREATE INDEX event_attendance_child ON event_attendance (child_id);
    `);
  },
};
