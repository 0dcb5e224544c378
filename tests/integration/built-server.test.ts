import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { createTestDatabase } from '../support/postgres';
import { buildServer } from '../../scripts/build-server';

// `npm start` runs the bundled server, not the sources: a dependency that breaks when bundled (one that finds its own
// files through __dirname, as Piscina does) only shows here. The build goes to its own folder under dist/, where
// the project's node_modules and migrations are found as from dist/server.
mkdirSync(join(projectRoot, 'dist'), { recursive: true });
const dir = mkdtempSync(join(projectRoot, 'dist', 'built-test-'));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const out = join(dir, 'server');
let built: Promise<void>;
beforeAll(() => {
  built = (async () => {
    await buildServer(join(projectRoot, 'server', 'main.ts'), out);
    await buildServer(join(projectRoot, 'server', 'workers', 'read-worker.ts'), out);
  })();
});

describe('the production build', () => {
  it('starts on a fresh demo database and answers reads that run in the worker pool', async () => {
    const data = mkdtempSync(join(tmpdir(), 'kaskade-built-db-'));
    await built;
    const port = 39_000 + Math.floor(Math.random() * 1000);
    child = spawn(process.execPath, [join(out, 'main.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(data, 'k.db'), NODE_ENV: 'development', SEED_DEMO: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the built server exited: ${output}`);
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the built server did not answer: ${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' },
      body: JSON.stringify({ username: 'admin', password: 'kaskade-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const report = await fetch(`${url}/api/reports/status?unit=psyk&from=2026-01-01&to=2026-11-30`, { headers: { cookie } });
    expect(report.status).toBe(200);
    expect(await report.json()).toMatchObject({ unit: { id: 'psyk' } });
    rmSync(data, { recursive: true, force: true });
  }, 180_000);

  // The adapters for live updates across instances are CommonJS packages loaded on demand: bundled, they came as a
  // default export only, and the built server stopped at start on PostgreSQL ("createAdapter is not a function").
  it('starts on PostgreSQL with its live-update adapter', async () => {
    await built;
    const pgDb = await createTestDatabase();
    const port = 40_000 + Math.floor(Math.random() * 1000);
    const pgChild = spawn(process.execPath, [join(out, 'main.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: pgDb.url, NODE_ENV: 'development', SEED_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    pgChild.stdout.on('data', (b: Buffer) => (output += b.toString()));
    pgChild.stderr.on('data', (b: Buffer) => (output += b.toString()));
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (pgChild.exitCode !== null) throw new Error(`the built server exited: ${output}`);
        const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`the built server did not answer: ${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      if (pgChild.exitCode === null) {
        const exited = new Promise((r) => pgChild.once('exit', r));
        pgChild.kill('SIGKILL');
        await exited;
      }
      await pgDb.drop();
    }
  }, 180_000);
});
