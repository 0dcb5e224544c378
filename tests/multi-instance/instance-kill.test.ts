// SIGKILL one of three instances while its clients write: they reconnect to the others (the test is the load
// balancer), re-send what was never answered with the same opIds, and nothing acknowledged is lost or applied twice.
// Live updates go through Redis streams here (REDIS_URL), as a region with Redis would run; convergence.test.ts
// covers PostgreSQL's LISTEN/NOTIFY.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../reliability/helpers/commands';
import { createRng } from '../reliability/helpers/rng';
import { SEED, seedMsg } from '../reliability/helpers/run-config';
import { TEST_REDIS_URL, randomId } from '../support/live-instances';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { type Cluster, instanceOf, startCluster } from './helpers/cluster';
import { convergenceProblems, startMultiWorkload } from './helpers/workload';

let database: TestDatabase | undefined;
let cluster: Cluster | undefined;
const prefix = randomId('kaskade-test');
afterEach(async () => {
  await cluster?.close();
  await database?.drop();
  const redis = new Redis(TEST_REDIS_URL);
  await redis.del(`${prefix}:live`);
  await redis.quit();
});

describe('an instance killed during writes', () => {
  it("moves its clients to the other instances: 0 acknowledged commands lost, re-sent ones applied once, replicas converge", async () => {
    database = await createTestDatabase();
    cluster = await startCluster(database.url, { instances: 3, boards: 3, clients: 12, redisUrl: TEST_REDIS_URL, env: { REDIS_PREFIX: prefix } });
    const { clients, app, alive } = cluster;
    const victims = clients.filter((c) => instanceOf(cluster!, c) === 0);
    expect(victims.length).toBeGreaterThan(0);

    const workload = startMultiWorkload(clients, cluster.org.boards, createRng(SEED), 40);
    // Mid-way through the writes: the victims have had commands acknowledged by instance 0.
    const victimIds = new Set(victims.map((c) => clients.indexOf(c)));
    const deadline = Date.now() + 60_000;
    while ([...workload.log.acked.values()].filter((a) => victimIds.has(a.client)).length < 3 * victims.length) {
      if (Date.now() > deadline) throw new Error(seedMsg('the victims never got their first acks'));
      await sleep(20);
    }
    const inFlight = victims.reduce((n, c) => n + c.pendingCount(), 0);
    alive.delete(0); // the balancer's health check takes it out
    await app.instances[0]!.kill();
    const ackedBeforeKill = new Map(workload.log.acked);
    await workload.done;

    // Every victim found another instance; whatever instance 0 acknowledged is still there, once.
    for (const v of victims) {
      expect(instanceOf(cluster, v), v.options.name).not.toBe(0);
      expect(v.reconnects, v.options.name).toBeGreaterThan(0);
    }
    const { divergences, problems } = await convergenceProblems(cluster.org, clients, workload.log);
    expect(problems, seedMsg('after the kill')).toEqual([]);
    expect(divergences).toBe(0);
    for (const opId of ackedBeforeKill.keys()) expect(workload.log.acked.has(opId)).toBe(true);
    expect(workload.log.refused.map((r) => r.code).filter((c) => c !== 'CONFLICT' && c !== 'NOT_FOUND'), seedMsg('refusals')).toEqual([]);

    // A retry of a command instance 0 acknowledged, arriving at another instance, is answered from the operations
    // table with the same events, and changes nothing (the case of an ack lost with its instance).
    const survivor = victims[0]!;
    const mine = [...ackedBeforeKill.entries()].filter(([, a]) => a.client === clients.indexOf(survivor));
    const [opId, first] = mine.at(-1)!;
    const count = async (sql: string, params: unknown[] = []): Promise<number> => (await cluster!.org.store.pool.query<{ n: number }>(sql, params)).rows[0]!.n;
    const before = await count('SELECT count(*)::int AS n FROM events');
    const again = await survivor.send(first.command.name, first.command.cmd);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    if (again.ok) expect(again.data.events.filter((e) => e.boardId === first.boardId).map((e) => e.seq)).toEqual(first.seqs);
    expect(await count('SELECT count(*)::int AS n FROM events')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM operations WHERE op_id = $1', [opId])).toBe(1);

    console.info(
      `[multi-instance] kill seed=${SEED}: ${victims.length} clients lost their instance with ${inFlight} commands in flight; ` +
        `${workload.log.acked.size} acked, ${workload.log.duplicates} answered as duplicates, ` +
        `${clients.reduce((n, c) => n + c.resent, 0)} re-sends, divergences=${divergences}`,
    );
  });
});
