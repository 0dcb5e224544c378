// The PostgreSQL triggers do what SQLite's do (the parity test only compares their names): the event logs are
// append-only, and access_version moves on every change to who may do what, but not on a board's seq bump (which
// every move makes, and which must not serialise all instances' moves on one row).
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { appendOperation } from '../../server/store/board-log-postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool, postgresKysely } from '../../server/store/postgres';
import type { Database } from '../../server/store/schema';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

describe('PostgreSQL triggers', () => {
  let pgDb: TestDatabase;
  let db: Kysely<Database>;
  const now = new Date().toISOString();
  const version = async () => (await db.selectFrom('access_version').select('n').executeTakeFirstOrThrow()).n;

  beforeAll(async () => {
    pgDb = await createTestDatabase();
    const pool = createPool(pgDb.url, { max: 2 });
    db = postgresKysely(pool);
    await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
    await db.insertInto('layers').values({ id: 'l0', rank: 0, name: 'Region' }).execute();
    await db.insertInto('org_units').values({ id: 'u0', parent_id: null, layer_id: 'l0', name: 'Region' }).execute();
    await db.insertInto('boards').values({ id: 'b0', unit_id: 'u0', name: 'Tavle', created_at: now }).execute();
  });
  afterAll(async () => {
    await db?.destroy();
    await pgDb?.drop();
  });

  it('refuses to update or delete board events and admin events', async () => {
    await appendOperation(db, { opId: 'op-1', command: 'card:move', originBoardId: 'b0', actor: 'T', at: now, events: [{ boardId: 'b0', type: 'card.moved', payload: '{}' }] });
    await expect(db.updateTable('events').set({ actor: 'someone else' }).execute()).rejects.toThrow('events are append-only');
    await expect(db.deleteFrom('events').execute()).rejects.toThrow('events are append-only');
    await db.insertInto('admin_events').values({ actor: 'T', at: now, type: 'user.created', subject: 'x', payload: '{}' }).execute();
    await expect(db.updateTable('admin_events').set({ actor: 'someone else' }).execute()).rejects.toThrow('admin events are append-only');
    await expect(db.deleteFrom('admin_events').execute()).rejects.toThrow('admin events are append-only');
    expect(await db.selectFrom('events').select('seq').execute()).toEqual([{ seq: 1 }]);
  });

  it('moves access_version on changes to roles, users, boards, units and devices, and not on a seq bump', async () => {
    const v0 = await version();
    await db.insertInto('users').values({ id: 'p1', username: 'Leder', display_name: 'Leder', created_at: now }).execute();
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await db.insertInto('role_assignments').values({ user_id: 'p1', unit_id: 'u0', role: 'member' }).execute();
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    await db.updateTable('users').set({ disabled: 1 }).where('id', '=', 'p1').execute();
    const v3 = await version();
    expect(v3).toBeGreaterThan(v2);
    // Not on columns that do not decide access.
    await db.updateTable('users').set({ display_name: 'Ny leder' }).where('id', '=', 'p1').execute();
    expect(await version()).toBe(v3);
    await appendOperation(db, { opId: 'op-2', command: 'card:move', originBoardId: 'b0', actor: 'T', at: now, events: [{ boardId: 'b0', type: 'card.moved', payload: '{}' }] });
    expect(await version()).toBe(v3);
    await db.insertInto('devices').values({ id: 'd1', board_id: 'b0', name: 'Skærm', mode: 'read', created_by: 'p1', created_at: now }).execute();
    expect(await version()).toBeGreaterThan(v3);
  });

  it('keeps usernames and e-mail addresses unique regardless of case, as SQLite NOCASE does', async () => {
    await db.insertInto('users').values({ id: 'p2', username: 'Nord', display_name: 'N', email: 'Nord@Region.dk', created_at: now }).execute();
    await expect(db.insertInto('users').values({ id: 'p3', username: 'nord', display_name: 'N', created_at: now }).execute()).rejects.toThrow(/unique/i);
    await expect(db.insertInto('users').values({ id: 'p4', username: 'syd', display_name: 'S', email: 'nord@region.DK', created_at: now }).execute()).rejects.toThrow(/unique/i);
    const found = await db.selectFrom('users').select('id').where('username', '=', 'NORD').execute();
    expect(found).toEqual([{ id: 'p2' }]);
    // The identity columns hand out ids as SQLite's rowid keys do.
    const { rows } = await sql<{ id: number }>`INSERT INTO admin_events (actor, at, type, subject, payload) VALUES ('T', ${now}, 't', 's', '{}') RETURNING id`.execute(db);
    expect(typeof rows[0]!.id).toBe('number');
  });
});
