import { join } from 'node:path';
import { projectRoot } from '../config';
import { migrate } from '../db/migrate';
import { type Db, openDatabase } from '../db/open-database';
import { type CopyOptions, type CopyResult, type PostgresTarget, copySqliteToPostgres } from './copy-to-postgres';

/**
 * Seeds a migrated PostgreSQL database as SQLite is seeded: `seed` (the demo, a region size, a test's fixture)
 * writes into a new in-memory SQLite database with the SQLite migrations applied, which is then copied over in one
 * transaction. One seeding code for both engines, and PostgreSQL takes the rows in a few large statements.
 */
export async function seedPostgresThroughSqlite(
  target: PostgresTarget,
  seed: (sqlite: Db) => void | Promise<void>,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const sqlite = openDatabase(':memory:');
  try {
    migrate(sqlite, join(projectRoot, 'migrations'));
    await seed(sqlite);
    return await copySqliteToPostgres(sqlite, target, options);
  } finally {
    sqlite.close();
  }
}
