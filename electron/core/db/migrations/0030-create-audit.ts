import type { Migration } from '../migrate.js';

export const m0030: Migration = {
  version: 30,
  name: 'create-audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        teacher_id INTEGER REFERENCES teachers (id),
        action     TEXT    NOT NULL,
        entity     TEXT    NOT NULL,
        entity_id  INTEGER,
        detail     TEXT
      ) STRICT;
      CREATE INDEX audit_at ON audit (at);
      CREATE INDEX audit_entity ON audit (entity, entity_id);
    `);
  },
};
