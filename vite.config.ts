import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

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
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // Reliability under concurrency, crashes, network loss and hostile input (see RELIABILITY.md):
          // CI-sized here, RELIABILITY_LONG=1 for the long run. One file at a time: the files start servers and
          // child processes, and timing checks (heartbeat, resync) need the CPU.
          name: 'reliability',
          root: '.',
          environment: 'node',
          include: ['tests/reliability/**/*.test.ts'],
          setupFiles: ['tests/reliability/helpers/setup.ts'],
          testTimeout: process.env.RELIABILITY_LONG === '1' ? 3_600_000 : 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
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
        },
      },
    ],
  },
});
