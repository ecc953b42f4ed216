import type { Db } from '../db/open.js';
import type { Stats } from '../stats/stats.js';
import { createCareService } from './care.service.js';
import { createAttentionService } from './attention.service.js';
import { createDueService } from './due.service.js';
import { careHandlers } from './care.handlers.js';

/** The care domain's services and handlers on one database (api.ts calls this once per open file). */
export function buildCare(db: Db, stats: Stats) {
  const care = createCareService(db);
  const attention = createAttentionService(db);
  const due = createDueService(db, care);
  return careHandlers(care, attention, due, stats);
}
