// The net under the relay: a commit whose relay to the other instance was lost (a dropped LISTEN connection, a
// failed publish) still reaches that instance's sockets from the shared log within two sweeps; one that arrived is
// not sent again. Two real Socket.IO servers with the PostgreSQL adapter, on a database of their own.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { startRelaySweep } from '../../server/realtime/relay-sweep';
import { postgresBoardHeads } from '../../server/store/board-heads-postgres';
import { appendOperation } from '../../server/store/board-log-postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool, postgresKysely } from '../../server/store/postgres';
import type { Database } from '../../server/store/schema';
import { type LiveClient, type LiveInstance, liveClient, startLiveInstance, untilConnected } from '../support/live-instances';
import { type TestDatabase, createTestDatabase } from '../support/postgres';
import type { BoardEvent } from '../../shared/protocol';

const BOARD = 'board-sweep';

describe('relay sweep (PostgreSQL adapter, two instances)', () => {
  let pgDb: TestDatabase;
  let db: Kysely<Database>;
  let a: LiveInstance;
  let b: LiveInstance;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    pgDb = await createTestDatabase();
    const migrator = createPool(pgDb.url, { max: 1 });
    try {
      await migratePostgres(migrator, join(projectRoot, 'migrations', 'postgres'));
    } finally {
      await migrator.end();
    }
    db = postgresKysely(createPool(pgDb.url, { max: 2 }));
    await db.insertInto('layers').values({ id: 'l0', rank: 0, name: 'Region' }).execute();
    await db.insertInto('org_units').values({ id: 'u0', parent_id: null, layer_id: 'l0', name: 'Region' }).execute();
    await db.insertInto('boards').values({ id: BOARD, unit_id: 'u0', name: 'Sweep', created_at: new Date().toISOString() }).execute();
    a = await startLiveInstance({ databaseUrl: pgDb.url, redisUrl: null });
    b = await startLiveInstance({ databaseUrl: pgDb.url, redisUrl: null });
    await untilConnected([a, b]);
  }, 30_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await a?.close();
    await b?.close();
    await db?.destroy();
    await pgDb?.drop();
  });

  /** Commits one move to the shared log, as instance A's command service would, and returns its event. */
  const commit = async (n: number): Promise<BoardEvent> => {
    const body = { type: 'card.moved', card: { id: `card-${n}`, columnId: 'c1', orderKey: 'a0', updatedAt: new Date().toISOString() } };
    const outcome = await appendOperation(db, {
      opId: `op-${n}`, command: 'card:move', originBoardId: BOARD, actor: 'user:test', at: new Date().toISOString(),
      events: [{ boardId: BOARD, type: 'card.moved', payload: JSON.stringify(body) }],
    });
    const e = outcome.events[0]!;
    return { boardId: e.boardId, seq: e.seq, opId: e.opId, actor: e.actor, at: e.at, body: body as BoardEvent['body'] };
  };

  it('sends a commit whose relay was lost from the log, and nothing twice', async () => {
    const there = await liveClient(b.url, { board: BOARD });
    clients.push(there);
    const sweep = startRelaySweep(b.io, b.relay, postgresBoardHeads(db), { intervalMs: 60_000 });
    try {
      expect(await sweep.sweep()).toBe(0); // the board is watched here from now on

      // Relayed as usual: arrives, and the sweeps find nothing overdue.
      const first = await commit(1);
      a.relay.toRoom(BOARD, [first]);
      await there.until((c) => c.batches.flat().length === 1);
      expect(await sweep.sweep()).toBe(0);
      expect(await sweep.sweep()).toBe(0);

      // Committed and sent on A, but the relay to B never arrives.
      const lost = await commit(2);
      a.relay.toRoomHere(BOARD, [lost]);
      expect(await sweep.sweep()).toBe(0); // seen committed now; a relay may still be on its way
      expect(await sweep.sweep()).toBe(1); // still not here a sweep later: sent from the log
      await there.until((c) => c.batches.flat().length === 2);
      expect(there.batches.flat()).toEqual([first, lost]);

      // The relay that finally arrives late is not sent again.
      a.relay.toRoom(BOARD, [lost]);
      const third = await commit(3);
      a.relay.toRoom(BOARD, [third]);
      await there.until((c) => c.batches.flat().length >= 3);
      await new Promise((r) => setTimeout(r, 200));
      expect(there.batches.flat().map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(await sweep.sweep()).toBe(0);
    } finally {
      sweep.stop();
    }
  });
});
