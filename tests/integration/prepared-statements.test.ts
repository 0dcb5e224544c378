// Query shapes run as named prepared statements on PostgreSQL (server/store/named-statements.ts): planned once per
// connection. A table that changes shape under a running instance (another instance's migration, in a rolling
// deploy) makes PostgreSQL refuse such a statement once; the connection then runs unnamed and the command still
// commits.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { createRepositories } from '../../server/repositories';
import { type CommandResultOrError, createCommandService } from '../../server/services/command-service';
import { type PostgresStore, postgresStore } from '../../server/store';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { isStalePreparedStatement } from '../../server/store/named-statements';
import { createPool } from '../../server/store/postgres';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

describe('prepared statements on PostgreSQL', () => {
  let pgDb: TestDatabase;
  let store: PostgresStore;
  beforeAll(async () => {
    pgDb = await createTestDatabase();
    // One connection: every statement below runs on the connection that prepared the ones before.
    store = postgresStore(createPool(pgDb.url, { max: 1 }));
    const migrator = createPool(pgDb.url, { max: 1 });
    try {
      await migratePostgres(migrator, join(projectRoot, 'migrations', 'postgres'));
    } finally {
      await migrator.end();
    }
    const db = store.db;
    const at = new Date().toISOString();
    await db.insertInto('layers').values({ id: 'l0', rank: 0, name: 'Region' }).execute();
    await db.insertInto('org_units').values({ id: 'u0', parent_id: null, layer_id: 'l0', name: 'Region' }).execute();
    await db.insertInto('boards').values({ id: 'b1', unit_id: 'u0', name: 'b1', created_at: at }).execute();
    await db.insertInto('columns').values([{ id: 'c1', board_id: 'b1', name: 'Todo', order_key: 'a0' }, { id: 'c2', board_id: 'b1', name: 'Done', order_key: 'a1' }]).execute();
    await db.insertInto('cards').values({ id: 'k1', board_id: 'b1', column_id: 'c1', order_key: 'a0', type: 'action', title: 'k1', due_date: null, created_at: at, updated_at: at, indicator_id: null }).execute();
  });
  afterAll(async () => {
    await store?.close();
    await pgDb?.drop();
  });

  const move = (service: ReturnType<typeof createCommandService>, toColumnId: string) =>
    new Promise<CommandResultOrError>((resolve) => service.submit('card:move', { opId: randomUUID(), boardId: 'b1', cardId: 'k1', toColumnId, index: 0 }, 'Test', resolve));

  it('runs a query shape by name, and a query built per call unnamed', async () => {
    const prepared = await store.transaction(async (tx) => {
      await createRepositories(tx).boards.seq('b1');
      await tx.all(sql`SELECT 1 AS one WHERE ${'b1'} = ${'b1'}`);
      return tx.all(sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`);
    });
    expect(prepared.length).toBeGreaterThan(0);
    expect(prepared.every((p) => p.name.startsWith('kaskade_'))).toBe(true);
    expect(prepared.some((p) => /from "boards"/i.test(p.statement))).toBe(true);
    expect(prepared.some((p) => p.statement.includes('SELECT 1 AS one'))).toBe(false);
  });

  it('commits a move after the cards table changed shape under the statements the connection prepared', async () => {
    const service = createCommandService(store);
    expect((await move(service, 'c2')).outcome).toMatchObject({ ok: true });
    // A group commit's statements are all shapes, its lists (board ids, opIds, log rows) bound as arrays.
    const prepared = (await store.all(sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`)).map((p) => p.statement.toLowerCase());
    for (const part of ['for no key update', 'from "operations" where "op_id" = any', 'insert into events', 'insert into operations', 'union all']) {
      expect(prepared.some((statement) => statement.includes(part)), part).toBe(true);
    }
    // Another instance's migration, on a connection of its own.
    const other = createPool(pgDb.url, { max: 1 });
    try {
      await other.query('ALTER TABLE cards ADD COLUMN added_by_migration text');
    } finally {
      await other.end();
    }
    // The move's read (the card with `*`) was prepared before the column was added: PostgreSQL refuses it once, the
    // batch runs again, and the connection no longer names its statements.
    // Run on its own (not in a group commit, whose isolated re-run would also get past it).
    const outcome = await service.execute('card:move', { opId: randomUUID(), boardId: 'b1', cardId: 'k1', toColumnId: 'c1', index: 0 }, 'Test');
    expect(outcome).toMatchObject({ ok: true });
    expect(await store.db.selectFrom('cards').select('column_id').where('id', '=', 'k1').executeTakeFirst()).toEqual({ column_id: 'c1' });
    expect(isStalePreparedStatement({ code: '0A000', message: 'cached plan must not change result type' })).toBe(true);
  });
});
