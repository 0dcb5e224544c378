import { type SqliteStore, sqliteStore } from '../../server/store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbBoardState, normalise } from './helpers/board-state';
import { type ChildServer, freePort, killAllChildren, startChildServer } from './helpers/child-server';
import { sleep } from './helpers/commands';
import { allProblems } from './helpers/db-checks';
import { createReliabilityDatabase } from './helpers/fixture';
import { createRng } from './helpers/rng';
import { SEED, seedMsg, size } from './helpers/run-config';
import { SyncClient } from './helpers/sync-client';
import { startWorkload } from './helpers/workload';

const KILLS = size(10, 100);
const BOARDS = 3;
const WRITERS = 6;

const dir = mkdtempSync(join(tmpdir(), 'kaskade-crash-'));
const clients: SyncClient[] = [];
afterAll(() => {
  clients.forEach((c) => c.abandon());
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

/** Reads the killed server's file directly, as the restarted server will (SQLite recovers the WAL on open). */
async function inspect<T>(path: string, read: (db: Database.Database, store: SqliteStore) => T | Promise<T>): Promise<T> {
  const db = new Database(path);
  try {
    return await read(db, sqliteStore(db));
  } finally {
    db.close();
  }
}

describe(`crash durability: SIGKILL ${KILLS} times while clients write`, () => {
  it('keeps every acknowledged change, applies unacknowledged ones once or not at all, and stays consistent', async () => {
    const rng = createRng(SEED);
    const path = join(dir, 'kaskade.db');
    const boards = createReliabilityDatabase(path, BOARDS);
    const port = await freePort();
    const totals = { acked: 0, unknown: 0, presentAfterCrash: 0, retried: 0 };
    let server: ChildServer | undefined;

    for (let round = 0; round < KILLS; round++) {
      server = await startChildServer(path, port);
      const writers: SyncClient[] = [];
      for (let i = 0; i < WRITERS; i++) writers.push(await SyncClient.connect(server.url, { name: `W${i}`, boardId: boards[i % BOARDS]!.id }));
      clients.push(...writers);
      const workload = startWorkload(writers, boards, rng.fork(round));
      await sleep(rng.between(50, 600));
      await server.kill(); // mid-write: some commands committed and acked, some committed but not acked, some neither
      writers.forEach((w) => w.abandon());
      await workload.stop();

      const { acked, sent } = workload.log;
      const unknown = [...sent.keys()].filter((op) => !acked.has(op));
      totals.acked += acked.size;
      totals.unknown += unknown.length;
      await inspect(path, async (db, store) => {
        expect(await allProblems(store), seedMsg(`round ${round}: database after SIGKILL`)).toEqual([]);
        const ops = db.prepare('SELECT count(*) FROM operations WHERE op_id = ?').pluck();
        const seqs = db.prepare('SELECT seq FROM events WHERE op_id = ? AND board_id = ? ORDER BY seq').pluck();
        for (const [opId, ack] of acked) {
          expect(ops.get(opId), seedMsg(`round ${round}: acknowledged ${opId} lost`)).toBe(1);
          expect(seqs.all(opId, ack.boardId), seedMsg(`round ${round}: events of ${opId}`)).toEqual(ack.seqs);
        }
        totals.presentAfterCrash += unknown.filter((op) => ops.get(op) === 1).length;
      });

      // The restarted server must treat a retry of an unanswered command as the same command: applied once.
      if (round === KILLS - 1 || rng.chance(0.5)) {
        server = await startChildServer(path, port);
        const retry = await SyncClient.connect(server.url, { name: 'Retry', boardId: boards[0]!.id });
        clients.push(retry);
        for (const opId of unknown) {
          const { name, cmd } = sent.get(opId)!;
          await retry.send(name, cmd);
          totals.retried++;
        }
        retry.close();
        await server.kill();
        await inspect(path, async (db, store) => {
          const ops = db.prepare('SELECT count(*) FROM operations WHERE op_id = ?').pluck();
          for (const opId of unknown) expect(ops.get(opId), seedMsg(`retry of ${opId}`)).toBeLessThanOrEqual(1);
          expect(await allProblems(store), seedMsg(`round ${round}: after retries`)).toEqual([]);
        });
      }
    }

    // After all the kills, a fresh client sees exactly what the file holds.
    server = await startChildServer(path, port);
    for (const board of boards) {
      const reader = await SyncClient.connect(server.url, { name: 'Reader', boardId: board.id });
      clients.push(reader);
      expect(normalise(reader.replica.state!), seedMsg(`board ${board.id} after restarts`)).toEqual(await inspect(path, (_db, store) => dbBoardState(store, board.id)));
      reader.close();
    }
    await server.kill();
    console.info(
      `[reliability] crash seed=${SEED}: ${KILLS} SIGKILLs, ${WRITERS} writers, ${totals.acked} acknowledged (all present), ` +
        `${totals.unknown} unanswered (${totals.presentAfterCrash} committed before the kill, rest absent), ${totals.retried} retried once`,
    );
  });
});
