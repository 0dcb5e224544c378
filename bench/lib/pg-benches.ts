// The whole server on PostgreSQL (issue 22): acknowledged moves/s against a raw pg loop of the same transaction,
// and fan-out latency with the receivers spread over three instances against the same receivers on one.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { type BenchDatabase } from './fixture';
import { createPgBenchDatabase } from './pg-fixture';
import { CORES, type Spawned, spawnNode } from './procs';
import { type Entry, entry, interleave, median, percentile } from './stats';

const here = import.meta.dirname;
const KASKADE = join(here, '..', 'servers', 'kaskade-server.ts');
const LOAD = join(here, '..', 'load', 'clients.ts');
const RAW_PG = join(here, '..', 'servers', 'raw-moves-pg.ts');

/** Senders in the moves bench: concurrent commands on the product side, concurrent writers on the raw side. */
const SENDERS = 8;

/** The real server (kaskade-server.ts → startServer) on `databaseUrl`, pinned to the server's core. */
async function startPgKaskade(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<{ proc: Spawned; url: string }> {
  const proc = spawnNode(KASKADE, { core: CORES.server, env: { DATABASE_URL: databaseUrl, ...env } });
  const { url } = await proc.next<{ url: string }>('ready', 120_000);
  return { proc, url };
}

async function startLoad(): Promise<Spawned> {
  const proc = spawnNode(LOAD, { core: CORES.load, nodeArgs: ['--max-old-space-size=4096'] });
  await proc.next('ready', 60_000);
  return proc;
}

const load1 = () => loadavg()[0]!.toFixed(1);

/**
 * `moves_per_s_ratio_pg`: sustained acknowledged moves/s, 8 senders each moving its own card on one board and 50
 * receivers, the server on PostgreSQL (group commit, synchronous_commit=on), against raw-moves-pg.ts: the same
 * transaction, one per move, 8 concurrent writers, on a database of its own with the same fixture.
 */
export async function movesPgBench(db: BenchDatabase, reps: number, durationMs: number): Promise<Entry[]> {
  const product = await createPgBenchDatabase(db);
  const base = await createPgBenchDatabase(db);
  const loadAtStart = load1();
  const kaskade = await startPgKaskade(product.url, { BENCH_UNLIMITED_COMMANDS: '1' });
  const load = await startLoad();
  const raw = spawnNode(RAW_PG, { core: CORES.server, env: { DATABASE_URL: base.url, RAW_WRITERS: String(SENDERS) } });
  try {
    await raw.next('ready', 60_000);
    const { id: boardId, columns, cards } = db.moveBoard;
    await load.request({ type: 'connect', url: kaskade.url, token: product.token, receivers: 50, senders: SENDERS, boardId }, 120_000);
    let delivered = 0;
    let expected = 0;
    let serverCpuUs = 0;
    let acked = 0;
    const productSide = async () => {
      const before = await kaskade.proc.request<{ cpuUs: number }>({ type: 'cpu' });
      const r = await load.request<{ acked: number; elapsedMs: number; eventsReceived: number; expectedEvents: number }>(
        { type: 'throughput', durationMs, boardId, cards, columns },
        durationMs + 60_000,
      );
      serverCpuUs += (await kaskade.proc.request<{ cpuUs: number }>({ type: 'cpu' })).cpuUs - before.cpuUs;
      acked += r.acked;
      delivered += r.eventsReceived;
      expected += r.expectedEvents;
      return (r.acked * 1000) / r.elapsedMs;
    };
    const baseline = async () => {
      const r = await raw.request<{ moves: number; elapsedMs: number }>({ type: 'run', durationMs, boardId, cards: cards.slice(8), columns }, durationMs + 60_000);
      return (r.moves * 1000) / r.elapsedMs;
    };
    await productSide();
    await baseline();
    delivered = 0;
    expected = 0;
    serverCpuUs = 0;
    acked = 0;
    const { a, b } = await interleave(reps, productSide, baseline);
    const note = `${SENDERS} senders / raw writers on one board, synchronous_commit=on; ${delivered}/${expected} broadcasts delivered; server CPU ${(serverCpuUs / acked).toFixed(0)} µs per move; load ${loadAtStart} → ${load1()}`;
    const e = entry('moves_per_s_ratio_pg', median(a), median(b), 'moves/s', { minRatio: 1.0 }, note);
    e.pass &&= delivered === expected;
    return [e];
  } finally {
    await Promise.all([load.stop(), raw.stop(), kaskade.proc.stop()]);
    await Promise.all([product.drop(), base.drop()]);
  }
}

interface FanoutRep {
  p50: number;
  delivered: number;
  expected: number;
}

/**
 * `fanout_multi_p50_ratio_n1000`: one sender's move (on the first instance) to its receipt by 1,000 receivers
 * spread evenly over 3 server processes on one PostgreSQL database, live updates between them through the
 * PostgreSQL adapter (@socket.io/postgres-adapter, server/realtime/live-adapter.ts: no REDIS_URL), against the same
 * 1,000 receivers on one such process. Latency from the move's send to each arrival (the fanout bench's clock);
 * every instance on the server's core, so both sides get the same CPU. Each side on a database of its own, running
 * side by side so the reps interleave without reconnecting.
 */
export async function fanoutMultiBench(db: BenchDatabase, n: number, reps: number, messages: number, instances = 3): Promise<Entry[]> {
  const multiDb = await createPgBenchDatabase(db);
  const singleDb = await createPgBenchDatabase(db);
  const loadAtStart = load1();
  const servers: { proc: Spawned; url: string }[] = [];
  const loads: Spawned[] = [];
  try {
    // One after the other: the first migrates (already done here) and each adapter creates its table once.
    for (let i = 0; i < instances; i++) servers.push(await startPgKaskade(multiDb.url));
    const single = await startPgKaskade(singleDb.url);
    servers.push(single);
    const multi = servers.slice(0, instances);
    const loadM = await startLoad();
    loads.push(loadM);
    const loadS = await startLoad();
    loads.push(loadS);
    const { id: boardId, columns, cards } = db.moveBoard;
    await loadM.request({ type: 'connect', url: multi[0]!.url, urls: multi.map((s) => s.url), token: multiDb.token, receivers: n, senders: 1, boardId }, 300_000);
    await loadS.request({ type: 'connect', url: single.url, token: singleDb.token, receivers: n, senders: 1, boardId }, 300_000);
    const run = (load: Spawned) => async (): Promise<FanoutRep> => {
      const r = await load.request<{ latencies: number[]; delivered: number; expected: number }>({ type: 'fanout', messages, boardId, cardId: cards[15]!, columns }, 600_000);
      return { p50: percentile(r.latencies, 50), delivered: r.delivered, expected: r.expected };
    };
    // Warm-up, not counted: JIT, caches, and the instances' adapters hearing each other.
    await run(loadM)();
    await run(loadS)();
    const started = performance.now();
    const { a, b } = await interleave(reps, run(loadM), run(loadS));
    const delivered = a.reduce((s, r) => s + r.delivered, 0);
    const expected = a.reduce((s, r) => s + r.expected, 0);
    const allDelivered = delivered === expected && b.every((r) => r.delivered === r.expected);
    const note = `${instances} instances (PostgreSQL adapter) vs 1, ${n} receivers, ${messages} moves a rep; ${((100 * delivered) / expected).toFixed(2)} % delivered (${delivered}/${expected}); p50 per rep ${a.map((r) => r.p50.toFixed(1)).join('/')} vs ${b.map((r) => r.p50.toFixed(1)).join('/')} ms; ${((performance.now() - started) / 1000).toFixed(0)} s; load ${loadAtStart} → ${load1()}`;
    const e = entry(`fanout_multi_p50_ratio_n${n}`, median(a.map((r) => r.p50)), median(b.map((r) => r.p50)), 'ms', { maxRatio: 1.5 }, note);
    e.pass &&= allDelivered;
    return [e];
  } finally {
    await Promise.all(loads.map((l) => l.stop()));
    await Promise.all(servers.map((s) => s.proc.stop()));
    await Promise.all([multiDb.drop(), singleDb.drop()]);
  }
}
