// Two instances' group commits on the same boards, on PostgreSQL: what the command service relies on. A batch
// bumps its boards' seqs in the order its commands came; two batches naming the same boards in opposite orders
// deadlock, PostgreSQL rolls one back with 40P01, and the service must see that as "try the whole batch again".
// Locking the batch's boards in id order first turns the deadlock into a wait. A read transaction sees one moment. A
// command that fails unexpectedly is undone alone.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { type CommandResultOrError, createCommandService, isRetryable, lockBoards } from '../../server/services/command-service';
import { readTransaction } from '../../server/services/read-transaction';
import { type Executor, type PostgresStore, postgresStore } from '../../server/store';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool } from '../../server/store/postgres';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

const bump = (tx: Executor, boardId: string) =>
  tx.first(sql<{ seq: number }>`UPDATE boards SET seq = seq + 1 WHERE id = ${boardId} RETURNING seq`);
const seqOf = async (ex: Executor, boardId: string) => (await ex.first(sql<{ seq: number }>`SELECT seq FROM boards WHERE id = ${boardId}`))!.seq;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A promise and the function that settles it: one side of the test waits for the other to get somewhere. */
const signal = () => {
  let settle!: () => void;
  const reached = new Promise<void>((resolve) => (settle = resolve));
  return { settle, reached };
};

