import type { Migration } from '../migrate.js';
import { m0010 } from './0010-create-teachers.js';
import { m0020 } from './0020-create-settings-and-terms.js';
import { m0030 } from './0030-create-audit.js';
import { m0040 } from './0040-create-children.js';
import { m0050 } from './0050-create-visits.js';
import { m0060 } from './0060-create-library.js';
import { m0070 } from './0070-create-calls-and-parties.js';
import { m0080 } from './0080-create-events.js';
import { m0090 } from './0090-create-summary-snapshots.js';
import { m0100 } from './0100-add-figure-indexes.js';
import { m0110 } from './0110-add-parent-situations.js';
import { m0111 } from './0111-add-term-pupils.js';
import { m0120 } from './0120-create-care.js';
import { m0140 } from './0140-add-teacher-details-and-rota.js';

/** In order. A shipped migration never changes: add a new one instead. */
export const migrations: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070, m0080, m0090, m0100, m0110, m0111, m0120, m0140];
