// Access caches across instances: a change to who may do what, committed through one instance (or by hand), is
// heard by every other instance as it commits, through migration 0009's NOTIFY; an instance whose connection drops
// stops trusting what it heard until it has read the version again. A PostgreSQL database of its own, dropped after.
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { type AccessVersionWatch, watchAccessVersion } from '../../server/store/access-version-watch';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

const until = async (check: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('access version across instances (PostgreSQL)', () => {
  let pgDb: TestDatabase;
  let writer: pg.Pool;
  const watches: AccessVersionWatch[] = [];
  const version = async () => Number((await writer.query<{ n: string }>('SELECT n FROM access_version')).rows[0]!.n);
  let users = 0;
  const insertUser = 'INSERT INTO users (id, username, display_name, created_at) VALUES ($1, $2, $3, $4)';
  const addUser = (id = `u${++users}`) => writer.query(insertUser, [id, id, id, new Date().toISOString()]);

  beforeAll(async () => {
    pgDb = await createTestDatabase();
    writer = new pg.Pool({ connectionString: pgDb.url, max: 2 });
    await migratePostgres(writer, join(projectRoot, 'migrations', 'postgres'));
  });
  afterAll(async () => {
    await Promise.all(watches.map((w) => w.close()));
    await writer?.end();
    await pgDb?.drop();
  });

  it('tells every instance of a committed change, and nothing of one rolled back', async () => {
    const [a, b] = [await watchAccessVersion(pgDb.url), await watchAccessVersion(pgDb.url)];
    watches.push(a, b);
    const start = await version();
    expect([a.current(), b.current()]).toEqual([start, start]);
    const heardByB: number[] = [];
    b.onChange((n) => heardByB.push(n));

    await addUser();
    await until(() => a.current() === start + 1 && b.current() === start + 1);
    expect(heardByB).toEqual([start + 1]);

    // A transaction that changes roles and then rolls back notifies no one.
    const client = await writer.connect();
    await client.query('BEGIN');
    await client.query(insertUser, ['ghost', 'ghost', 'ghost', new Date().toISOString()]);
    await client.query('ROLLBACK');
    client.release();
    await new Promise((r) => setTimeout(r, 200));
    expect(b.current()).toBe(start + 1);
    await addUser();
    await until(() => b.current() === start + 2);
    expect(heardByB).toEqual([start + 1, start + 2]);
    expect(await version()).toBe(start + 2);
  });

  it('counts the version as unknown while its connection is down, and reads it again (with what changed meanwhile) after', async () => {
    const watch = await watchAccessVersion(pgDb.url, { reconnectMs: 200, applicationName: 'kaskade-watch-under-test' });
    watches.push(watch);
    const heard: number[] = [];
    watch.onChange((n) => heard.push(n));
    await writer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kaskade-watch-under-test'");
    await until(() => watch.current() === null);
    // Changed while no one listened: no notification reaches this instance, the read after the reconnection does.
    await addUser();
    const changed = await version();
    await until(() => watch.current() === changed);
    expect(heard).toContain(changed);
  });

  it('refuses to start on a database that does not answer', async () => {
    await expect(watchAccessVersion('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow();
  });
});
