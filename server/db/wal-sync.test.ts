import { copyFileSync, fdatasync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './open-database';
import { createWalSync } from './wal-sync';

describe('WAL sync off the event loop', () => {
  let dir: string;
  let db: Db;
  /** Syncs asked for and not yet finished: a test lets them finish (or fail) when it wants. */
  let syncs: { fd: number; finish: (err?: NodeJS.ErrnoException) => void }[];
  const heldSync = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) =>
    syncs.push({ fd, finish: (err) => (err ? done(err) : fdatasync(fd, done)) });
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaskade-wal-'));
    db = openDatabase(join(dir, 'test.db'));
    db.exec('CREATE TABLE t (n INTEGER)');
    syncs = [];
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (n: number) => () => db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes;

  it('delivers a commit only after the WAL file was synced, and leaves the connection at synchronous=FULL', async () => {
    const wal = createWalSync(db, { syncFile: heldSync });
    const delivered: unknown[] = [];
    let during: unknown;
    wal.commit(
      () => {
        during = db.pragma('synchronous', { simple: true });
        return insert(1)();
      },
      (r) => delivered.push(r),
    );
    expect(during).toBe(1); // NORMAL: SQLite does not sync this commit itself
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL again, for every other write
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 }); // committed
    await turn();
    expect(delivered).toEqual([]); // but not yet told
    expect(syncs).toHaveLength(1);
    syncs[0]!.finish();
    await until(() => delivered.length === 1);
    expect(delivered).toEqual([{ ok: true, value: 1 }]);
    await wal.close();
  });

  it('lets the commits made during a sync share the next one, and delivers all in commit order', async () => {
    const wal = createWalSync(db, { syncFile: heldSync });
    const delivered: number[] = [];
    wal.commit(insert(1), () => delivered.push(1));
    wal.commit(insert(2), () => delivered.push(2));
    wal.commit(insert(3), () => delivered.push(3));
    expect(syncs).toHaveLength(1); // 2 and 3 wait for the sync after the one under way
    syncs[0]!.finish();
    await until(() => syncs.length === 2);
    expect(delivered).toEqual([1]);
    syncs[1]!.finish();
    await until(() => delivered.length === 3);
    expect(delivered).toEqual([1, 2, 3]);
    expect(syncs).toHaveLength(2);
    await wal.close();
  });

  it('tells a commit written before its sync only when every earlier commit has been delivered', async () => {
    const wal = createWalSync(db, { syncFile: heldSync });
    const log: string[] = [];
    wal.commit(insert(1), () => log.push('delivered 1'), () => log.push('written 1'));
    expect(log).toEqual(['written 1']); // before its sync
    // Commit 1 is not delivered yet: telling of 2 now would overtake it.
    wal.commit(insert(2), () => log.push('delivered 2'), () => log.push('written 2'));
    syncs[0]!.finish();
    await until(() => syncs.length === 2);
    syncs[1]!.finish();
    await until(() => log.length === 3);
    wal.commit(insert(3), () => log.push('delivered 3'), () => log.push('written 3'));
    expect(log).toEqual(['written 1', 'delivered 1', 'delivered 2', 'written 3']);
    syncs[2]!.finish();
    await until(() => log.length === 5);
    // A failed commit is not written, so not told before its delivery.
    wal.commit(() => {
      throw new Error('refused');
    }, () => log.push('delivered refusal'), () => log.push('written refusal'));
    expect(log.slice(5)).toEqual(['delivered refusal']);
    await wal.close();
  });

  it('runs a follow-up at once when nothing waits, and otherwise after the commits before it', async () => {
    const wal = createWalSync(db, { syncFile: heldSync });
    const log: string[] = [];
    wal.after(() => log.push('quiet'));
    expect(log).toEqual(['quiet']);
    wal.commit(insert(1), () => log.push('commit'));
    wal.after(() => log.push('after'));
    expect(log).toEqual(['quiet']);
    syncs[0]!.finish();
    await until(() => log.length === 3);
    expect(log).toEqual(['quiet', 'commit', 'after']);
    await wal.close();
  });

  it('reports a failed commit in its turn, having written nothing, and a failed sync to every commit it covered', async () => {
    const wal = createWalSync(db, { syncFile: heldSync });
    const delivered: string[] = [];
    const tell = (name: string) => (r: { ok: boolean }) => delivered.push(`${name} ${r.ok ? 'ok' : 'failed'}`);
    wal.commit(insert(1), tell('first'));
    wal.commit(
      db.transaction(() => {
        insert(2)();
        throw new Error('refused');
      }),
      tell('second'),
    );
    wal.commit(insert(3), tell('third'));
    expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 3]);
    syncs[0]!.finish(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await until(() => syncs.length === 2);
    syncs[1]!.finish();
    await until(() => delivered.length === 3);
    expect(delivered).toEqual(['first failed', 'second failed', 'third ok']);
    await wal.close();
  });

  it('keeps delivering when one delivery throws', async () => {
    const errors: unknown[] = [];
    const wal = createWalSync(db, { onError: (err) => errors.push(err) });
    const delivered: number[] = [];
    wal.commit(insert(1), () => {
      throw new Error('a broken listener');
    });
    wal.commit(insert(2), () => delivered.push(2));
    await until(() => delivered.length === 1);
    expect(errors).toHaveLength(1);
    await wal.close();
  });

  it('writes the WAL out to its working size once, and a copy taken as after a crash recovers every commit', async () => {
    const wal = createWalSync(db);
    const walFile = join(dir, 'test.db-wal');
    const delivered: number[] = [];
    wal.commit(insert(1), () => delivered.push(1));
    await until(() => delivered.length === 1);
    // 1,000 frames before the auto-checkpoint and a margin, each a 4 KiB page and its header.
    const size = statSync(walFile).size;
    expect(size).toBeGreaterThan(1000 * (4096 + 24));
    for (let n = 2; n <= 50; n++) wal.commit(insert(n), () => delivered.push(n));
    await until(() => delivered.length === 50);
    expect(statSync(walFile).size).toBe(size); // the commits overwrote zeros: the file did not grow
    // The files as a power cut would leave them (the connection still open, nothing checkpointed at close).
    copyFileSync(join(dir, 'test.db'), join(dir, 'copy.db'));
    copyFileSync(walFile, join(dir, 'copy.db-wal'));
    const copy = openDatabase(join(dir, 'copy.db'));
    expect(copy.prepare('SELECT count(*) FROM t').pluck().get()).toBe(50);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    await wal.close();
  });

  it('commits synchronously where there is no WAL file', () => {
    const memory = openDatabase(':memory:');
    memory.exec('CREATE TABLE t (n INTEGER)');
    const wal = createWalSync(memory);
    const delivered: unknown[] = [];
    wal.commit(() => memory.prepare('INSERT INTO t (n) VALUES (1)').run().changes, (r) => delivered.push(r));
    expect(delivered).toEqual([{ ok: true, value: 1 }]);
    memory.close();
  });

  it('closes only when every commit has been delivered', async () => {
    const wal = createWalSync(db, { syncFile: heldSync });
    const delivered: number[] = [];
    wal.commit(insert(1), () => delivered.push(1));
    let closed = false;
    const closing = wal.close().then(() => (closed = true));
    await turn();
    expect(closed).toBe(false);
    syncs[0]!.finish();
    await closing;
    expect(delivered).toEqual([1]);
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}
