import pg from 'pg';

/** The channel migration 0009's access-version trigger notifies, with the new version as payload. */
export const ACCESS_VERSION_CHANNEL = 'kaskade_access_version';

export interface AccessVersionWatch {
  /**
   * The access version as this instance last heard it, or null while it is not listening (starting, or its
   * connection dropped): then nothing heard can be trusted, and the caller reads the version from the database.
   */
  current(): number | null;
  /** Called with each new version, and once after a reconnection (changes may have been missed meanwhile). */
  onChange(listener: (version: number) => void): () => void;
  close(): Promise<void>;
}

export interface AccessVersionWatchOptions {
  /** Delay before reconnecting after the connection dropped (jittered ±50 %). */
  reconnectMs?: number;
  /** Name in pg_stat_activity. */
  applicationName?: string;
}

/**
 * Keeps the access version (who may do what: roles, users, boards, units, devices; bumped by triggers whoever
 * writes) on one LISTEN connection, so that with several instances each one learns, as the change commits, that its
 * cached access answers are stale, without reading the version again for every command. PostgreSQL delivers a
 * NOTIFY only if its transaction commits, and in commit order. A notification sent while the connection is down is
 * lost, so the version counts as unknown (null) until the connection is back and the version has been read again.
 *
 * What remains: a command that reaches another instance in the moments between the commit of a role change and the
 * arrival of its notification (a millisecond or so on a healthy network) is judged by the old roles.
 */
export async function watchAccessVersion(url: string, options: AccessVersionWatchOptions = {}): Promise<AccessVersionWatch> {
  const reconnectMs = options.reconnectMs ?? 1000;
  const listeners = new Set<(version: number) => void>();
  let version: number | null = null;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const heard = (n: number): void => {
    if (version !== null && n <= version) return;
    version = n;
    for (const listener of listeners) listener(n);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: options.applicationName ?? 'kaskade-access-watch' });
    const lost = (): void => {
      if (client !== c) return;
      client = null;
      version = null;
      c.removeAllListeners('notification');
      void c.end().catch(() => {});
      schedule();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (msg) => {
      const n = Number(msg.payload);
      if (msg.channel === ACCESS_VERSION_CHANNEL && Number.isSafeInteger(n)) heard(n);
    });
    client = c;
    try {
      await c.connect();
      // LISTEN before the read: a change committed after the read is heard, one before it is in what is read.
      await c.query(`LISTEN ${ACCESS_VERSION_CHANNEL}`);
      const { rows } = await c.query<{ n: string | number }>('SELECT n FROM access_version WHERE id = 1');
      if (client !== c) return;
      const n = Number(rows[0]?.n ?? 0);
      // After a reconnection every listener hears the version, changed or not: what it cached may be stale.
      version = n;
      for (const listener of listeners) listener(n);
    } catch (err) {
      if (client === c) lost(); // and try again later
      throw err;
    }
  };
  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect().catch(() => {}); // a failure has scheduled the next attempt
    }, reconnectMs * (0.5 + Math.random()));
    retry.unref();
  };

  try {
    await connect();
  } catch (err) {
    // A database that does not answer at start-up is the caller's to report, not to retry here.
    closed = true;
    if (retry) clearTimeout(retry);
    throw err;
  }
  return {
    current: () => version,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      version = null;
      await c?.end().catch(() => {});
    },
  };
}
