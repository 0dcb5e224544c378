import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openStore } from '../../server/store';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

describe('openStore', () => {
  let dir: string;
  let pgDb: TestDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaskade-store-'));
    pgDb = await createTestDatabase();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await pgDb?.drop();
  });

  it('opens the SQLite file without DATABASE_URL and runs built queries synchronously on it', async () => {
    const store = openStore({ databasePath: join(dir, 'kaskade.db'), databaseUrl: null });
    expect(store.engine).toBe('sqlite');
    if (store.engine !== 'sqlite') return;
    migrate(store.sqlite, join(projectRoot, 'migrations'));
    await store.run(store.q.insertInto('layers').values({ id: 'l0', rank: 0, name: 'Region' }));
    const row = await store.first(store.q.selectFrom('layers').select(['id', 'kind']).where('rank', '=', 0));
    expect(row).toEqual({ id: 'l0', kind: '' });
    await store.close();
    expect(store.sqlite.open).toBe(false);
  });

  it('leaves an SQLite connection it was given open', async () => {
    const first = openStore({ databasePath: join(dir, 'shared.db'), databaseUrl: null });
    if (first.engine !== 'sqlite') throw new Error('expected sqlite');
    const second = openStore({ databasePath: 'unused', databaseUrl: null }, { sqlite: first.sqlite });
    await second.close();
    expect(first.sqlite.open).toBe(true);
    await first.close();
  });

  it('opens a PostgreSQL pool with DATABASE_URL; BIGINT reads as a number, and one beyond 2^53 is refused', async () => {
    const store = openStore({ databasePath: 'unused', databaseUrl: pgDb.url });
    expect(store.engine).toBe('postgres');
    if (store.engine !== 'postgres') return;
    try {
      const { rows } = await sql<{ n: number; db: string; sync: string }>`SELECT 42::bigint AS n, current_database() AS db, current_setting('synchronous_commit') AS sync`.execute(store.db);
      // synchronous_commit on whatever the server's default: an ack is a durable commit.
      expect(rows).toEqual([{ n: 42, db: pgDb.name, sync: 'on' }]);
      await expect(sql`SELECT 9007199254740993::bigint AS n`.execute(store.db)).rejects.toThrow(/beyond what a JavaScript number holds/);
    } finally {
      await store.close();
    }
    expect(store.pool.ended).toBe(true);
  });
});
