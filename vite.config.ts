import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The integration and reliability suites run once per engine: the plain projects on SQLite, the `-postgres` ones on
 * a PostgreSQL database of each test server's own (KASKADE_TEST_ENGINE, read by tests/helpers/test-engine.ts).
 * Left out of the PostgreSQL projects, with the reason:
 */
const sqliteOnly: Record<string, string> = {
  // What these test exists only on the SQLite file.
  'tests/integration/board-sync.test.ts': 'restores an SQLite backup file under a running server (also covers sync on both engines otherwise: see below)',
  'tests/integration/production-start.test.ts': 'starts from SQLite files (a PostgreSQL production start is covered in store-open and multi-instance tests)',
  'tests/integration/start-up-output.test.ts': 'the quick start: server/main.ts on a fresh SQLite demo file',
  'tests/integration/built-server.test.ts': 'the production build on a fresh SQLite demo file (its read workers open the file)',
  'tests/integration/card-move-window.test.ts': 'repository-level check on an SQLite connection, no server',
  'tests/reliability/backup.test.ts': 'SQLite online backups and restores',
  'tests/reliability/crash-durability.test.ts': "SIGKILL and the SQLite file's WAL recovery",
  'tests/reliability/fail-stop.test.ts': 'a full disk under the SQLite file',
  'tests/reliability/migration-crash.test.ts': 'SIGKILL during an SQLite migration',
};
/** Files that choose their engines themselves (describe.each over both, or PostgreSQL only): running them again would repeat them. */
const enginesChosenInFile = [
  'tests/integration/access-version-watch.test.ts',
  'tests/integration/concurrent-first-start.test.ts',
  'tests/integration/database-clock.test.ts',
  'tests/integration/instances-start.test.ts',
  'tests/integration/live-adapter.test.ts',
  'tests/integration/migrate-to-postgres.test.ts',
  'tests/integration/multi-instance-app.test.ts',
  'tests/integration/multi-instance-live.test.ts',
  'tests/integration/postgres-rate-limit.test.ts',
  'tests/integration/prepared-statements.test.ts',
  'tests/integration/relay-sweep.test.ts',
  'tests/integration/repositories-cascade.test.ts',
  'tests/integration/repositories-core.test.ts',
  'tests/integration/store-batch-locks.test.ts',
  'tests/integration/store-connection-loss.test.ts',
  'tests/integration/store-executor.test.ts',
  'tests/integration/store-migrations.test.ts',
  'tests/integration/store-open.test.ts',
  'tests/integration/store-ordering.test.ts',
  'tests/integration/store-schema.test.ts',
  'tests/integration/store-triggers.test.ts',
  'tests/integration/timeline-postgres.test.ts',
];
const notOnPostgres = [...Object.keys(sqliteOnly), ...enginesChosenInFile];
const onPostgres = { KASKADE_TEST_ENGINE: 'postgres' };
// Migrates and seeds the fixture organisation once per run; each test server's database is a copy of it.
const postgresTemplate = 'tests/support/postgres-template.ts';
// Builds the server once per run for the tests that start servers as child processes.
const serverBuild = 'tests/support/server-build.ts';

const integration = {
  root: '.',
  environment: 'node',
  include: ['tests/integration/**/*.test.ts'],
  testTimeout: 20_000,
  globalSetup: [serverBuild],
};
// Reliability under concurrency, crashes, network loss and hostile input (see RELIABILITY.md): CI-sized here,
// RELIABILITY_LONG=1 for the long run. One file at a time: the files start servers and child processes, and timing
// checks (heartbeat, resync) need the CPU.
const reliability = {
  root: '.',
  environment: 'node',
  include: ['tests/reliability/**/*.test.ts'],
  setupFiles: ['tests/reliability/helpers/setup.ts'],
  testTimeout: process.env.RELIABILITY_LONG === '1' ? 3_600_000 : 120_000,
  hookTimeout: 60_000,
  fileParallelism: false,
  globalSetup: [serverBuild],
};

// One config for the client build and for every test project:
// unit (shared + server, node), client (jsdom), integration and e2e (real server, real sockets, real Chromium).
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  test: {
    root: '.',
    // Two test files at a time where a project allows it. Vitest's default is one fewer than the cores: on the
    // two-core machines this project runs on, CI's included, one, so every file ran after the other while most of
    // them wait on sockets, child servers and PostgreSQL rather than the CPU (bench/FINDINGS.md, "Test time").
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          root: '.',
          environment: 'jsdom',
          globals: true,
          include: ['client/**/*.test.{ts,tsx}'],
          setupFiles: ['client/src/test-setup.ts'],
          // jsdom renders whole pages with Radix portals: on two shared cores a test can pass the 5 s default.
          testTimeout: 20_000,
        },
      },
      { extends: true, test: { name: 'integration', ...integration } },
      // Each test server creates, migrates and seeds a database of its own first: seconds on a loaded machine.
      { extends: true, test: { name: 'integration-postgres', ...integration, hookTimeout: 60_000, exclude: notOnPostgres, env: onPostgres, globalSetup: [serverBuild, postgresTemplate] } },
      { extends: true, test: { name: 'reliability', ...reliability } },
      { extends: true, test: { name: 'reliability-postgres', ...reliability, exclude: notOnPostgres, env: onPostgres, globalSetup: [serverBuild, postgresTemplate] } },
      {
        extends: true,
        test: {
          // Several whole Kaskade processes on one PostgreSQL database (issue 22): convergence across instances, an
          // instance killed, the database restarted. One file at a time: each starts three servers.
          name: 'multi-instance',
          root: '.',
          environment: 'node',
          include: ['tests/multi-instance/**/*.test.ts'],
          setupFiles: ['tests/multi-instance/helpers/setup.ts'],
          globalSetup: [serverBuild],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // The screen sweeps run their tests side by side (it.concurrent) in the file's one Chromium: each test
          // mostly waits on a page load and its socket, so four at once cut a sweep on two shared cores (bench/FINDINGS.md).
          maxConcurrency: 4,
        },
      },
    ],
  },
});
