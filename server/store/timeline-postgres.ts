import type pg from 'pg';

/**
 * A PostgreSQL database's timeline (see server/db/timeline.ts for SQLite's): the value migration 0010 stored, which
 * every instance reads alike, joined with what tells a restored database apart without anyone remembering to:
 *
 * - the database's OID: a `pg_dump` restored into a new database (or a dropped and re-created one) has another;
 * - the server's own timeline ID, which PostgreSQL moves on at the end of every archive recovery (a base backup or a
 *   point-in-time restore) and at a standby's promotion (a failover to an asynchronous replica may have lost commits).
 *
 * A snapshot of the disk restored as it was (some managed services' snapshots) changes neither: the README's restore
 * steps set a new stored value then (`setNewTimeline`). A timeline that changes without need costs clients one
 * snapshot each instead of a catch-up; one that stays when it should change would let a client take events of
 * another history for its own.
 */
export async function postgresTimeline(pool: pg.Pool | pg.ClientBase): Promise<string> {
  const { rows } = await pool.query<{ value: string; oid: string }>(
    `SELECT t.value, d.oid::text AS oid FROM kaskade_meta.timeline t, pg_database d
      WHERE t.id = 1 AND d.datname = current_database()`,
  );
  const row = rows[0];
  if (!row) throw new Error('The PostgreSQL database has no timeline row (kaskade_meta.timeline): is it migrated?');
  return `${row.value}.${row.oid}.${await serverTimelineId(pool)}`;
}

/** PostgreSQL's timeline ID of its last checkpoint; '-' where a managed service does not let the role read it. */
async function serverTimelineId(pool: pg.Pool | pg.ClientBase): Promise<string> {
  try {
    const { rows } = await pool.query<{ id: number }>('SELECT timeline_id AS id FROM pg_control_checkpoint()');
    return String(rows[0]?.id ?? '-');
  } catch {
    return '-';
  }
}

/** Begins a new timeline: after a restore that keeps the database and server as they were, and after a copy. */
export async function setNewTimeline(client: pg.Pool | pg.ClientBase): Promise<void> {
  await client.query('UPDATE kaskade_meta.timeline SET value = gen_random_uuid()::text WHERE id = 1');
}
