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

/** One build for every project that asks for it in a run: the projects' global setups run in the one main process. */
interface SharedBuild {
  main: Promise<string>;
  dir: string;
  users: number;
}
const shared = globalThis as { kaskadeServerBuild?: SharedBuild };

/**
 * Global setup of the projects whose tests start whole servers as child processes (killed, restarted, several at
 * once): builds the server as `npm start` runs it, once per run (shared by the projects that list this setup,
 * removed when the last of them ends), so each child starts from one bundle in about a third of the time it takes
 * tsx to load the sources (bench/FINDINGS.md, "Test time"). Built from the current sources every run, so a test
 * never meets a stale build. The folder sits under dist/, where the bundle finds the project's node_modules and
 * migrations as from dist/server.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  let build = shared.kaskadeServerBuild;
  if (!build) {
    mkdirSync(join(projectRoot, 'dist'), { recursive: true });
    const dir = mkdtempSync(join(projectRoot, 'dist', 'test-server-'));
    const out = join(dir, 'server');
    const main = (async () => {
      await buildServer(join(projectRoot, 'server', 'main.ts'), out);
      await buildServer(join(projectRoot, 'server', 'workers', 'read-worker.ts'), out);
      return join(out, 'main.js');
    })();
    build = shared.kaskadeServerBuild = { main, dir, users: 0 };
  }
  build.users++;
  project.provide('serverBuild', await build.main);
  return () => {
    if (--build.users > 0) return;
    shared.kaskadeServerBuild = undefined;
    rmSync(build.dir, { recursive: true, force: true });
  };
}
