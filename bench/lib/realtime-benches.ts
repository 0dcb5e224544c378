import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchCredentials } from './auth';
import { type BenchDatabase } from './fixture';
import { CORES, type Spawned, spawnNode } from './procs';
import { type Entry, entry, interleave, median, percentile } from './stats';

const here = import.meta.dirname;
const KASKADE = join(here, '..', 'servers', 'kaskade-server.ts');
const BARE = join(here, '..', 'servers', 'bare-server.ts');
const LOAD = join(here, '..', 'load', 'clients.ts');

export interface ServerHandle {
  proc: Spawned;
  url: string;
  /** A session token its clients sign in with ('' for the bare server, which takes anyone). */
  token: string;
}

export async function startKaskade(db: BenchDatabase, extra: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<ServerHandle> {
  const proc = spawnNode(KASKADE, { core: CORES.server, env: { DATABASE_PATH: db.path, ...extra.env }, nodeArgs: extra.nodeArgs ?? [] });
  const { url } = await proc.next<{ url: string }>('ready', 60_000);
  return { proc, url, token: (await benchCredentials(db.path)).token };
}

/** The durable relay (bare-server.ts), with its table in a file beside the product's database. */
export async function startBare(db: BenchDatabase, extra: { nodeArgs?: string[] } = {}): Promise<ServerHandle> {
  const env = { RELAY_DATABASE_PATH: join(db.dir, 'relay.db') };
  const proc = spawnNode(BARE, { core: CORES.server, env, nodeArgs: extra.nodeArgs ?? [] });
  const { url } = await proc.next<{ url: string }>('ready', 60_000);
  return { proc, url, token: '' };
}

async function startLoad(): Promise<Spawned> {
  const proc = spawnNode(LOAD, { core: CORES.load, nodeArgs: ['--max-old-space-size=4096'] });
  await proc.next('ready', 60_000);
  return proc;
}

/** A server's CPU time and event-loop busy time so far, in µs (see kaskade-server.ts). */
const serverTimes = async (server: ServerHandle) => server.proc.request<{ cpuUs: number; busyUs: number }>({ type: 'cpu' });

/** How the server's event loop spent a stretch: busy (of the wall time) and, of that, waiting beyond its CPU time. */
function loopNote(before: { cpuUs: number; busyUs: number }, after: { cpuUs: number; busyUs: number }, wallUs: number): string {
  const busy = after.busyUs - before.busyUs;
  const waiting = Math.max(0, busy - (after.cpuUs - before.cpuUs));
  return `server loop busy ${((100 * busy) / wallUs).toFixed(0)} % of the time, ${((100 * waiting) / wallUs).toFixed(0)} % of it off-CPU (waiting in syncs)`;
}

interface FanoutRep {
  p50: number;
  p99: number;
  delivered: number;
  expected: number;
}

/**
 * Fan-out: one client's move to receipt by N others in the board's room. Both servers run side by side with N
 * receivers each (so the reps interleave without reconnecting); a rep is `messages` moves, one at a time.
 */
export async function fanoutBench(db: BenchDatabase, n: number, reps: number, messages: number): Promise<Entry[]> {
  const kaskade = await startKaskade(db);
  const bare = await startBare(db);
  const loadK = await startLoad();
  const loadB = await startLoad();
  try {
    const { id: boardId, columns, cards } = db.moveBoard;
    await loadK.request({ type: 'connect', url: kaskade.url, token: kaskade.token, receivers: n, senders: 1, boardId }, 180_000);
    await loadB.request({ type: 'connect', url: bare.url, token: bare.token, receivers: n, senders: 1, boardId }, 180_000);
    const run = (load: Spawned) => async (): Promise<FanoutRep> => {
      const r = await load.request<{ latencies: number[]; delivered: number; expected: number }>(
        { type: 'fanout', messages, boardId, cardId: cards[15]!, columns },
        300_000,
      );
      return { p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99), delivered: r.delivered, expected: r.expected };
    };
    // Warm-up (JIT, caches) on both, not counted.
    await run(loadK)();
    await run(loadB)();
    const { a, b } = await interleave(reps, run(loadK), run(loadB));
    const delivered = a.reduce((s, r) => s + r.delivered, 0);
    const expected = a.reduce((s, r) => s + r.expected, 0);
    const deliveredNote = `${((100 * delivered) / expected).toFixed(2)} % delivered (${delivered}/${expected})`;
    const allDelivered = delivered === expected && b.every((r) => r.delivered === r.expected);
    const p50 = entry(`fanout_p50_ratio_n${n}`, median(a.map((r) => r.p50)), median(b.map((r) => r.p50)), 'ms', { maxRatio: 1.3 }, deliveredNote);
    const p99 = entry(`fanout_p99_ratio_n${n}`, median(a.map((r) => r.p99)), median(b.map((r) => r.p99)), 'ms', { maxRatio: 1.5 }, deliveredNote);
    p50.pass &&= allDelivered;
    p99.pass &&= allDelivered;
    return [p50, p99];
  } finally {
    await Promise.all([loadK.stop(), loadB.stop()]);
    await Promise.all([kaskade.proc.stop(), bare.proc.stop()]);
  }
}

