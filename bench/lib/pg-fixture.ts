import { join } from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../server/config';
import { openDatabase } from '../../server/db/open-database';
import { copySqliteToPostgres } from '../../server/store/copy-to-postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createTestDatabase } from '../../tests/support/postgres';
import { createTestSession } from '../../tests/helpers/auth';
import { type BenchDatabase } from './fixture';
import { onCleanup } from './procs';

/** A fresh PostgreSQL database holding the bench fixture, and a session its clients sign in with. */
export interface PgBenchDatabase {
  url: string;
  token: string;
  drop(): Promise<void>;
}

/**
 * The bench fixture (fixture.ts: the demo, the big board, the move board) on a new database of the machine's
 * PostgreSQL: migrated by the server's runner and filled by the copy PostgreSQL is seeded with
 * (server/store/seed-postgres.ts copies an SQLite database the same way). The bench user's session is written into
 * the SQLite file first, so it travels with the copy. Dropped on `drop()` or when the bench is interrupted.
 */
export async function createPgBenchDatabase(db: BenchDatabase): Promise<PgBenchDatabase> {
  const { token } = createTestSession(db.path, 'Bench');
  const target = await createTestDatabase();
  let dropping: Promise<void> | null = null;
  const drop = () => (dropping ??= target.drop());
  // An interrupted bench cannot await; its synchronous clean-up can only ask for the drop.
  const cleanup = onCleanup(() => void drop().catch(() => {}));
  const pool = new pg.Pool({ connectionString: target.url, max: 2 });
  const sqlite = openDatabase(db.path);
  try {
    await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
    await copySqliteToPostgres(sqlite, pool);
  } catch (err) {
    await drop();
    throw err;
  } finally {
    sqlite.close();
    await pool.end();
  }
  return {
    url: target.url,
    token,
    drop: async () => {
      cleanup();
      await drop();
    },
  };
}
