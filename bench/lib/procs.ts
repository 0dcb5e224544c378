import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const children = new Set<ChildProcess>();
const cleanups = new Set<() => void>();

/** Registers a synchronous clean-up (temp files) that also runs when the bench is interrupted; returns it. */
export function onCleanup(fn: () => void): () => void {
  const once = () => {
    if (!cleanups.delete(once)) return;
    fn();
  };
  cleanups.add(once);
  return once;
}

/** Kill every child this bench started (by its own handle, never by name) when the bench ends in any way. */
function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const fn of [...cleanups]) fn();
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

const hasTaskset = ((): boolean => {
  if (process.platform !== 'linux' || availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The core a role runs on: the server on core 0, load generators on core 1 (the bench itself floats). */
export const CORES = { server: '0', load: '1' } as const;
export const pinned = hasTaskset;

export interface Spawned {
  child: ChildProcess;
  /** Sends a message and waits for the child's reply of the same `type`. */
  request<T = Record<string, unknown>>(message: { type: string; [k: string]: unknown }, timeoutMs?: number): Promise<T>;
  /** Waits for the next message of this type. */
  next<T = Record<string, unknown>>(type: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript script (through tsx) or a built .js file as a child with an IPC channel, pinned to `core`
 * where taskset is available.
 */
export function spawnNode(
  script: string,
  options: { core?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[]; args?: string[] } = {},
): Spawned {
  const nodeArgs = [...(options.nodeArgs ?? []), ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script, ...(options.args ?? [])];
  const [cmd, argv] =
    hasTaskset && options.core !== undefined
      ? ['taskset', ['-c', options.core, process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
  const child = spawn(cmd, argv, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...options.env },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const next = <T>(type: string, timeoutMs = 120_000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${script}: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (m: { type?: string; error?: string }) => {
        if (m.type === 'error') done(new Error(`${script}: ${m.error}`));
        else if (m.type === type) done(undefined, m as T);
      };
      const onExit = (code: number | null) => done(new Error(`${script} exited (${code}) while waiting for "${type}"`));
      const done = (err?: Error, value?: T) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve(value!);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    child,
    next,
    request: <T>(message: { type: string }, timeoutMs?: number) => {
      const reply = next<T>(message.type, timeoutMs);
      child.send(message);
      return reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        if (child.connected) child.send({ type: 'stop' });
        else child.kill('SIGTERM');
      }),
  };
}

/** In a child: answer the parent's messages; errors go back as `{type:'error'}`. */
export function serveParent(handlers: Record<string, (m: Record<string, unknown>) => unknown>): void {
  process.on('message', (m: { type: string }) => {
    const handler = handlers[m.type];
    if (!handler) return;
    Promise.resolve()
      .then(() => handler(m))
      .then(
        (reply) => process.send?.({ type: m.type, ...(reply as object) }),
        (err: unknown) => process.send?.({ type: 'error', error: err instanceof Error ? err.stack : String(err) }),
      );
  });
  // The parent gone means the bench is over.
  process.on('disconnect', () => process.exit(0));
}

export const hasFile = existsSync;
