// Ordering across instances on PostgreSQL: two pools (as two Kaskade instances would hold) append to the same boards
// at once. Every board's log must come out gapless with no seq handed out twice, every opId applied once, and a
// retry that lands on the other instance answered as a duplicate with the first one's events.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { type AppendOutcome, type OperationToAppend, UnknownBoardError, appendOperation } from '../../server/store/board-log-postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool, postgresKysely } from '../../server/store/postgres';
import type { Database } from '../../server/store/schema';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

const BOARDS = ['board-a', 'board-b'];

describe('appendOperation on PostgreSQL, two instances', () => {
  let pgDb: TestDatabase;
  let instances: Kysely<Database>[];
  beforeAll(async () => {
    pgDb = await createTestDatabase();
    // Two instances: separate pools, as two processes would have.
    instances = [postgresKysely(createPool(pgDb.url, { max: 4 })), postgresKysely(createPool(pgDb.url, { max: 4 }))];
    const migrator = createPool(pgDb.url, { max: 1 });
    try {
      await migratePostgres(migrator, join(projectRoot, 'migrations', 'postgres'));
    } finally {
      await migrator.end();
    }
    const db = instances[0]!;
    await db.insertInto('layers').values({ id: 'l0', rank: 0, name: 'Region' }).execute();
    await db.insertInto('org_units').values({ id: 'u0', parent_id: null, layer_id: 'l0', name: 'Region' }).execute();
    await db.insertInto('boards').values(BOARDS.map((id) => ({ id, unit_id: 'u0', name: id, created_at: new Date().toISOString() }))).execute();
  });
  afterAll(async () => {
    await Promise.all((instances ?? []).map((db) => db.destroy()));
    await pgDb?.drop();
  });

  const op = (opId: string, events: { boardId: string; n?: number }[]): OperationToAppend => ({
    opId,
    command: 'card:move',
    originBoardId: events[0]!.boardId,
    actor: 'Test',
    at: new Date().toISOString(),
    events: events.flatMap(({ boardId, n = 1 }) => Array.from({ length: n }, (_, i) => ({ boardId, type: 'card.moved', payload: JSON.stringify({ opId, i }) }))),
  });

  async function logOf(db: Kysely<Database>, boardId: string) {
    return db.selectFrom('events').select(['seq', 'op_id']).where('board_id', '=', boardId).orderBy('seq').execute();
  }

  it('keeps each board gapless and applies each opId once under concurrent appends and cross-instance retries', async () => {
    // 120 operations: 1–3 events on board A, every fifth also on board B (in either order: locks are taken in
    // board order, so these cannot deadlock). Every fourth opId is sent to both instances at once, as a client's
    // retry after a reconnect to the other instance would be.
    const ops = Array.from({ length: 120 }, (_, i) => {
      const events = [{ boardId: 'board-a', n: 1 + (i % 3) }];
      if (i % 5 === 0) events[i % 10 === 0 ? 'push' : 'unshift']({ boardId: 'board-b', n: 1 });
      return op(`op-${i}`, events);
    });
    const sends: { i: number; outcome: Promise<AppendOutcome> }[] = [];
    ops.forEach((o, i) => {
      sends.push({ i, outcome: appendOperation(instances[i % 2]!, o) });
      if (i % 4 === 0) sends.push({ i, outcome: appendOperation(instances[(i + 1) % 2]!, o) });
    });
    const outcomes = await Promise.all(sends.map(async (s) => ({ i: s.i, outcome: await s.outcome })));

    // Each opId applied exactly once; its duplicate got the same events (the same seqs) back.
    for (const [i, o] of ops.entries()) {
      const mine = outcomes.filter((x) => x.i === i).map((x) => x.outcome);
      expect(mine.filter((m) => !m.duplicate)).toHaveLength(1);
      const applied = mine.find((m) => !m.duplicate)!;
      expect(applied.events).toHaveLength(o.events.length);
      for (const dup of mine.filter((m) => m.duplicate)) {
        expect(dup).toMatchObject({ duplicate: true, originBoardId: o.originBoardId, command: 'card:move' });
        expect(dup.events.map((e) => [e.boardId, e.seq])).toEqual(applied.events.map((e) => [e.boardId, e.seq]));
      }
    }

    const db = instances[0]!;
    for (const boardId of BOARDS) {
      const log = await logOf(db, boardId);
      const expected = ops.reduce((n, o) => n + o.events.filter((e) => e.boardId === boardId).length, 0);
      // Gapless from 1, no seq twice (the primary key would refuse it, but no transaction may even try).
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: expected }, (_, k) => k + 1));
      const { seq } = await db.selectFrom('boards').select('seq').where('id', '=', boardId).executeTakeFirstOrThrow();
      expect(seq).toBe(expected);
      // An operation's events on one board are consecutive: nobody else's event lands between them.
      const byOp = new Map<string, number[]>();
      for (const e of log) byOp.set(e.op_id, [...(byOp.get(e.op_id) ?? []), e.seq]);
      for (const seqs of byOp.values()) expect(seqs.at(-1)! - seqs[0]!).toBe(seqs.length - 1);
    }
    const { n } = await db.selectFrom('operations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(ops.length);
  });

  it('rolls everything back when the change fails, so the same opId can be applied by its retry', async () => {
    const db = instances[0]!;
    const before = (await logOf(db, 'board-a')).length;
    const o = op('op-fails-once', [{ boardId: 'board-a', n: 2 }]);
    await expect(appendOperation(db, o, async () => {
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await logOf(db, 'board-a')).toHaveLength(before);

    const retried = await appendOperation(instances[1]!, o);
    expect(retried.duplicate).toBe(false);
    expect(retried.events.map((e) => e.seq)).toEqual([before + 1, before + 2]);
  });

  it('writes nothing for a board that does not exist, and says which', async () => {
    const db = instances[0]!;
    const o = op('op-no-board', [{ boardId: 'board-a' }, { boardId: 'board-missing' }]);
    const before = (await logOf(db, 'board-a')).length;
    await expect(appendOperation(db, o)).rejects.toThrow(UnknownBoardError);
    expect(await logOf(db, 'board-a')).toHaveLength(before);
    const claimed = await db.selectFrom('operations').select('op_id').where('op_id', '=', 'op-no-board').execute();
    expect(claimed).toEqual([]);
  });
});
