import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { migrate } from '../server/db/migrate';
import { openDatabase } from '../server/db/open-database';
import { isOrganisationEmpty } from '../server/seed/seed-demo';
import { SIZES, type Size, seedSize } from '../server/seed/seed-size';
import { seedDemoUsers } from '../server/seed/seed-users';
import { sqliteStore } from '../server/store';

/**
 * `npm run seed -- --size s|m|l [--db path]`: a new database holding the demo organisation at that size, with the
 * demo logins, ready for `npm run serve` (DATABASE_PATH) or a benchmark. Refuses a database that has units.
 */
const { values } = parseArgs({ options: { size: { type: 'string', default: 's' }, db: { type: 'string' } } });
const size = values.size?.toLowerCase() as Size;
if (!SIZES.includes(size)) {
  console.error(`--size must be one of ${SIZES.join(', ')}`);
  process.exit(2);
}
const config = loadConfig(process.env);
const path = resolve(values.db ?? config.databasePath);
mkdirSync(dirname(path), { recursive: true });
const db = openDatabase(path);
try {
  migrate(db, config.migrationsDir);
  if (!(await isOrganisationEmpty(db))) {
    console.error(`${path} already holds an organisation; give a new --db path.`);
    process.exit(1);
  }
  const started = performance.now();
  const result = await seedSize(db, size);
  await seedDemoUsers(sqliteStore(db));
  console.log(`Seeded size ${size.toUpperCase()} into ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s:`, result);
} finally {
  db.close();
}
