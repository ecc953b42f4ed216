import type { Migration } from '../migrate.js';

/**
 * How many pupils the whole school has in a term, entered by the principal: the app holds only the children the room
 * serves, and the summary's "left-behind share of the school" needs the whole school. Null until entered.
 */
export const m0111: Migration = {
  version: 111,
  name: 'add-term-pupils',
  up(db) {
    db.exec(`ALTER TABLE terms ADD COLUMN pupils INTEGER CHECK (pupils IS NULL OR pupils BETWEEN 0 AND 20000);`);
  },
};