/**
 * Sustained acknowledged moves/s with 8 senders and 50 receivers, against a raw better-sqlite3 loop of the same
 * transaction (see raw-moves.ts), run on the server's core.
 */
export async function movesBench(db: BenchDatabase, reps: number, durationMs: number): Promise<Entry[]> {
  const kaskade = await startKaskade(db, { env: { BENCH_UNLIMITED_COMMANDS: '1' } });
  const load = await startLoad();
  const raw = spawnNode(join(here, '..', 'servers', 'raw-moves.ts'), { core: CORES.server, env: { DATABASE_PATH: db.path } });
  try {
    await raw.next('ready', 60_000);
    const { id: boardId, columns, cards } = db.moveBoard;
    await load.request({ type: 'connect', url: kaskade.url, token: kaskade.token, receivers: 50, senders: 8, boardId }, 120_000);
    let delivered = 0;
    let expected = 0;
    // The server's CPU per acknowledged move, over the product reps: steadier than moves/s on a shared machine,
    // so a change to the product shows in it even when the ratio moves with the load.
    let serverCpuUs = 0;
    let acked = 0;
    let loop = '';
    const product = async () => {
      const before = await serverTimes(kaskade);
      const started = performance.now();
      const r = await load.request<{ acked: number; elapsedMs: number; eventsReceived: number; expectedEvents: number }>(
        { type: 'throughput', durationMs, boardId, cards, columns },
        durationMs + 60_000,
      );
      const after = await serverTimes(kaskade);
      serverCpuUs += after.cpuUs - before.cpuUs;
      loop = loopNote(before, after, (performance.now() - started) * 1000);
      acked += r.acked;
      delivered += r.eventsReceived;
      expected += r.expectedEvents;
      return (r.acked * 1000) / r.elapsedMs;
    };
    const baseline = async () => {
      const r = await raw.request<{ moves: number; elapsedMs: number }>({ type: 'run', durationMs, boardId, cards, columns }, durationMs + 60_000);
      return (r.moves * 1000) / r.elapsedMs;
    };
    await product();
    await baseline();
    delivered = 0;
    expected = 0;
    serverCpuUs = 0;
    acked = 0;
    const { a, b } = await interleave(reps, product, baseline);
    const cpuPerMove = `server CPU ${(serverCpuUs / acked).toFixed(0)} µs per move`;
    const e = entry('moves_per_s_ratio', median(a), median(b), 'moves/s', { minRatio: 1.0 }, `${delivered}/${expected} broadcasts delivered; ${cpuPerMove}; last rep: ${loop}`);
    e.pass &&= delivered === expected;
    return [e];
  } finally {
    await load.stop();
    await raw.stop();
    await kaskade.proc.stop();
  }
}

/** Server RSS per connected (and joined) client, 2,000 clients, against the bare Socket.IO server. */
export async function memoryBench(db: BenchDatabase, reps: number, clients: number): Promise<Entry[]> {
  const perClient = async (start: () => Promise<ServerHandle>): Promise<number> => {
    const server = await start();
    const load = await startLoad();
    try {
      // Warm the server up with a few clients first, so lazily loaded code is not counted per client.
      await load.request({ type: 'connect', url: server.url, token: server.token, receivers: 20, senders: 0, boardId: db.moveBoard.id }, 60_000);
      await load.request({ type: 'close' });
      await new Promise((r) => setTimeout(r, 500));
      const before = (await server.proc.request<{ rss: number }>({ type: 'rss' })).rss;
      await load.request({ type: 'connect', url: server.url, token: server.token, receivers: clients, senders: 0, boardId: db.moveBoard.id }, 300_000);
      await new Promise((r) => setTimeout(r, 1000));
      const after = (await server.proc.request<{ rss: number }>({ type: 'rss' })).rss;
      return (after - before) / clients / 1024;
    } finally {
      await load.stop();
      await server.proc.stop();
    }
  };
  const { a, b } = await interleave(
    reps,
    () => perClient(() => startKaskade(db, { nodeArgs: ['--expose-gc'] })),
    () => perClient(() => startBare(db, { nodeArgs: ['--expose-gc'] })),
  );
  return [entry('memory_per_client_ratio', median(a), median(b), 'KiB/client', { maxRatio: 1.5 }, `${clients} clients`)];
}
