// Meeting timers and event times from the database's clock: an instance whose own clock is minutes off still
// stamps what it writes with the database's time, so every instance (and every screen counting a meeting's time
// from its start) agrees. A PostgreSQL database of its own, dropped after.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseClock } from '../../server/store/database-clock';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

describe('databaseClock', () => {
  let pgDb: TestDatabase;
  let pool: pg.Pool;
  const databaseNow = async () => (await pool.query<{ ms: number }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms')).rows[0]!.ms;
  beforeAll(async () => {
    pgDb = await createTestDatabase();
    pool = new pg.Pool({ connectionString: pgDb.url, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await pgDb?.drop();
  });

  it("tells the database's time on instances whose own clocks are minutes apart", async () => {
    const ahead = await databaseClock(pool, { localNow: () => Date.now() + 5 * 60_000 });
    const behind = await databaseClock(pool, { localNow: () => Date.now() - 3 * 60_000 });
    try {
      const before = await databaseNow();
      const [a, b] = [ahead.now().getTime(), behind.now().getTime()];
      const after = await databaseNow();
      // Within the round trips that bracket the readings (the loaded test machine's, generous), not minutes.
      for (const t of [a, b]) {
        expect(t).toBeGreaterThan(before - 250);
        expect(t).toBeLessThan(after + 250);
      }
      expect(Math.abs(ahead.offsetMs() + 5 * 60_000)).toBeLessThan(250);
    } finally {
      ahead.stop();
      behind.stop();
    }
  });

  it('never runs backwards when a new measurement moves the offset back', async () => {
    let skew = 10_000;
    const clock = await databaseClock(pool, { localNow: () => Date.now() + skew });
    try {
      const first = clock.now().getTime();
      skew = 20_000; // the instance's clock jumps ahead: the next measurement moves the offset back by 10 s
      await clock.sync();
      const second = clock.now().getTime();
      expect(second).toBeGreaterThanOrEqual(first);
      expect(second - first).toBeLessThan(1000);
    } finally {
      clock.stop();
    }
  });

  it('keeps the last offset while the database does not answer', async () => {
    const flaky = new pg.Pool({ connectionString: pgDb.url, max: 1 });
    const clock = await databaseClock(flaky, { localNow: () => Date.now() + 60_000 });
    const offset = clock.offsetMs();
    await flaky.end(); // every later query fails
    await clock.sync();
    expect(clock.offsetMs()).toBe(offset);
    clock.stop();
  });
});
