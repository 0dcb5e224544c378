import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';

// What a person sees in the terminal after starting the demo (issue 18): the demo logins as the last start-up lines,
// readable in `npm run dev` (pretty) and plain in JSON mode, not scrolled away by request logs.
const started: { child: ChildProcess; dir: string }[] = [];
afterEach(() => {
  for (const { child, dir } of started.splice(0)) {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Starts server/main.ts on a fresh demo database; answers its output once the logins have been printed. */
async function startDemo(logFormat: 'pretty' | 'json'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-start-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'server', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'demo.db'), SEED_DEMO: 'true', LOG_FORMAT: logFormat, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ child, dir });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no demo logins within 60 s:\n${out}`)), 60_000);
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      // The logins end with the last role line; wait a moment so anything logged after them would show too.
      if (/sign in with a demo login[\s\S]*\n\s+\S+\s+\S+ of \S+/.test(out)) {
        clearTimeout(timer);
        setTimeout(() => resolve(out), 500);
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

describe('start-up output', () => {
  for (const format of ['pretty', 'json'] as const) {
    it(`prints the demo logins as the last start-up lines (${format})`, async () => {
      const out = await startDemo(format);
      const ready = out.indexOf('Kaskade is ready at');
      const logins = out.indexOf('sign in with a demo login');
      expect(ready).toBeGreaterThan(-1);
      expect(logins).toBeGreaterThan(ready);
      const after = out.slice(logins).trimEnd().split('\n').slice(1);
      expect(after.length).toBeGreaterThan(1);
      // Nothing but the logins after them: one "username role of unit" per line.
      for (const line of after) expect(line).toMatch(/^\s+\S+\s+\S+ of \S+$/);
      if (format === 'json') expect(out.slice(0, logins)).toMatch(/^\{"level"/m);
      else expect(out).not.toMatch(/^\{"level"/m);
    }, 90_000);
  }
});
