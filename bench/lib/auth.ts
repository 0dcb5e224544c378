/** How bench clients sign in: a session token for a real user (empty where the server has no accounts). */
export interface BenchCredentials {
  token: string;
}

// The test helpers of the accounts work write a user and a session the way the server does at sign-in. Imported by
// a computed path so the bench also builds and runs against a tree from before accounts existed (no token then).
const ACCOUNTS_HELPER = '../../tests/helpers/auth';

interface AccountsHelper {
  createTestSession(databasePath: string, name: string): { token: string };
}

/** One session for all bench clients (an admin of the whole organisation: it may read and move on every board). */
export async function benchCredentials(databasePath: string): Promise<BenchCredentials> {
  let helper: AccountsHelper;
  try {
    helper = (await import(ACCOUNTS_HELPER)) as AccountsHelper;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return { token: '' };
    throw err;
  }
  return { token: helper.createTestSession(databasePath, 'Bench').token };
}
