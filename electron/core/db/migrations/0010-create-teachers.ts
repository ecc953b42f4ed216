import type { Migration } from '../migrate.js';

export const m0010: Migration = {
  version: 10,
  name: 'create-teachers',
  up(db) {
    db.exec(`
      CREATE TABLE teachers (
        id           INTEGER PRIMARY KEY,
        name         TEXT    NOT NULL UNIQUE,
        role         TEXT    NOT NULL CHECK (role IN ('admin', 'teacher')),
        pin_hash     TEXT    NOT NULL,
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_pins  INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        created_at   INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
