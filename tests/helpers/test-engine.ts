/**
 * Which engine the integration and reliability suites run on: SQLite (the default), or PostgreSQL when the vitest
 * project sets KASKADE_TEST_ENGINE=postgres (the `*-postgres` projects in vite.config.ts). The same test files run
 * on both; the test server helpers read this.
 */
export type TestEngine = 'sqlite' | 'postgres';

export const testEngine: TestEngine = process.env.KASKADE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
