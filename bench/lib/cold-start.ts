import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildServer } from '../../scripts/build-server';
import { projectRoot } from '../../server/config';
import { benchCredentials } from './auth';
import { type BenchDatabase } from './fixture';
import { CORES, onCleanup, pinned } from './procs';
import { type Entry, entry, interleave, median } from './stats';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    s.on('error', reject);
  });

const status = (url: string, token: string): Promise<number> =>
  new Promise((resolve) => {
    const req = request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });

/** Spawns `node file`, polls until the board answers 200, returns the time from spawn to that answer. */
async function timeToFirstSnapshot(file: string, dbPath: string, boardId: string, token: string): Promise<number> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, SEED_DEMO: 'false' };
  const argv = [process.execPath, file];
  const t0 = performance.now();
  const child: ChildProcess = pinned
    ? spawn('taskset', ['-c', CORES.server, ...argv], { env, stdio: 'ignore' })
    : spawn(argv[0]!, argv.slice(1), { env, stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}/api/boards/${boardId}`;
    for (let i = 0; i < 10_000; i++) {
      if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}`);
      if ((await status(url, token)) === 200) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`${file} did not serve ${url} within the poll budget`);
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  }
}

/** Process start → first snapshot served (migrations checked), product build vs the skeleton, both built alike. */
export async function coldStartBench(db: BenchDatabase, reps: number): Promise<Entry[]> {
  const dir = join(projectRoot, 'dist', `bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const cleanup = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  try {
    // The product exactly as `npm run build:server` builds it, and the skeleton with the same options.
    await buildServer(join(projectRoot, 'server', 'main.ts'), join(dir, 'product'));
    await buildServer(join(projectRoot, 'bench', 'servers', 'skeleton.ts'), join(dir, 'skeleton'));
    const dbPath = join(dir, 'cold.db');
    copyFileSync(db.path, dbPath);
    const boardId = db.moveBoard.id;
    const { token } = await benchCredentials(dbPath);
    const product = () => timeToFirstSnapshot(join(dir, 'product', 'main.js'), dbPath, boardId, token);
    const skeleton = () => timeToFirstSnapshot(join(dir, 'skeleton', 'skeleton.js'), dbPath, boardId, token);
    await product();
    await skeleton();
    const { a, b } = await interleave(reps, product, skeleton);
    return [entry('cold_start_ratio', median(a), median(b), 'ms', { maxRatio: 3 })];
  } finally {
    cleanup();
  }
}
