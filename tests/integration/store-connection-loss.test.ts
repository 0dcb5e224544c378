// Connections to PostgreSQL lost during writes (a restart, a failover, a proxy cutting idle links): a command whose
// connection died is never reported as done, its retry with the same opId is applied once (also when the first
// attempt did commit and only the answer was lost), the log stays gapless, and clients catch up from it.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { type AppendOutcome, appendOperation, eventsSince } from '../../server/store/board-log-postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool, postgresKysely } from '../../server/store/postgres';
import type { Database } from '../../server/store/schema';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

const APP = 'kaskade-loss-test';

describe('appendOperation when connections are cut', () => {
  let pgDb: TestDatabase;
  let db: Kysely<Database>;
  let killer: pg.Client;
  beforeAll(async () => {
    pgDb = await createTestDatabase();
    const pool = createPool(pgDb.url, { max: 4, applicationName: APP });
    db = postgresKysely(pool);
    await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
    await db.insertInto('layers').values({ id: 'l0', rank: 0, name: 'Region' }).execute();
    await db.insertInto('org_units').values({ id: 'u0', parent_id: null, layer_id: 'l0', name: 'Region' }).execute();
    await db.insertInto('boards').values({ id: 'b0', unit_id: 'u0', name: 'Tavle', created_at: new Date().toISOString() }).execute();
    killer = new pg.Client({ connectionString: pgDb.url, application_name: 'kaskade-test-killer' });
    await killer.connect();
  });
  afterAll(async () => {
    await killer?.end();
    await db?.destroy();
    await pgDb?.drop();
  });

  it('applies every command once and keeps the log gapless while its connections are terminated', async () => {
    const OPS = 150;
    let failures = 0;
    const outcomes = new Map<string, AppendOutcome>();
    let running = true;
    const kills = (async () => {
      let killed = 0;
      while (running) {
        const { rowCount } = await killer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2', [pgDb.name, APP]);
        killed += rowCount ?? 0;
        await new Promise((r) => setTimeout(r, 15 + Math.random() * 30));
      }
      return killed;
    })();

    // Four writers, each retrying its command with the same opId until it is answered, as a client does.
    let next = 0;
    const writer = async () => {
      while (next < OPS) {
        const i = next++;
        const opId = `op-${i}`;
        for (;;) {
          try {
            const n = 1 + (i % 3);
            const events = Array.from({ length: n }, (_, k) => ({ boardId: 'b0', type: 'card.moved', payload: JSON.stringify({ i, k }) }));
            outcomes.set(opId, await appendOperation(db, { opId, command: 'card:move', originBoardId: 'b0', actor: 'T', at: new Date().toISOString(), events }));
            break;
          } catch (err) {
            failures++;
            if (failures > 5_000) throw err;
          }
        }
      }
    };
    try {
      await Promise.all([writer(), writer(), writer(), writer()]);
    } finally {
      running = false;
    }
    const killed = await kills;
    // The test only means something if connections were cut under the writers.
    expect(killed).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);

    const log = await eventsSince(db, 'b0', 0, 10_000);
    const expected = Array.from({ length: OPS }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: expected }, (_, k) => k + 1));
    // Each answered command's events are in the log exactly as answered (a retry after a lost answer included).
    for (const [opId, outcome] of outcomes) {
      expect(log.filter((e) => e.opId === opId)).toEqual(outcome.events);
    }
    expect(outcomes.size).toBe(OPS);
    // A client that saw a gap catches up a page at a time.
    expect((await eventsSince(db, 'b0', 10, 5)).map((e) => e.seq)).toEqual([11, 12, 13, 14, 15]);
    expect(await eventsSince(db, 'b0', expected, 50)).toEqual([]);
  });
});
