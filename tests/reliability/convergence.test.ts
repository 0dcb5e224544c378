import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalise, dbBoardState } from './helpers/board-state';
import { randomCommand, sleep } from './helpers/commands';
import { allProblems, boardSeq, countOf } from './helpers/db-checks';
import { sql } from 'kysely';
import { type InProcessServer, startInProcessServer } from './helpers/inproc-server';
import { createRng } from './helpers/rng';
import { SEED, seedMsg, size } from './helpers/run-config';
import { SyncClient } from './helpers/sync-client';

const BOARDS = size(5, 20);
const CLIENTS = size(50, 200);
const OPS_PER_CLIENT = size(20, 40);

let srv: InProcessServer;
const clients: SyncClient[] = [];

beforeAll(async () => {
  srv = await startInProcessServer({ boards: BOARDS });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await srv?.stop();
});

describe(`convergence: ${CLIENTS} clients on ${BOARDS} boards`, () => {
  it('every client ends with exactly the server state, and the database keeps its invariants', async () => {
    const rng = createRng(SEED);
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(await SyncClient.connect(srv.url, { name: `Klient ${i}`, boardId: srv.boards[i % BOARDS]!.id }));
    }
    const outcomes = { ok: 0, refused: {} as Record<string, number>, reconnects: 0 };

    // Each client sends its commands with random pauses; a few drop their connection mid-way and must catch up.
    await Promise.all(
      clients.map(async (client, i) => {
        const own = rng.fork(i);
        const board = srv.boards[i % BOARDS]!;
        for (let n = 0; n < OPS_PER_CLIENT; n++) {
          await sleep(own.int(30));
          if (own.chance(0.02)) {
            outcomes.reconnects++;
            client.socket.disconnect();
            await sleep(own.int(50));
            client.socket.connect();
          }
          const { name, cmd } = randomCommand(own, board, client.replica.state!, `c${i}`);
          const ack = await client.send(name, cmd);
          if (ack.ok) outcomes.ok++;
          else outcomes.refused[ack.error.code] = (outcomes.refused[ack.error.code] ?? 0) + 1;
        }
      }),
    );

    // Quiet now: every broadcast still in flight lands, then each replica must equal the database exactly.
    for (const client of clients) {
      const expected = await boardSeq(srv.store, client.options.boardId);
      await client.waitFor(() => client.replica.seq >= expected && !client.replica.hasGap(), 10_000, seedMsg(`seq ${expected}`));
    }
    let divergences = 0;
    for (const client of clients) {
      const server = await dbBoardState(srv.store, client.options.boardId);
      const local = normalise(client.replica.state!);
      if (!isDeepStrictEqual(local, server)) divergences++;
      expect(local, seedMsg(`${client.options.name} diverged from the server`)).toEqual(server);
      expect(client.errors, seedMsg(client.options.name)).toEqual([]);
    }
    expect(await allProblems(srv.store), seedMsg('database invariants')).toEqual([]);
    // Races (a peer archived the card first) are refused with CONFLICT/NOT_FOUND; nothing else may be refused.
    expect(Object.keys(outcomes.refused).filter((c) => c !== 'CONFLICT' && c !== 'NOT_FOUND'), seedMsg('refusals')).toEqual([]);
    const events = await countOf(srv.store, sql`SELECT count(*) AS n FROM events`);
    console.info(
      `[reliability] convergence seed=${SEED}: ${CLIENTS} clients, ${BOARDS} boards, ${CLIENTS * OPS_PER_CLIENT} commands ` +
        `(${outcomes.ok} applied, refused ${JSON.stringify(outcomes.refused)}), ${events} events, ` +
        `${outcomes.reconnects} reconnects, ${clients.reduce((n, c) => n + c.resent, 0)} re-sends, divergences=${divergences}`,
    );
  });
});
