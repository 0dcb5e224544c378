import type { TestProject } from 'vitest/node';
import { createFixtureOrganisation } from '../helpers/fixtures';
import { seedTestPostgres } from '../helpers/test-server';
import { createTestDatabase } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database holding the fixture organisation that test servers on PostgreSQL are copied from. */
    postgresFixtureTemplate: string;
  }
}

/**
 * Global setup of the PostgreSQL test projects: migrates and seeds the fixture organisation once per run, so each
 * test server's database is a copy of it (CREATE DATABASE … TEMPLATE, a file copy in PostgreSQL) instead of being
 * migrated and seeded anew — most of a PostgreSQL test server's start. Dropped when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = await createTestDatabase();
  await seedTestPostgres(template.url, createFixtureOrganisation);
  project.provide('postgresFixtureTemplate', template.name);
  return () => template.drop();
}
