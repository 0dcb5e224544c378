import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbBoardState, normalise } from './helpers/board-state';
import { randomCommand, sleep } from './helpers/commands';
import { sql } from 'kysely';
import { allProblems, boardSeq, countOf } from './helpers/db-checks';
import { type InProcessServer, startInProcessServer } from './helpers/inproc-server';
import { createRng } from './helpers/rng';
import { LONG, SEED, seedMsg, size } from './helpers/run-config';
import { SyncClient } from './helpers/sync-client';
import { TcpProxy } from './helpers/tcp-proxy';

// Short heartbeats so "offline within the heartbeat timeout" is quick to prove; production uses 20 s + 20 s.
const HEARTBEAT = { pingIntervalMs: 300, pingTimeoutMs: 300 };
const DETECT_WITHIN_MS = HEARTBEAT.pingIntervalMs + HEARTBEAT.pingTimeoutMs + 300; // + scheduling slack
const RESYNC_WITHIN_MS = 1000;
const BLACKHOLE_MS = size(3000, 30_000);
const OUTAGES = size(['blackhole', 'reset', 'drop', 'reset', 'drop'], ['blackhole', 'reset', 'drop', 'blackhole', 'reset', 'drop', 'reset', 'drop']);

let srv: InProcessServer;
const proxies: TcpProxy[] = [];
const clients: SyncClient[] = [];
beforeAll(async () => {
  srv = await startInProcessServer({ boards: 2, heartbeat: HEARTBEAT, cardsPerBoard: 5 });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all(proxies.map((p) => p.close()));
  await srv?.stop();
});

describe('network loss between a client and the server', () => {
  it('notices, resyncs within 1 s of the network coming back, settles pending changes once, and converges', async () => {
    const rng = createRng(SEED);
    const board = srv.boards[0]!;
    const proxy = await TcpProxy.start(srv.port);
    proxies.push(proxy);
    // Three clients behind the flaky link, two peers on a good one who keep writing meanwhile.
    const flaky: SyncClient[] = [];
    for (let i = 0; i < 3; i++) flaky.push(await SyncClient.connect(proxy.url, { name: `Skærm ${i}`, boardId: board.id, reconnect: true }));
    const peers: SyncClient[] = [];
    for (let i = 0; i < 2; i++) peers.push(await SyncClient.connect(srv.url, { name: `Peer ${i}`, boardId: board.id }));
    clients.push(...flaky, ...peers);
    const stats = { detectMs: [] as number[], resyncMs: [] as number[], pending: 0, applied: 0, rolledBack: 0 };
    const sentByFlaky: { opId: string; ack: Promise<{ ok: boolean }> }[] = [];

    const write = async (client: SyncClient, n: number, salt: number) => {
      const own = rng.fork(salt);
      for (let i = 0; i < n; i++) {
        const { name, cmd } = randomCommand(own, board, client.replica.state!, client.options.name.replace(/\W/g, ''));
        const ack = client.send(name, cmd);
        if (flaky.includes(client)) sentByFlaky.push({ opId: String(cmd.opId), ack });
        await sleep(own.int(40));
      }
    };

    for (const [round, outage] of OUTAGES.entries()) {
      const cut = Date.now();
      if (outage === 'blackhole') proxy.blackhole();
      else if (outage === 'reset') proxy.reset();
      else proxy.drop();
      // While the link is down: the flaky clients keep editing (queued, optimistic), the peers keep writing.
      const during = Promise.all([
        ...flaky.map((c, i) => write(c, 4, round * 100 + i)),
        ...peers.map((c, i) => write(c, 8, round * 100 + 50 + i)),
      ]);
      if (outage === 'blackhole') {
        for (const c of flaky) {
          await c.waitFor(() => !c.connected, DETECT_WITHIN_MS + 2000, seedMsg('offline'));
          stats.detectMs.push(c.disconnectedAt! - cut);
          expect(c.disconnectedAt! - cut, seedMsg(`${c.options.name}: offline noticed after`)).toBeLessThanOrEqual(DETECT_WITHIN_MS);
        }
        stats.pending += flaky.reduce((n, c) => n + c.pendingCount(), 0);
        await sleep(BLACKHOLE_MS);
        const back = Date.now();
        proxy.heal();
        for (const c of flaky) {
          await c.waitFor(() => c.connected && (c.resyncedAt ?? 0) >= back, RESYNC_WITHIN_MS + 3000, seedMsg('resync'));
          stats.resyncMs.push(c.resyncedAt! - back);
          expect(c.resyncedAt! - back, seedMsg(`${c.options.name}: resynced after`)).toBeLessThanOrEqual(RESYNC_WITHIN_MS);
        }
      } else {
        const back = Date.now();
        for (const c of flaky) {
          await c.waitFor(() => c.connected && (c.resyncedAt ?? 0) >= back, RESYNC_WITHIN_MS + 3000, seedMsg('reconnect'));
          stats.resyncMs.push(c.resyncedAt! - back);
          expect(c.resyncedAt! - back, seedMsg(`${c.options.name}: resynced after ${outage}`)).toBeLessThanOrEqual(RESYNC_WITHIN_MS);
        }
      }
      await during;
      // Every queued change is answered: applied (once) or refused and rolled back.
      for (const c of flaky) await c.waitFor(() => c.pendingCount() === 0, 5000, seedMsg('pending drained'));
    }

    const ops = (opId: string) => countOf(srv.store, sql`SELECT count(*) AS n FROM operations WHERE op_id = ${opId}`);
    for (const { opId, ack } of sentByFlaky) {
      const { ok } = await ack;
      if (ok) stats.applied++;
      else stats.rolledBack++;
      expect(await ops(opId), seedMsg(`${opId} (${ok ? 'applied' : 'refused'})`)).toBe(ok ? 1 : 0);
    }
    const expected = await boardSeq(srv.store, board.id);
    for (const c of [...flaky, ...peers]) {
      await c.waitFor(() => c.replica.seq >= expected, 5000, seedMsg('final catch-up'));
      expect(normalise(c.replica.state!), seedMsg(`${c.options.name} diverged`)).toEqual(await dbBoardState(srv.store, board.id));
      expect(c.errors).toEqual([]);
    }
    expect(await allProblems(srv.store), seedMsg('database invariants')).toEqual([]);
    console.info(
      `[reliability] network seed=${SEED}${LONG ? ' (long)' : ''}: outages ${OUTAGES.join(',')}, blackhole ${BLACKHOLE_MS} ms; ` +
        `offline noticed in ${Math.max(...stats.detectMs)} ms max (limit ${DETECT_WITHIN_MS}), resynced in ${Math.max(...stats.resyncMs)} ms max; ` +
        `${sentByFlaky.length} changes from flaky clients: ${stats.applied} applied once, ${stats.rolledBack} refused and rolled back; ` +
        `${stats.pending} pending at blackhole, ${proxy.connections} TCP connections, divergences=0`,
    );
  });
});
