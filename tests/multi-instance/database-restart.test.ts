// PostgreSQL stopped and started again under two instances while their clients write (a server of the test's own:
// the shared one on 5432 is never touched): nothing acknowledged is lost, commands during the outage are refused
// with UNAVAILABLE and never acknowledged, the clients keep them and send them again, and they are applied once
// when the database is back; the instances keep running and say the truth on /api/health and
// /api/ready, and the clients recover and converge once the database is back.
import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../reliability/helpers/commands';
import { createRng } from '../reliability/helpers/rng';
import { SEED, seedMsg } from '../reliability/helpers/run-config';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres';
import { type Cluster, startCluster } from './helpers/cluster';
import { convergenceProblems, startMultiWorkload } from './helpers/workload';

let postgres: PrivatePostgres | undefined;
let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.close();
  await postgres?.destroy();
});

const statusOf = async (url: string): Promise<number> => (await fetch(url, { signal: AbortSignal.timeout(10_000) })).status;

describe('PostgreSQL restarted during writes', () => {
  it('loses no acknowledged command, refuses commands with UNAVAILABLE (never acknowledges them) while it is away, and the clients recover and apply them once', async () => {
    postgres = await startPrivatePostgres();
    cluster = await startCluster(postgres.url, { instances: 2, boards: 2, clients: 8 });
    const { clients, app } = cluster;
    const workload = startMultiWorkload(clients, cluster.org.boards, createRng(SEED), 100_000);
    const deadline = Date.now() + 60_000;
    while (workload.log.acked.size < 40) {
      if (Date.now() > deadline) throw new Error(seedMsg('no acks before the outage'));
      await sleep(20);
    }
    const ackedBefore = new Map(workload.log.acked);

    // The outage: a fast shutdown ends every session; the instances' pools, the adapter's LISTEN connection and
    // the in-flight transactions all lose their connections at once.
    await postgres.stop();
    const down = Date.now();
    await sleep(1000);
    // No crash on the pool's, the adapter's or a transaction's connection errors.
    for (const i of app.instances) expect(i.child.exitCode ?? i.child.signalCode, `an instance exited: ${i.output()}`).toBeNull();
    const during = { health: [] as number[], ready: [] as number[], rest: [] as string[] };
    const [someone] = cluster.org.tokens.values();
    for (let round = 0; round < 3; round++) {
      for (const i of app.instances) {
        during.health.push(await statusOf(`${i.url}/api/health`));
        during.ready.push(await statusOf(`${i.url}/api/ready`));
        // An API request fails the same way: 503 UNAVAILABLE, to be tried again.
        const rest = await fetch(`${i.url}/api/boards/${cluster.org.boards[0]!.id}/meetings`, {
          headers: { cookie: `kaskade_session=${someone}` },
          signal: AbortSignal.timeout(10_000),
        });
        during.rest.push(`${rest.status} ${((await rest.json()) as { error?: { code?: string } }).error?.code}`);
      }
      await sleep(300);
    }
    const refusedDuring = workload.log.refused.filter((r) => r.at > down).length;
    // Well inside the outage (the margin for commits under way when it began, whose COMMIT failing is INTERNAL: they
    // may have committed), every refusal says: the database is away, nothing was committed, send it again.
    const codesInOutage = new Set(workload.log.refused.filter((r) => r.at > down + 500).map((r) => r.code));
    const up = Date.now();
    await postgres.start();

    // Back: the writes go on for a while, then stop; everything must add up.
    const ackedAtRestart = workload.log.acked.size;
    const again = Date.now() + 60_000;
    while (workload.log.acked.size < ackedAtRestart + 40) {
      if (Date.now() > again) throw new Error(seedMsg('no acks after the database came back'));
      await sleep(20);
    }
    await workload.stop();

    for (const i of app.instances) expect(i.child.exitCode ?? i.child.signalCode, `an instance exited: ${i.output()}`).toBeNull();
    expect(during.health.every((s) => s === 503), `health during the outage: ${during.health.join()}`).toBe(true);
    expect(during.ready.every((s) => s === 503), `ready during the outage: ${during.ready.join()}`).toBe(true);
    expect(new Set(during.rest), 'API requests during the outage').toEqual(new Set(['503 UNAVAILABLE']));
    for (const i of app.instances) {
      expect(await statusOf(`${i.url}/api/health`)).toBe(200);
      expect(await statusOf(`${i.url}/api/ready`)).toBe(200);
    }
    // Nothing is acknowledged while no database can have committed it (a margin for acks already on the wire).
    const ackedWhileDown = [...workload.log.acked.values()].filter((a) => a.at > down + 500 && a.at < up);
    expect(ackedWhileDown, seedMsg('acks during the outage')).toEqual([]);
    expect(refusedDuring, 'commands sent during the outage were refused').toBeGreaterThan(0);
    const codes = new Set(workload.log.refused.map((r) => r.code));
    for (const c of ['CONFLICT', 'NOT_FOUND', 'INTERNAL', 'UNAVAILABLE']) codes.delete(c);
    expect([...codes], seedMsg('refusal codes')).toEqual([]);
    expect([...codesInOutage], seedMsg('refusal codes during the outage')).toEqual(['UNAVAILABLE']);
    // The commands answered UNAVAILABLE were kept and sent again until answered otherwise: acknowledged once the
    // database was back (or refused for what they asked, a card another client archived meanwhile), none left waiting.
    const kept = [...workload.log.kept.values()];
    expect(kept.filter((k) => k.final === undefined || k.final === 'UNAVAILABLE'), seedMsg('kept commands never answered')).toEqual([]);
    const keptAcked = kept.filter((k) => k.final === 'ok');
    expect(keptAcked.length, seedMsg('kept commands acknowledged after the restart')).toBeGreaterThan(0);

    const { divergences, problems } = await convergenceProblems(cluster.org, clients, workload.log, 90_000);
    expect(problems, seedMsg('after the restart')).toEqual([]);
    expect(divergences).toBe(0);
    for (const opId of ackedBefore.keys()) expect(workload.log.acked.has(opId)).toBe(true);
    console.info(
      `[multi-instance] database restart seed=${SEED}: ${workload.log.acked.size} acked, ${refusedDuring} refused during the outage ` +
        `(${workload.log.refused.length} in all), ${kept.length} kept and sent again (${keptAcked.length} acked, ` +
        `${keptAcked.filter((k) => k.duplicate).length} of them as duplicates), health ${during.health.join()}, ready ${during.ready.join()}, divergences=${divergences}`,
    );
  });
});
