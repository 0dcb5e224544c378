import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { createBoardService } from '../../server/services/board-service';
import { type PostgresStore, postgresStore } from '../../server/store';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool } from '../../server/store/postgres';
import { postgresTimeline, setNewTimeline } from '../../server/store/timeline-postgres';
import { ADMIN_URL, type TestDatabase, createTestDatabase } from '../support/postgres';

// Clients re-join with the seq and timeline they were told. On PostgreSQL every instance must tell the same timeline
// (or a screen moved to another instance gets a snapshot every time), and a restored database another one.

let db: TestDatabase;
let a: PostgresStore;
let b: PostgresStore;
beforeAll(async () => {
  db = await createTestDatabase();
  a = postgresStore(createPool(db.url));
  b = postgresStore(createPool(db.url));
  await migratePostgres(a.pool, join(projectRoot, 'migrations', 'postgres'));
  await a.pool.query("INSERT INTO layers (id, rank, name, kind) VALUES ('l', 0, 'Region', 'org')");
  await a.pool.query("INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('u', NULL, 'l', 'Region')");
  await a.pool.query("INSERT INTO boards (id, unit_id, name, seq, created_at) VALUES ('b', 'u', 'Tavle', 0, '2026-03-01T00:00:00.000Z')");
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

describe('the timeline on PostgreSQL', () => {
  it('is the same on every instance and across restarts, and a client told it catches up from the log', async () => {
    const first = await createBoardService(a).catchUp('b');
    const second = await createBoardService(b).catchUp('b');
    expect(first?.epoch).toMatch(/^[0-9a-f-]{36}\.\d+\.(\d+|-)$/);
    expect(second?.epoch).toBe(first?.epoch);
    expect(await createBoardService(a).catchUp('b', { sinceSeq: 0, epoch: first!.epoch })).toMatchObject({ kind: 'events', events: [] });
  });

  it('changes when a new one is begun (a restored disk snapshot, a copy): a client from before gets a snapshot', async () => {
    const before = await postgresTimeline(a.pool);
    await setNewTimeline(b.pool);
    const after = await postgresTimeline(a.pool);
    expect(after).not.toBe(before);
    expect(await createBoardService(b).catchUp('b', { sinceSeq: 0, epoch: before })).toMatchObject({ kind: 'snapshot', epoch: after });
  });

  it('differs in a copy of the database with the same rows (what pg_dump restored into a new database is)', async () => {
    const copyName = `${db.name}_copy`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      // A template copy needs the source without connections.
      await a.pool.end();
      await b.pool.end();
      // DROP … WITH (FORCE) below ends any backend of these pools still closing; its goodbye must not be an
      // unhandled 'error' event of the pool (which would fail the whole run).
      const original = new pg.Pool({ connectionString: db.url });
      original.on('error', () => {});
      const timeline = await postgresTimeline(original);
      await original.end();
      await admin.query(`CREATE DATABASE ${copyName} TEMPLATE ${db.name}`);
      const url = new URL(db.url);
      url.pathname = `/${copyName}`;
      const copy = new pg.Pool({ connectionString: url.toString() });
      copy.on('error', () => {});
      try {
        const copied = await postgresTimeline(copy);
        expect(copied.split('.')[0]).toBe(timeline.split('.')[0]); // the stored value came along
        expect(copied).not.toBe(timeline);
      } finally {
        await copy.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
      await admin.end();
      a = postgresStore(createPool(db.url));
      b = postgresStore(createPool(db.url));
    }
  });
});
