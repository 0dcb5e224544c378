import type pg from 'pg';
import { type MigrationFile, readMigrations, refuseDrift } from '../db/migrate';

/**
 * The advisory lock every Kaskade instance takes while it migrates: instances started together (a rolling deploy,
 * a scaled-up service) migrate one at a time, and the later ones find the work done. The number is arbitrary but
 * fixed ('Kaskade' in ASCII), so every version of Kaskade takes the same lock.
 */
export const MIGRATION_LOCK = 0x4b61736b616465n;

/**
 * Applies the PostgreSQL migrations (migrations/postgres/, the same numbers and names as the SQLite ones) that are
 * not yet applied, each in its own transaction together with its record in `schema_migrations` (PostgreSQL's DDL
 * is transactional, so a crash leaves the old schema or the new one). Refuses, as the SQLite runner does, when the
 * applied migrations are not a prefix of the files (MigrationDriftError). Holds MIGRATION_LOCK throughout, on one
 * connection: the lock is the session's, and ends with it if the process dies.
 */
export async function migratePostgres(pool: pg.Pool, dir: string): Promise<{ applied: string[] }> {
  const files = readMigrations(dir);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      return await applyPending(client, files);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  } catch (err) {
    // A connection that failed mid-way may still hold the lock or an open transaction: do not give it back.
    broken = true;
    throw err;
  } finally {
    client.release(broken);
  }
}

async function applyPending(client: pg.PoolClient, files: MigrationFile[]): Promise<{ applied: string[] }> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  // Byte order, as the files are sorted: the database's collation might order '_' against letters otherwise.
  const { rows: done } = await client.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM schema_migrations ORDER BY name COLLATE "C"',
  );
  refuseDrift(done, files);

  const applied: string[] = [];
  for (const file of files.slice(done.length)) {
    await client.query('BEGIN');
    try {
      // No parameters: the simple query protocol, which runs a file of several statements.
      await client.query(file.sql);
      await client.query('INSERT INTO schema_migrations (name, checksum, applied_at) VALUES ($1, $2, $3)', [
        file.name,
        file.checksum,
        new Date().toISOString(),
      ]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw new Error(`PostgreSQL migration ${file.name} failed: ${(err as Error).message}`, { cause: err });
    }
    applied.push(file.name);
  }
  return { applied };
}
