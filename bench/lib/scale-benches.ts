// Region scale (issue 21): the start page's cost at L against S, and a live board's move acks while the start page,
// an export and a report are read at M, against the same moves with no readers.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDate } from '../../shared/domain/periods';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { type Size, seedSize } from '../../server/seed/seed-size';
import { benchCredentials } from './auth';
import { benchTempDir } from './fixture';
import { CORES, type Spawned, onCleanup, spawnNode } from './procs';
import { type Entry, entry, interleave, median, percentile } from './stats';

const here = import.meta.dirname;
const KASKADE = join(here, '..', 'servers', 'kaskade-server.ts');
const CLIENT = join(here, '..', 'load', 'scale-client.ts');

interface Seeded {
  path: string;
  cleanup(): void;
}

async function seeded(size: Size): Promise<Seeded> {
  const dir = benchTempDir(`scale-${size}`);
  const cleanup = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'kaskade.db');
  const db = openDatabase(path);
  migrate(db, join(projectRoot, 'migrations'));
  await seedSize(db, size);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { path, cleanup };
}

async function serve(path: string): Promise<{ proc: Spawned; url: string; token: string }> {
  const token = (await benchCredentials(path)).token;
  // The mover sends its next move as soon as the last is acked: on a quiet machine that is more than the per-socket
  // command limit (100/s), which this figure is not about (as in the moves bench).
  const proc = spawnNode(KASKADE, { core: CORES.server, env: { DATABASE_PATH: path, BENCH_UNLIMITED_COMMANDS: '1' } });
  const { url } = await proc.next<{ url: string }>('ready', 120_000);
  return { proc, url, token };
}

async function client(): Promise<Spawned> {
  const proc = spawnNode(CLIENT, { core: CORES.load });
  await proc.next('ready', 60_000);
  return proc;
}

type Timed = { times: number[]; bytes: number };

/** `overview_growth_ratio`: the start page's first answer at L against at S (median of sequential GETs). */
export async function overviewGrowthBench(reps: number, log: (m: string) => void): Promise<Entry[]> {
  log('  seeding S and L …');
  const small = await seeded('s');
  const large = await seeded('l');
  const servers = [await serve(small.path), await serve(large.path)] as const;
  const load = await client();
  try {
    const time = async (server: (typeof servers)[number], path: string, n = 40) =>
      load.request<Timed>({ type: 'timeGets', url: server.url, token: server.token, path, n }, 300_000);
    await time(servers[0], '/api/overview', 10);
    await time(servers[1], '/api/overview', 10);
    let lBytes = 0;
    const { a, b } = await interleave(
      reps,
      async () => {
        const r = await time(servers[1], '/api/overview');
        lBytes = r.bytes;
        return median(r.times);
      },
      async () => median((await time(servers[0], '/api/overview')).times),
    );
    // Expanding: a hospital (20 clinics) and a clinic (14 wards) at L.
    const hospital = median((await time(servers[1], '/api/overview?parent=h1')).times);
    const clinic = median((await time(servers[1], '/api/overview?parent=h1-k1')).times);
    const boards = await time(servers[1], '/api/boards?parent=h1-k1', 20);
    const startMs = median(a);
    const e = entry('overview_growth_ratio', startMs, median(b), 'ms', { maxRatio: 3 },
      `L (3,021 units) vs S (11); L first answer ${startMs.toFixed(1)} ms, ${(lBytes / 1024).toFixed(1)} KB ` +
      `(targets ≤ 50 ms, ≤ 150 KB); expand hospital ${hospital.toFixed(1)} ms, clinic ${clinic.toFixed(1)} ms (target ≤ 20 ms); ` +
      `board list of a clinic ${median(boards.times).toFixed(1)} ms, ${(boards.bytes / 1024).toFixed(1)} KB; round trips over loopback`);
    e.pass &&= startMs <= 50 && lBytes <= 150 * 1024;
    return [e, entry('overview_expand_ms', Math.max(hospital, clinic), 20, 'ms', { maxValue: 20 }, 'slower of expanding a hospital and a clinic at L, vs the 20 ms goal')];
  } finally {
    await Promise.all([load.stop(), ...servers.map((s) => s.proc.stop())]);
    small.cleanup();
    large.cleanup();
  }
}

/**
 * `move_ack_under_reads_p99_ratio`: one socket moving a card on a ward board at M, its ack p99 while 5 clients load
 * the start page (and expand), an export and a report in a loop, against the same moves with no readers.
 */
export async function moveAckUnderReadsBench(reps: number, durationMs: number, log: (m: string) => void): Promise<Entry[]> {
  log('  seeding M …');
  const medium = await seeded('m');
  const db = openDatabase(medium.path);
  const boardId = 'board-h2-k3-a4';
  const columns = db.prepare('SELECT id FROM columns WHERE board_id = ? ORDER BY order_key LIMIT 2').all(boardId) as { id: string }[];
  const card = db.prepare('SELECT id FROM cards WHERE board_id = ? AND archived = 0 LIMIT 1').get(boardId) as { id: string };
  db.close();
  const server = await serve(medium.path);
  const mover = await client();
  const readers = await client();
  const today = calendarDate(new Date());
  const paths = [
    '/api/overview',
    '/api/overview?parent=h2',
    '/api/indicators/sygefravaer/measurements.csv?unit=region',
    `/api/reports/status?unit=region&from=${Number(today.slice(0, 4)) - 1}-01-01&to=${today}`,
    '/api/overview?parent=psyk',
  ];
  try {
    await mover.request({ type: 'connect', url: server.url, token: server.token, boardId }, 60_000);
    const run = async (withReaders: boolean) => {
      let requests = 0;
      if (withReaders) await readers.request({ type: 'readers', url: server.url, token: server.token, clients: 5, paths });
      const { latencies } = await mover.request<{ latencies: number[] }>(
        { type: 'moves', durationMs, boardId, cardId: card.id, columns: [columns[0]!.id, columns[1]!.id] },
        durationMs + 120_000,
      );
      if (withReaders) requests = (await readers.request<{ requests: number }>({ type: 'stopReaders' }, 120_000)).requests;
      return { p99: percentile(latencies, 99), moves: latencies.length, requests };
    };
    await run(false);
    const { a, b } = await interleave(reps, () => run(true), () => run(false));
    const under = median(a.map((r) => r.p99));
    const alone = median(b.map((r) => r.p99));
    const reads = median(a.map((r) => r.requests));
    return [entry('move_ack_under_reads_p99_ratio', under, alone, 'ms', { maxRatio: 1.5 },
      `M (616 units); p99 of ${median(a.map((r) => r.moves))} acks in ${durationMs / 1000} s with 5 readers ` +
      `(${reads} reads: start page, expand, measurements.csv and status report of the region) vs alone`)];
  } finally {
    await Promise.all([mover.stop(), readers.stop(), server.proc.stop()]);
    medium.cleanup();
  }
}
