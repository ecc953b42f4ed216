import type { Migration } from '../migrate.js';

/** Indexes for the term's figures (electron/core/stats), so a term summary reads only the term's rows. */
export const m0100: Migration = {
  version: 100,
  name: 'add-figure-indexes',
  up(db) {
    db.exec(`
      -- Copies out and overdue at the end of a past day: the loans given back after it, found by that day.
      CREATE INDEX loans_returned_on ON loans (returned_on, due_on) WHERE returned_on IS NOT NULL;
      -- The kinds of contact per month, read from the index alone.
      CREATE INDEX calls_day_kind ON calls (day, kind);
    `);
  },
};
