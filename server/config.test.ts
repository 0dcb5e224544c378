import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, loadConfig } from './config';

describe('loadConfig', () => {
  it('seeds the demo by default, so the quick start shows a demo organisation', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it('does not seed the demo (public password) in production unless asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a port number/);
  });

  it('takes REDIS_URL as a redis:// or rediss:// URL, and refuses anything else at start', () => {
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example:6380/2' }).redisUrl).toBe('rediss://cache.example:6380/2');
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL must be a URL/);
  });

  it('takes REDIS_PREFIX as a name fit for Redis keys and channels, none by default', () => {
    expect(loadConfig({}).redisPrefix).toBeUndefined();
    expect(loadConfig({ REDIS_PREFIX: ' region-nord:prod ' }).redisPrefix).toBe('region-nord:prod');
    expect(() => loadConfig({ REDIS_PREFIX: 'two words' })).toThrow(/REDIS_PREFIX may hold/);
  });

  it('takes SHUTDOWN_DRAIN_MS as whole milliseconds, 0 (close at once) by default', () => {
    expect(loadConfig({}).shutdownDrainMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DRAIN_MS: '10000' }).shutdownDrainMs).toBe(10_000);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: '-1' })).toThrow(/SHUTDOWN_DRAIN_MS/);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: '2.5' })).toThrow(/SHUTDOWN_DRAIN_MS/);
  });

  it('uses SQLite without DATABASE_URL (an empty one counts as unset) and PostgreSQL with a postgres URL', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: ' ' }).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://kaskade@db.example:5432/kaskade' }).databaseUrl).toBe('postgres://kaskade@db.example:5432/kaskade');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.example/kaskade?sslmode=require' }).databaseUrl).toBe('postgresql://db.example/kaskade?sslmode=require');
    expect(loadConfig({ DATABASE_URL: 'postgres:///kaskade?host=/run/postgresql' }).databaseUrl).toBe('postgres:///kaskade?host=/run/postgresql');
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, with a typed error that does not repeat the password', () => {
    for (const bad of ['./data/kaskade.db', 'mysql://root:s3cret@db/kaskade', 'postgres://user:s3cret@/kaskade', 'sqlite:data.db']) {
      let caught: unknown;
      try {
        loadConfig({ DATABASE_URL: bad });
      } catch (err) {
        caught = err;
      }
      expect(caught, bad).toBeInstanceOf(DatabaseUrlError);
      expect((caught as Error).message).not.toContain('s3cret');
    }
  });
});
