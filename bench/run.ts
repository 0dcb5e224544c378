// `npm run bench [-- --quick] [-- --only=name,…]`: every figure a ratio against a baseline measured in the same run,
// interleaved A B A B …, median of 5 repetitions (3 with --quick, at the same sizes, so pass/fail does not change).
// Writes bench/results.json and bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { cpus, freemem, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserBenches } from './lib/browser-benches';
import { coldStartBench } from './lib/cold-start';
import { createBenchDatabase } from './lib/fixture';
import { CORES, pinned, spawnNode } from './lib/procs';
import { fanoutBench, memoryBench, movesBench, startKaskade } from './lib/realtime-benches';
import { joinStormBench } from './lib/join-storm';
import { kyselySqliteBench } from './lib/kysely-sqlite';
import { paintBench } from './lib/paint-bench';
import { pgAppendBench } from './lib/pg-append';
import { fanoutMultiBench, movesPgBench } from './lib/pg-benches';
import { moveAckUnderReadsBench, overviewGrowthBench } from './lib/scale-benches';
import { type Entry, entry, interleave, median } from './lib/stats';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const REPS = quick ? 3 : 5;
const size = { fanoutMessages: 60, moveMs: 3000, memoryClients: 2000, snapshotRequests: 300, coldReps: quick ? 3 : 7 };

const here = import.meta.dirname;
const entries: Entry[] = [];
const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function snapshotBench(db: Awaited<ReturnType<typeof createBenchDatabase>>): Promise<Entry[]> {
  const server = await startKaskade(db);
  const load = spawnNode(join(here, 'load', 'http.ts'), { core: CORES.load });
  const inproc = spawnNode(join(here, 'servers', 'snapshot-inproc.ts'), { core: CORES.server, env: { DATABASE_PATH: db.path } });
  try {
    await Promise.all([load.next('ready'), inproc.next('ready')]);
    const url = `${server.url}/api/boards/${db.bigBoard}`;
    let gzipBytes = 0;
    const http = async () => {
      const r = await load.request<{ perRequestMs: number; bytes: number; encoding: string }>({ type: 'run', url, token: server.token, requests: size.snapshotRequests, concurrency: 10 });
      if (r.encoding !== 'gzip') throw new Error(`snapshot served with ${r.encoding}, expected gzip`);
      gzipBytes = r.bytes;
      return r.perRequestMs;
    };
    const base = async () => (await inproc.request<{ perRequestMs: number }>({ type: 'run', boardId: db.bigBoard, requests: size.snapshotRequests })).perRequestMs;
    await http();
    await base();
    const { a, b } = await interleave(REPS, http, base);
    const e = entry('snapshot_ratio', median(a), median(b), 'ms/request', { maxRatio: 2 }, `10 concurrent; response ${(gzipBytes / 1024).toFixed(1)} KiB gzipped (target ≤ 12 KB)`);
    e.pass &&= gzipBytes <= 12_000;
    return [e, { name: 'snapshot_gzip_bytes', value: gzipBytes, unit: 'bytes', baseline: 12_000, ratio: Number((gzipBytes / 12_000).toFixed(3)), target: 'value ≤ 12000 bytes', pass: gzipBytes <= 12_000 }];
  } finally {
    await Promise.all([load.stop(), inproc.stop(), server.proc.stop()]);
  }
}

