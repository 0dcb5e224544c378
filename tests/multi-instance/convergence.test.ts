// Three Kaskade processes on one PostgreSQL database, clients spread over them making random concurrent commands:
// every replica ends equal to the database (live updates crossed instances through PostgreSQL's LISTEN/NOTIFY; the
// Redis streams transport runs in instance-kill.test.ts), every board's log is gapless, every acknowledged command
// is in the log once.
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../reliability/helpers/rng';
import { SEED, seedMsg } from '../reliability/helpers/run-config';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { type Cluster, startCluster } from './helpers/cluster';
import { convergenceProblems, startMultiWorkload } from './helpers/workload';

const BOARDS = 3;
const CLIENTS = 12;
const OPS_PER_CLIENT = 25;

let database: TestDatabase | undefined;
let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.close();
  await database?.drop();
  cluster = undefined;
  database = undefined;
});

async function converge(transport: string): Promise<void> {
  const t0 = Date.now();
  database = await createTestDatabase();
  cluster = await startCluster(database.url, { instances: 3, boards: BOARDS, clients: CLIENTS });
  const workload = startMultiWorkload(cluster.clients, cluster.org.boards, createRng(SEED), OPS_PER_CLIENT);
  const t1 = Date.now();
  await workload.done;
  const t2 = Date.now();
  const { divergences, problems } = await convergenceProblems(cluster.org, cluster.clients, workload.log);
  expect(problems, seedMsg('convergence')).toEqual([]);
  expect(divergences).toBe(0);
  // Races (a peer archived the card first) are refused with CONFLICT/NOT_FOUND; nothing else may be refused.
  expect(workload.log.refused.map((r) => r.code).filter((c) => c !== 'CONFLICT' && c !== 'NOT_FOUND'), seedMsg('refusals')).toEqual([]);
  expect(workload.log.acked.size).toBeGreaterThan(CLIENTS * OPS_PER_CLIENT * 0.5);
  console.info(
    `[multi-instance] ${transport} seed=${SEED}: ${CLIENTS} clients on 3 instances, ${BOARDS} boards, ${workload.log.acked.size} acked, ` +
      `${workload.log.refused.length} refused, ${cluster.clients.reduce((n, c) => n + c.resent, 0)} re-sends, divergences=${divergences}; ` +
      `start ${((t1 - t0) / 1000).toFixed(1)} s, writes ${((t2 - t1) / 1000).toFixed(1)} s, convergence ${((Date.now() - t2) / 1000).toFixed(1)} s`,
  );
}

describe('three instances on one PostgreSQL database', () => {
  it('clients spread over them converge to the database (live updates over PostgreSQL)', async () => {
    await converge('postgres');
  }, 240_000);
});
