import { closeSync, fdatasync, fstatSync, openSync, writeSync } from 'node:fs';
import type { Db } from './open-database';

/** The order in which commits are reported: the order they were made, each only once it is durable. */
export interface DeliveryOrder {
  /** Runs `fn` after every commit made so far has been delivered; at once when none waits. */
  after(fn: () => void): void;
}

export interface WalSyncOptions {
  /** Where an error thrown by a delivery goes (the deliveries after it still run). */
  onError?: (err: unknown) => void;
  /** Flushes the WAL file to disk: fdatasync (tests count, delay or fail it). */
  syncFile?: (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Entry {
  /** Its place in commit order. */
  n: number;
  durable: boolean;
  error?: unknown;
  run(error?: unknown): void;
}

/**
 * Commits whose fsync runs off the event loop. Under synchronous=FULL each COMMIT blocks the event loop in fsync
 * (~0.1–0.3 ms on an idle disk, far more on a busy one), and nothing else is read, decided or written meanwhile.
 * `commit` runs a transaction under synchronous=NORMAL — the WAL frames are written (to the OS) but not synced —
 * and delivers its result once an fdatasync of the WAL file, on libuv's thread pool, has made it durable. Only
 * then may the caller acknowledge the write, so an acknowledged write is as durable as under FULL. Results are
 * delivered in commit order; commits made while a sync runs share the next one.
 *
 * Why this is sound: fdatasync flushes the file (the inode), whichever descriptor asks, so our own descriptor of
 * the `-wal` file covers the frames SQLite wrote through its own. A checkpoint that copies the WAL into the
 * database syncs the WAL first (NORMAL does that), so frames a checkpoint consumed were durable already.
 *
 * What it changes for readers: a read on this connection can see a commit up to one fsync before it is durable,
 * and `written` may tell others of it then. A crash of the process loses nothing, the frames are in the OS; only an OS
 * crash or power loss in that window could. Without a WAL file (`:memory:`, another journal mode) a commit is
 * synchronous, as before.
 *
 * The first sync also writes the WAL out to its working size (see `preallocateWal`), so that later syncs flush
 * data only.
 */
export function createWalSync(db: Db, options: WalSyncOptions = {}) {
  const { onError = (err: unknown) => console.error(err), syncFile = fdatasync } = options;
  const walPath = db.memory ? null : `${db.name}-wal`;
  const usesWal = walPath !== null && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  // Through exec, not prepared statements: a prepared `PRAGMA synchronous = …` does not reliably take effect when
  // run again (SQLite applies this pragma while compiling it), which strace showed as fsyncs that should not be.
  const setSynchronous = (level: 'NORMAL' | 'FULL') => db.exec(`PRAGMA synchronous = ${level}`);
  let fd: number | null = null;
  /** Commits and follow-ups not yet delivered, in commit order. */
  const waiting: Entry[] = [];
  /** Entries made so far (commits and follow-ups). */
  let made = 0;
  let syncing = false;
  let syncAgain = false;
  let idle: (() => void) | null = null;

  const drain = (): void => {
    while (waiting.length > 0 && waiting[0]!.durable) {
      const entry = waiting.shift()!;
      try {
        entry.run(entry.error);
      } catch (err) {
        onError(err); // one failing delivery must not hold up the ones after it
      }
    }
    if (waiting.length === 0) idle?.();
  };

  const sync = (): void => {
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    syncAgain = false;
    // Everything committed so far was written before this sync starts, so it is covered by it.
    const covered = made;
    const settle = (err: NodeJS.ErrnoException | null): void => {
      syncing = false;
      for (const entry of waiting) {
        if (entry.n > covered) break;
        entry.durable = true;
        if (err && !entry.error) entry.error = err;
      }
      drain();
      if (syncAgain) sync();
    };
    try {
      // SQLite creates the WAL with the first write and keeps the file (the same inode) while the database is open.
      if (fd === null) {
        fd = openSync(walPath!, 'r+');
        preallocateWal(db, fd, onError);
      }
      syncFile(fd, settle);
    } catch (err) {
      settle(err as NodeJS.ErrnoException);
    }
  };

  const push = (fields: Omit<Entry, 'n'>): void => {
    const entry = { ...fields, n: ++made };
    waiting.push(entry);
    if (entry.durable) drain();
  };

  return {
    /** See DeliveryOrder. */
    after(fn: () => void): void {
      if (waiting.length === 0) fn();
      else push({ durable: true, run: () => fn() });
    },
    /**
     * Runs `write` (a transaction that commits synchronously) and calls `deliver` with its result, or with the
     * error that stopped the commit or its sync, once it is durable and every earlier commit has been delivered.
     * `written`, if given, gets the result at once, before the sync, when every earlier commit has been delivered
     * already: what it tells others then cannot overtake what they were told of earlier commits.
     */
    commit<T>(write: () => T, deliver: (result: Settled<T>) => void, written?: (value: T) => void): void {
      let value: T;
      try {
        if (usesWal) setSynchronous('NORMAL');
        try {
          value = write();
        } finally {
          if (usesWal) setSynchronous('FULL');
        }
      } catch (error) {
        // Nothing was committed; the failure is still reported in order.
        return push({ durable: true, run: () => deliver({ ok: false, error }) });
      }
      // Told before the sync starts: the flush's kernel work would share a core with the room write, and the peers are
      // who must see a change at once (the sender shows it already). Measured the other way round, the fan-out
      // bench's p50 at 200 receivers went from 1.03-1.17x to 1.19-1.44x the bare relay.
      if (written && waiting.length === 0) {
        try {
          written(value);
        } catch (err) {
          onError(err); // the commit stands; its delivery still follows
        }
      }
      push({ durable: !usesWal, run: (error) => deliver(error ? { ok: false, error } : { ok: true, value }) });
      if (usesWal) sync();
    },
    /** Waits until every commit made so far has been delivered, then releases the WAL file's descriptor. */
    async close(): Promise<void> {
      if (waiting.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      idle = null;
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
export type WalSync = ReturnType<typeof createWalSync>;

/** Frames the WAL holds beyond the auto-checkpoint's size before a checkpoint restarts it, as a margin. */
const WAL_MARGIN_FRAMES = 100;
const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
/** However the auto-checkpoint is set, no more than this is written ahead. */
const MAX_PREALLOCATED_BYTES = 32 << 20;
const ZEROS = Buffer.alloc(1 << 20);

/**
 * Writes the WAL file out, in zeros, to the size it reaches between two checkpoints. An fdatasync after an append
 * must also commit the file's new size and blocks to the filesystem's journal; after an overwrite it flushes the
 * data alone (measured here: about 200 µs against 80 µs). A fresh WAL grows with every commit until the first
 * checkpoint restarts it, so without this the first few hundred commits after each start paid for appends; the
 * peers of every move wait for that sync. PostgreSQL zero-fills its WAL segments for the same reason.
 *
 * SQLite stops reading a WAL at the first frame whose salt and checksum do not match its header, so zeros past the
 * last frame are ignored, like the old frames after a restart. Only bytes past the file's current end are written,
 * inside a write transaction, so no connection (of this process or another) appends a frame meanwhile. It is only
 * an optimisation: if it fails, commits go on as before.
 */
function preallocateWal(db: Db, fd: number, onError: (err: unknown) => void): void {
  try {
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const checkpointAt = Number(db.pragma('wal_autocheckpoint', { simple: true })) || 1000;
    const frames = Math.min(checkpointAt + WAL_MARGIN_FRAMES, MAX_PREALLOCATED_BYTES / pageSize);
    const target = WAL_HEADER_BYTES + frames * (pageSize + FRAME_HEADER_BYTES);
    db.transaction(() => {
      for (let at = fstatSync(fd).size; at < target; ) at += writeSync(fd, ZEROS, 0, Math.min(ZEROS.length, target - at), at);
    }).immediate();
  } catch (err) {
    onError(err);
  }
}
