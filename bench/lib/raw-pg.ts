import type pg from 'pg';

/**
 * One transaction straight through pg, as the raw baselines commit a move: BEGIN, `work`, COMMIT (durable with
 * synchronous_commit=on), ROLLBACK on any error; the connection goes back to the pool either way.
 */
export async function inRawTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
