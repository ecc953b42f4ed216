import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open.js';
import { migrate } from '../../electron/core/db/migrate.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { DEFAULT_KEEP } from '../../shared/domain/backups.js';

/** Child of migration-kill.test.ts: migrates the data folder given, saying when it starts; the test kills it at random. */
const dir = process.argv[2]!;
const db = openDatabase(path.join(dir, 'home.sqlite'));
process.stdout.write('ready\n');
migrate(db, migrations, { backupDir: path.join(dir, 'backups'), keep: DEFAULT_KEEP });
db.close();
process.stdout.write('done\n');
