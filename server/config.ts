import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OidcConfig, parseOidcConfig } from './services/oidc';
import { type TrustProxy, parseTrustProxy } from './trust-proxy';

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /**
   * DATABASE_URL: a PostgreSQL connection URL selects the PostgreSQL store; absent, the SQLite file at
   * databasePath (the default and the quick start).
   */
  databaseUrl?: string | null;
  migrationsDir: string;
  /** Built client files to serve; absent in tests that only need the API. */
  clientDir: string | null;
  /** Seed the demo organisation into an empty database. */
  seedDemo: boolean;
  /** Browser origins allowed besides the server's own (e.g. the Vite dev server on :5173). */
  allowedOrigins?: string[];
  /** Sign-in with OpenID Connect; null (the default) is local accounts only. */
  oidc?: OidcConfig | null;
  /** Login and enrolment attempts per client address and minute. */
  loginAttemptsPerMinute?: number;
  /** Behind a TLS-terminating reverse proxy: its hop count or addresses (TRUST_PROXY, see trust-proxy.ts). */
  trustProxy?: TrustProxy;
  /** REDIS_URL: a Redis shared by several instances (sign-in rate limits); null keeps them in this process. */
  redisUrl?: string | null;
  /** REDIS_PREFIX: names this deployment's live-update stream and channels in a Redis shared with others (default kaskade). */
  redisPrefix?: string;
  /** SHUTDOWN_DRAIN_MS: on SIGTERM, how long to keep serving with readiness 503 before closing (0: close at once). */
  shutdownDrainMs?: number;
}

/** The project root, found from this file so the same code works from source (tsx, vitest) and from dist/. */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'migrations')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Could not find the project root (a folder with migrations/ and package.json).');
    dir = parent;
  }
  return dir;
}

/** DATABASE_URL is set but is not a PostgreSQL connection URL. The message never repeats a password. */
export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

/**
 * The PostgreSQL URL from DATABASE_URL, or null when it is unset or empty (then SQLite). Anything else than a
 * postgres:// or postgresql:// URL with a host is refused at start-up rather than found out at the first query.
 */
export function parseDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new DatabaseUrlError('DATABASE_URL must be a PostgreSQL URL such as postgres://user@host:5432/kaskade (for an SQLite file use DATABASE_PATH).');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(`DATABASE_URL must start with postgres:// or postgresql://, got ${url.protocol}// (for an SQLite file use DATABASE_PATH).`);
  }
  // A socket directory may be given as ?host=/run/postgresql instead of a host name.
  if (url.hostname === '' && !url.searchParams.get('host')) {
    throw new DatabaseUrlError('DATABASE_URL names no host (postgres://user@host:5432/database).');
  }
  return value.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const clientDir = join(projectRoot, 'dist', 'client');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databasePath: resolve(env.DATABASE_PATH ?? join(projectRoot, 'data', 'kaskade.db')),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    migrationsDir: join(projectRoot, 'migrations'),
    clientDir: existsSync(clientDir) ? clientDir : null,
    // The demo's logins have a published password: a production start never seeds it unless asked to.
    seedDemo: env.SEED_DEMO === undefined ? env.NODE_ENV !== 'production' : env.SEED_DEMO !== 'false',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    oidc: parseOidcConfig(env),
    loginAttemptsPerMinute: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? 10),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    ...(env.REDIS_PREFIX?.trim() && { redisPrefix: parseRedisPrefix(env.REDIS_PREFIX) }),
    shutdownDrainMs: parseDrainMs(env.SHUTDOWN_DRAIN_MS),
  };
}

/** `redis://` or `rediss://` (TLS); anything else is refused at start rather than at the first sign-in. */
export function parseRedisUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error('REDIS_URL must be a URL such as redis://127.0.0.1:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${url.protocol}//`);
  return url.toString();
}

/** Letters, digits and `-_:.` only: it becomes part of Redis key and channel names. */
export function parseRedisPrefix(value: string): string {
  const prefix = value.trim();
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(prefix)) throw new Error(`REDIS_PREFIX may hold letters, digits and - _ : . (at most 64), got ${JSON.stringify(value)}`);
  return prefix;
}

function parseDrainMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 300_000) throw new Error(`SHUTDOWN_DRAIN_MS must be whole milliseconds from 0 to 300000, got ${value}`);
  return ms;
}
