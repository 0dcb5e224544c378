import { migrate } from '../../../server/db/migrate';
import { openDatabase } from '../../../server/db/open-database';

// Runs the product's migration runner in its own process, so a test can SIGKILL it in the middle of a migration.
const [databasePath, migrationsDir] = process.argv.slice(2);
if (!databasePath || !migrationsDir) throw new Error('usage: migrate-child <database> <migrations-dir>');
const db = openDatabase(databasePath);
process.stdout.write('migrating\n');
const { applied } = migrate(db, migrationsDir);
db.close();
process.stdout.write(`done ${applied.join(',')}\n`);