describe('group commit locks on PostgreSQL, two instances', () => {
  let pgDb: TestDatabase;
  let instances: [PostgresStore, PostgresStore];
  beforeAll(async () => {
    pgDb = await createTestDatabase();
    instances = [postgresStore(createPool(pgDb.url, { max: 2 })), postgresStore(createPool(pgDb.url, { max: 2 }))];
    const migrator = createPool(pgDb.url, { max: 1 });
    try {
      await migratePostgres(migrator, join(projectRoot, 'migrations', 'postgres'));
    } finally {
      await migrator.end();
    }
    const db = instances[0].db;
    await db.insertInto('layers').values({ id: 'l0', rank: 0, name: 'Region' }).execute();
    await db.insertInto('org_units').values({ id: 'u0', parent_id: null, layer_id: 'l0', name: 'Region' }).execute();
    await db.insertInto('boards').values(['b1', 'b2'].map((id) => ({ id, unit_id: 'u0', name: id, created_at: new Date().toISOString() }))).execute();
  });
  afterAll(async () => {
    await Promise.all((instances ?? []).map((s) => s.close()));
    await pgDb?.drop();
  });

  /**
   * A batch that bumps `order`'s boards one after another, optionally locking them all first. Between two bumps it
   * waits for `between` (the other batch's first bump, where the test needs both to hold one row each), else a pause.
   */
  const batch = (store: Executor, order: string[], lockFirst: boolean, between: () => Promise<unknown> = () => pause(100)) =>
    store.transaction(async (tx) => {
      if (lockFirst) await lockBoards(tx, order);
      for (const [i, boardId] of order.entries()) {
        await bump(tx, boardId);
        if (i < order.length - 1) await between();
      }
    });

  /** Two parties that each go on only once both have arrived: each batch holds its first row before either asks for its second. */
  const rendezvous = () => {
    let arrived = 0;
    let release!: () => void;
    const both = new Promise<void>((resolve) => (release = resolve));
    return () => {
      if (++arrived === 2) release();
      return both;
    };
  };

  it('deadlocks without the ordered lock, with an error the service retries the batch on', async () => {
    // Without the meeting point a loaded machine could start the second batch after the first had both rows.
    const meet = rendezvous();
    const results = await Promise.allSettled([batch(instances[0], ['b1', 'b2'], false, meet), batch(instances[1], ['b2', 'b1'], false, meet)]);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    const reason = (failed[0] as PromiseRejectedResult).reason as { code?: string };
    expect(reason.code).toBe('40P01');
    expect(isRetryable(reason)).toBe(true);
  }, 20_000);

  it('waits instead of deadlocking when each batch locks its boards in id order first', async () => {
    const before = [await seqOf(instances[0], 'b1'), await seqOf(instances[0], 'b2')];
    const results = await Promise.allSettled([batch(instances[0], ['b1', 'b2'], true), batch(instances[1], ['b2', 'b1'], true)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect([await seqOf(instances[0], 'b1'), await seqOf(instances[0], 'b2')]).toEqual(before.map((s) => s + 2));
  }, 20_000);

  it('isolates a command of a batch that fails unexpectedly: the others commit, in order, and the failed one wrote nothing', async () => {
    // A batch runs without savepoints first; on PostgreSQL the failing statement aborts the whole transaction, so
    // this is the re-run with a savepoint per command answering.
    const db = instances[0].db;
    const at = new Date().toISOString();
    await db.insertInto('columns').values([{ id: 'c1', board_id: 'b1', name: 'Todo', order_key: 'a0' }, { id: 'c2', board_id: 'b1', name: 'Done', order_key: 'a1' }]).execute();
    await db.insertInto('cards').values(['k1', 'k2'].map((id, i) => ({ id, board_id: 'b1', column_id: 'c1', order_key: `a${i}`, type: 'action' as const, title: id, due_date: null, created_at: at, updated_at: at, indicator_id: null }))).execute();
    await sql`CREATE FUNCTION refuse_k2() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk hiccup for this card'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER hiccup BEFORE UPDATE ON cards FOR EACH ROW WHEN (NEW.id = 'k2') EXECUTE FUNCTION refuse_k2()`.execute(db);
    const before = await seqOf(instances[0], 'b1');
    const service = createCommandService(instances[0]);
    const move = (cardId: string, toColumnId: string) => ({ opId: randomUUID(), boardId: 'b1', cardId, toColumnId, index: 0 });
    const results = await Promise.all(
      [move('k1', 'c2'), move('k2', 'c2'), move('k1', 'c1')].map(
        (cmd) => new Promise<CommandResultOrError>((resolve) => service.submit('card:move', cmd, 'Test', resolve)),
      ),
    );
    expect(results[0]!.outcome).toMatchObject({ ok: true, seq: before + 1 });
    expect(results[1]!.error).toMatchObject({ message: expect.stringContaining('disk hiccup') });
    expect(results[2]!.outcome).toMatchObject({ ok: true, seq: before + 2 });
    expect(await db.selectFrom('cards').select(['id', 'column_id']).orderBy('id').execute()).toEqual([{ id: 'k1', column_id: 'c1' }, { id: 'k2', column_id: 'c1' }]);
    expect(await seqOf(instances[0], 'b1')).toBe(before + 2);
    expect((await db.selectFrom('operations').select('op_id').execute()).length).toBe(2);
  }, 20_000);

  it('answers as a duplicate an opId the other instance committed while the batch ran, its held-back rows refused', async () => {
    // The batch looked the opId up before the other instance committed it; the batch's operation rows, written at
    // its end, then wait for that commit and fail the constraint: the batch runs again and sees the opId applied.
    const opId = randomUUID();
    const before = await seqOf(instances[0], 'b1');
    const release = signal();
    const inserted = signal();
    const other = instances[1].transaction(async (tx) => {
      await tx.run(sql`INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (${opId}, 'b1', 'card:move', 'Test', ${new Date().toISOString()})`);
      inserted.settle();
      await release.reached;
    });
    await inserted.reached;
    const service = createCommandService(instances[0]);
    const outcome = new Promise<CommandResultOrError>((resolve) =>
      service.submit('card:move', { opId, boardId: 'b1', cardId: 'k1', toColumnId: 'c2', index: 0 }, 'Test', resolve));
    await pause(300);
    release.settle();
    await other;
    expect((await outcome).outcome).toMatchObject({ ok: true, seq: before, events: [], duplicate: true });
    expect(await seqOf(instances[0], 'b1')).toBe(before);
    expect(await instances[0].db.selectFrom('cards').select('column_id').where('id', '=', 'k1').executeTakeFirst()).toEqual({ column_id: 'c1' });
  }, 20_000);

  it('answers as a duplicate an opId committed by the transaction whose board lock the batch waited for', async () => {
    // The batch waits for the board's lock, held by the other instance, which created the card under the same opId.
    // The batch looks its opIds up once it has the lock, so it sees that commit. Looked up before the wait ended (a
    // lookup in the locking statement itself sees what was committed when that statement began), the opId would
    // seem new, and running the create again would be refused (the card exists) instead of answered as a duplicate.
    const opId = randomUUID();
    const at = new Date().toISOString();
    const before = await seqOf(instances[0], 'b1');
    const release = signal();
    const locked = signal();
    const other = instances[1].transaction(async (tx) => {
      await lockBoards(tx, ['b1']);
      await tx.run(sql`INSERT INTO cards (id, board_id, column_id, order_key, type, title, created_at, updated_at) VALUES ('z1', 'b1', 'c1', 'a9', 'idea', 'Z', ${at}, ${at})`);
      await tx.run(sql`INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (${opId}, 'b1', 'card:create', 'Test', ${at})`);
      await tx.run(sql`UPDATE boards SET seq = seq + 1 WHERE id = 'b1'`);
      await tx.run(sql`INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES ('b1', ${before + 1}, ${opId}, 'Test', ${at}, 'card.created', ${JSON.stringify({ type: 'card.created', card: { id: 'z1' } })})`);
      locked.settle();
      await release.reached;
    });
    await locked.reached;
    const service = createCommandService(instances[0]);
    const outcome = new Promise<CommandResultOrError>((resolve) =>
      service.submit('card:create', { opId, boardId: 'b1', card: { id: 'z1', columnId: 'c1', type: 'idea', title: 'Z', description: '', ownerName: '', dueDate: null } }, 'Test', resolve));
    await pause(300);
    release.settle();
    await other;
    expect((await outcome).outcome).toMatchObject({ ok: true, seq: before + 1, duplicate: true });
    expect(await seqOf(instances[0], 'b1')).toBe(before + 1);
  }, 20_000);

  it('writes the rows it held back before a command that reads the log: an undo in the batch of the move it undoes', async () => {
    const before = await seqOf(instances[0], 'b1');
    const service = createCommandService(instances[0]);
    const [moved, undone] = await Promise.all([
      new Promise<CommandResultOrError>((resolve) => service.submit('card:move', { opId: randomUUID(), boardId: 'b1', cardId: 'k1', toColumnId: 'c2', index: 0 }, 'Test', resolve)),
      new Promise<CommandResultOrError>((resolve) => service.submit('card:undo', { opId: randomUUID(), boardId: 'b1', cardId: 'k1' }, 'Test', resolve)),
    ]);
    expect(moved.outcome).toMatchObject({ ok: true, seq: before + 1 });
    expect(undone.outcome).toMatchObject({ ok: true, seq: before + 2 });
    expect(await instances[0].db.selectFrom('cards').select('column_id').where('id', '=', 'k1').executeTakeFirst()).toEqual({ column_id: 'c1' });
    expect(await seqOf(instances[0], 'b1')).toBe(before + 2);
  }, 20_000);

  it('reads one moment in a read transaction while the other instance commits', async () => {
    const seen = await readTransaction(instances[0], async (tx) => {
      const first = await seqOf(tx, 'b1');
      await instances[1].transaction(async (other) => void (await bump(other, 'b1')));
      return [first, await seqOf(tx, 'b1')];
    });
    expect(seen[1]).toBe(seen[0]);
    expect(await seqOf(instances[0], 'b1')).toBe(seen[0]! + 1);
  });
});
