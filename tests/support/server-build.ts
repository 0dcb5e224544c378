import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../server/config';
import { buildServer } from '../../scripts/build-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's production bundle (main.js), built from the sources once per run, for tests that spawn servers. */
    serverBuild: string;
  }
}

/**
 * Global setup of the projects whose tests start whole servers as child processes (killed, restarted, several at
 * once): builds the server as `npm start` runs it, once per run, so each child starts from one bundle in about a
 * third of the time it takes tsx to load the sources (bench/FINDINGS.md, "Test time"). Built from the current
 * sources every run, so a test never meets a stale build. The folder sits under dist/, where the bundle finds the
 * project's node_modules and migrations as from dist/server.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  mkdirSync(join(projectRoot, 'dist'), { recursive: true });
  const dir = mkdtempSync(join(projectRoot, 'dist', 'test-server-'));
  const out = join(dir, 'server');
  await buildServer(join(projectRoot, 'server', 'main.ts'), out);
  await buildServer(join(projectRoot, 'server', 'workers', 'read-worker.ts'), out);
  project.provide('serverBuild', join(out, 'main.js'));
  return () => rmSync(dir, { recursive: true, force: true });
}
