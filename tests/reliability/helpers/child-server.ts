import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../../server/config';
import { type TestDatabaseTarget, registerTestDatabase } from '../../helpers/auth';

/** A free loopback port: the child server needs a known one, and the test needs to find it again after a kill. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const running = new Set<ChildProcess>();
const SERVER_MAIN = 'server/main.ts';

/** Kills every child still running: called from afterAll so no test leaves a server behind, even on failure. */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL, as a power cut or the OOM killer would: no handler runs. Resolves when the process is gone. */
  kill(): Promise<void>;
}

/** Runs a TypeScript entry point of the project in a child Node process (via tsx), tracked for clean-up. */
export function spawnTs(entry: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  return spawnNode(['--import', 'tsx', join(projectRoot, entry), ...args], env);
}

/**
 * The server's entry as a child runs it: the run's production bundle when the project built one
 * (tests/support/server-build.ts), else the sources through tsx.
 */
async function serverEntry(entry: string): Promise<string[]> {
  if (entry !== SERVER_MAIN || !process.env.VITEST) return ['--import', 'tsx', join(projectRoot, entry)];
  const { inject } = await import('vitest');
  const built = inject('serverBuild');
  return built ? [built] : ['--import', 'tsx', join(projectRoot, entry)];
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000); // the tail is what explains a failure
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => out };
}

/**
 * `server/main.ts` (or another entry that starts it) in a child process on `database` (an SQLite file's path, or a
 * PostgreSQL database's URL: DATABASE_URL), answering /api/health.
 */
export async function startChildServer(
  database: TestDatabaseTarget,
  port: number,
  entry = SERVER_MAIN,
  startTimeoutMs = 20_000,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildServer> {
  const { child, output } = spawnNode(await serverEntry(entry), {
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(typeof database === 'string' ? { DATABASE_PATH: database } : { DATABASE_URL: database.postgresUrl }),
    SEED_DEMO: 'false',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  registerTestDatabase(port, database); // clients sign in with a session in this file (tests/helpers/auth.ts)
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${startTimeoutMs / 1000} s: ${output()}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    output,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
