import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../server/db/open-database';
import type { Role } from '../../server/repositories/accounts-repository';
import { hashToken } from '../../server/services/auth-service';
import { queryPostgresSync } from './postgres-sync';

/**
 * Credentials for tests. Every test server registers its database file by port; a test client then gets a real
 * session for a real user (created on first use, with a role on every top unit, so it covers the whole tree) by
 * writing the rows the server itself writes at sign-in. Tests of sign-in itself go through /api/auth/login.
 */
/** Where a test server keeps its data: an SQLite file's path, or a PostgreSQL database's URL. */
export type TestDatabaseTarget = string | { postgresUrl: string };

const databases = new Map<number, TestDatabaseTarget>();

const portOf = (url: string | number): number => (typeof url === 'number' ? url : Number(new URL(url).port));

/** Makes a server's (or a proxy's) port known, so clients of it can get credentials. */
export function registerTestDatabase(url: string | number, database: TestDatabaseTarget): void {
  databases.set(portOf(url), database);
}

/** A proxy in front of a registered server: its clients get credentials for the server behind it. */
export function aliasTestPort(proxyPort: number, targetPort: number): void {
  const path = databases.get(targetPort);
  if (path) databases.set(proxyPort, path);
}

export interface TestUserOptions {
  /** The role on every top unit (default admin: may do everything everywhere, as before accounts existed). */
  role?: Role;
  /** Or roles on given units. */
  roles?: { unitId: string; role: Role }[];
}

/**
 * Creates a user (display name `name`) and a session; answers the session token and the user's actor id. The rows
 * are written with plain SQL, synchronously, as sign-in writes them: every test asks for tokens this way, and the
 * repositories answer promises (issue 22).
 */
export function createTestSession(database: TestDatabaseTarget, name: string, options: TestUserOptions = {}): { token: string; userId: string; actor: string } {
  const id = `u-test-${randomBytes(6).toString('hex')}`;
  const now = new Date();
  const token = `ks_${randomBytes(32).toString('base64url')}`;
  if (typeof database !== 'string') {
    createPostgresSession(database.postgresUrl, { id, name, now, token }, options);
    return { token, userId: id, actor: `user:${id}` };
  }
  const db = openDatabase(database);
  try {
    db.transaction(() => {
      db.prepare('INSERT INTO users (id, username, display_name, email, password_hash, disabled, created_at) VALUES (?, ?, ?, NULL, NULL, 0, ?)')
        .run(id, id, name, now.toISOString());
      const roles =
        options.roles ??
        db
          .prepare<[], { id: string }>('SELECT id FROM org_units WHERE parent_id IS NULL')
          .all()
          .map((u) => ({ unitId: u.id, role: options.role ?? 'admin' }));
      const setRole = db.prepare('INSERT INTO role_assignments (user_id, unit_id, role) VALUES (?, ?, ?) ON CONFLICT (user_id, unit_id) DO UPDATE SET role = excluded.role');
      for (const r of roles) setRole.run(id, r.unitId, r.role);
      db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(hashToken(token), id, now.toISOString(), new Date(now.getTime() + 24 * 3600_000).toISOString());
    }).immediate();
    return { token, userId: id, actor: `user:${id}` };
  } finally {
    db.close();
  }
}

/** The same rows as the SQLite path, on PostgreSQL (synchronously: see postgres-sync.ts). */
function createPostgresSession(url: string, user: { id: string; name: string; now: Date; token: string }, options: TestUserOptions): void {
  const roles =
    options.roles ??
    (queryPostgresSync(url, [{ text: 'SELECT id FROM org_units WHERE parent_id IS NULL' }])[0] as { id: string }[]).map((u) => ({
      unitId: u.id,
      role: options.role ?? 'admin',
    }));
  const created = user.now.toISOString();
  queryPostgresSync(url, [
    {
      text: 'INSERT INTO users (id, username, display_name, email, password_hash, disabled, created_at) VALUES ($1, $2, $3, NULL, NULL, 0, $4)',
      values: [user.id, user.id, user.name, created],
    },
    ...roles.map((r) => ({
      text: 'INSERT INTO role_assignments (user_id, unit_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, unit_id) DO UPDATE SET role = excluded.role',
      values: [user.id, r.unitId, r.role],
    })),
    {
      text: 'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      values: [hashToken(user.token), user.id, created, new Date(user.now.getTime() + 24 * 3600_000).toISOString()],
    },
  ]);
}

/** A new test user and session for a client of the test server on `url`'s port. */
export function createTestSessionFor(url: string | number, name = 'Testperson', options: TestUserOptions = {}) {
  const database = databases.get(portOf(url));
  if (!database) throw new Error(`No test database registered for ${String(url)} (start it with the test helpers).`);
  return createTestSession(database, name, options);
}

const cached = new Map<string, string>();

/** A session token for a client of the test server on `url`'s port: one user and session per name (and options). */
export function testToken(url: string | number, name = 'Testperson', options: TestUserOptions = {}): string {
  const database = databases.get(portOf(url));
  const key = `${JSON.stringify(database)}|${name}|${JSON.stringify(options)}`;
  let token = cached.get(key);
  if (!token) {
    token = createTestSessionFor(url, name, options).token;
    cached.set(key, token);
  }
  return token;
}

/** The cookie header a browser signed in with this token would send. */
export const sessionCookie = (token: string): string => `kaskade_session=${token}`;

/** Headers for a cookie-authenticated state-changing REST call (with the CSRF header the app's client sends). */
export const cookieHeaders = (token: string): Record<string, string> => ({
  cookie: sessionCookie(token),
  'x-kaskade-csrf': '1',
  'content-type': 'application/json',
});