function machine(): Record<string, string> {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trimEnd();
    } catch {
      return 'n/a';
    }
  };
  const model = readFileSafe('/proc/cpuinfo').match(/model name\s*:\s*(.+)/)?.[1] ?? cpus()[0]?.model ?? 'n/a';
  return {
    nproc: sh('nproc', []),
    'free -h': sh('free', ['-h']),
    node: process.version,
    cpu: model,
    pinned: pinned ? `yes (taskset: server core ${CORES.server}, load core ${CORES.load})` : 'no (taskset unavailable)',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    load: sh('uptime', []).trim(),
    commit: sh('git', ['rev-parse', '--short', 'HEAD']),
  };
}
function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const BENCHES: { name: string; run: (db: Awaited<ReturnType<typeof createBenchDatabase>>) => Promise<Entry[]> }[] = [
  { name: 'fanout', run: async (db) => [...(await fanoutBench(db, 200, REPS, size.fanoutMessages)), ...(await fanoutBench(db, 1000, REPS, size.fanoutMessages))] },
  { name: 'moves', run: (db) => movesBench(db, REPS, size.moveMs) },
  { name: 'snapshot', run: snapshotBench },
  { name: 'memory', run: (db) => memoryBench(db, REPS, size.memoryClients) },
  { name: 'coldstart', run: (db) => coldStartBench(db, size.coldReps) },
  { name: 'browser', run: (db) => browserBenches(db, REPS) },
  { name: 'paint', run: (db) => paintBench(db, REPS) },
  { name: 'join_storm', run: () => joinStormBench(REPS) },
  { name: 'overview', run: () => overviewGrowthBench(REPS, log) },
  { name: 'reads', run: () => moveAckUnderReadsBench(REPS, size.moveMs, log) },
  { name: 'kysely_sqlite', run: (db) => kyselySqliteBench(db, REPS, 1500) },
  { name: 'pg_append', run: () => pgAppendBench(REPS, 2000) },
  { name: 'moves_pg', run: (db) => movesPgBench(db, REPS, size.moveMs) },
  { name: 'fanout_multi', run: (db) => fanoutMultiBench(db, 1000, REPS, size.fanoutMessages) },
];

const started = Date.now();
const env = machine();
log(`${quick ? 'quick' : 'full'} run on ${env.nproc} cores, ${env.cpu}, node ${env.node}; ${env.pinned}`);
const db = await createBenchDatabase();
let failed = false;
try {
  for (const bench of BENCHES) {
    if (only && !only.includes(bench.name)) continue;
    log(`${bench.name} …`);
    const t = Date.now();
    try {
      const result = await bench.run(db);
      entries.push(...result);
      for (const e of result) log(`  ${e.name}: ${e.value} ${e.unit} vs ${e.baseline} → ${e.ratio}× ${e.pass ? 'PASS' : 'MISS'} (${e.target})`);
    } catch (err) {
      failed = true;
      log(`  ${bench.name} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
    log(`  (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
} finally {
  db.cleanup();
}

writeFileSync(join(here, 'results.json'), `${JSON.stringify(entries, null, 2)}\n`);
const table = [
  '| name | value | baseline | ratio | target | pass | note |',
  '|---|---|---|---|---|---|---|',
  ...entries.map((e) => `| \`${e.name}\` | ${e.value} ${e.unit} | ${e.baseline} ${e.unit} | ${e.ratio}× | ${e.target} | ${e.pass ? '✅' : '❌'} | ${e.note ?? ''} |`),
].join('\n');
const findingsPath = join(here, 'FINDINGS.md');
const findings = readFileSafe(findingsPath);
const md = `# Benchmark results

Generated by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${((Date.now() - started) / 1000).toFixed(0)} s.
Every figure is the median of ${REPS}${quick ? ' (quick run)' : ''} repetitions, interleaved with its baseline (A B A B …) in the same run.

## Figures

${table}

## Machine

- \`nproc\`: ${env.nproc}
- CPU: ${env.cpu}
- node: ${env.node}
- pinning: ${env.pinned}
- load at start: ${env.load}
- load at end: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}
- commit measured: ${env.commit} (other work on the machine during the run shows in the load)
- \`free -h\`:

\`\`\`
${env['free -h']}
\`\`\`
${findings ? `\n${findings.trim()}\n` : ''}`;
writeFileSync(join(here, 'RESULTS.md'), md);
log(`wrote bench/results.json and bench/RESULTS.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
