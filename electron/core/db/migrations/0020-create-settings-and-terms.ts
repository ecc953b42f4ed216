import type { Migration } from '../migrate.js';

export const m0020: Migration = {
  version: 20,
  name: 'create-settings-and-terms',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE terms (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
        end_date   TEXT NOT NULL CHECK (date(end_date) IS end_date),
        CHECK (end_date >= start_date)
      ) STRICT;

      -- The service reports overlaps with a clear message; these keep the rule even if code forgets.
      CREATE TRIGGER terms_no_overlap_insert BEFORE INSERT ON terms
      WHEN EXISTS (SELECT 1 FROM terms WHERE start_date <= NEW.end_date AND end_date >= NEW.start_date)
      BEGIN SELECT RAISE(ABORT, 'terms.overlap'); END;

      CREATE TRIGGER terms_no_overlap_update BEFORE UPDATE OF start_date, end_date ON terms
      WHEN EXISTS (SELECT 1 FROM terms WHERE id <> NEW.id AND start_date <= NEW.end_date AND end_date >= NEW.start_date)
      BEGIN SELECT RAISE(ABORT, 'terms.overlap'); END;
    `);
  },
};
