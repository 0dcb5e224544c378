import type pg from 'pg';
import type { Clock } from '../services/command-service';

export interface DatabaseClock extends Clock {
  /** How far the database's clock is ahead of this instance's (negative: behind), as last measured. */
  offsetMs(): number;
  /** Measures the offset again now (also done every `resyncMs`). Keeps the old offset if the database does not answer. */
  sync(): Promise<void>;
  stop(): void;
}

export interface DatabaseClockOptions {
  /** How often the offset is measured again: two machines' clocks drift apart by some ms a day. */
  resyncMs?: number;
  /** Round trips per measurement; the quickest one counts (it brackets the database's reading most tightly). */
  samples?: number;
  /** This instance's own clock (tests give a skewed one). */
  localNow?: () => number;
}

/**
 * The time as the database tells it, for the timestamps several instances must agree on: a meeting's start (every
 * screen counts its timer from it, whichever instance started it), an event's `at`, a session's expiry. Asking the
 * database on every call would put a round trip under every command and keep `Clock` from being synchronous, so
 * this measures how far the database's clock is from this instance's (`clock_timestamp()` against the middle of the
 * round trip) and applies that offset; the error is at most half the quickest round trip, well under a millisecond
 * on one network. Time never runs backwards here when a new measurement moves the offset back.
 */
export async function databaseClock(pool: pg.Pool, options: DatabaseClockOptions = {}): Promise<DatabaseClock> {
  const localNow = options.localNow ?? Date.now;
  const samples = Math.max(1, options.samples ?? 3);
  let offset = 0;
  let last = -Infinity;

  const measure = async (): Promise<number> => {
    let best: { rtt: number; offset: number } | null = null;
    for (let i = 0; i < samples; i++) {
      const sent = localNow();
      const { rows } = await pool.query<{ ms: number }>("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms");
      const received = localNow();
      const rtt = received - sent;
      const sample = { rtt, offset: rows[0]!.ms - (sent + received) / 2 };
      if (!best || sample.rtt < best.rtt) best = sample;
    }
    return best!.offset;
  };
  const sync = async (): Promise<void> => {
    try {
      offset = await measure();
    } catch {
      // The database is away: the last offset is still the best guess, and commands fail without it anyway.
    }
  };

  offset = await measure();
  const timer = setInterval(() => void sync(), options.resyncMs ?? 10 * 60_000);
  timer.unref();
  return {
    now() {
      last = Math.max(last, localNow() + offset);
      return new Date(Math.round(last));
    },
    offsetMs: () => offset,
    sync,
    stop: () => clearInterval(timer),
  };
}
