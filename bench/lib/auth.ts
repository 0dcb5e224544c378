import { createTestSession } from '../../tests/helpers/auth';

/** How bench clients sign in: a session token for a real user. */
export interface BenchCredentials {
  token: string;
}

/**
 * One session for all bench clients: a user who administers the whole organisation (may read and move on every
 * board), written by the accounts test helper the way the server writes it at sign-in.
 */
export async function benchCredentials(databasePath: string): Promise<BenchCredentials> {
  return { token: createTestSession(databasePath, 'Bench').token };
}
