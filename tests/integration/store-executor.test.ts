import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import { type Executor, type Store, postgresStore, queryShape } from '../../server/store';
import { createPool } from '../../server/store/postgres';
import { type MigratedStore, openMigratedStore } from '../support/migrated-store';

const layerNamed = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('layers').select(['id', 'name']).where('id', '=', p.id));
const addLayer = (ex: Executor, id: string, rank: number) => ex.run(ex.q.insertInto('layers').values({ id, rank, name: `Lag ${id}` }));

describe.each(['sqlite', 'postgres'] as const)('the store executor on %s', (engine) => {
  let store: Store;
  let migrated: MigratedStore | undefined;

  beforeAll(async () => {
    migrated = await openMigratedStore(engine);
    store = migrated.store;
  });
  afterAll(() => migrated?.dispose());

  it('commits a transaction when its callback resolves, and rolls all of it back when it throws', async () => {
    await store.transaction(async (tx) => {
      await addLayer(tx, 'a', 1);
      await addLayer(tx, 'b', 2);
    });
    await expect(store.transaction(async (tx) => {
      await addLayer(tx, 'c', 3);
      throw new Error('the rule refused');
    })).rejects.toThrow('the rule refused');
    const ids = (await store.all(store.q.selectFrom('layers').select('id').orderBy('id'))).map((r) => r.id);
    expect(ids).toEqual(['a', 'b']);
  });

  it('undoes only a failing savepoint, and the transaction goes on', async () => {
    await store.transaction(async (tx) => {
      await addLayer(tx, 'd', 4);
      await expect(tx.transaction(async (inner) => {
        await addLayer(inner, 'e', 5);
        await addLayer(inner, 'f', 4); // rank is unique: refused
      })).rejects.toThrow();
      await addLayer(tx, 'g', 6);
    });
    const ids = (await store.all(store.q.selectFrom('layers').select('id').where('id', 'in', ['d', 'e', 'f', 'g']).orderBy('id'))).map((r) => r.id);
    expect(ids).toEqual(['d', 'g']);
  });

  it('runs a query shape with new values each call, and reports the rows a write changed', async () => {
    expect(await store.first(layerNamed(store, { id: 'a' }))).toEqual({ id: 'a', name: 'Lag a' });
    expect(await store.first(layerNamed(store, { id: 'nothing' }))).toBeUndefined();
    expect(await store.run(store.q.updateTable('layers').set({ kind: 'x' }).where('id', 'in', ['a', 'b']))).toBe(2);
  });

  it('never shows another request what an open transaction has not committed', async () => {
    let inside!: () => void;
    const holding = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const tx = store.transaction(async (t) => {
      await addLayer(t, 'h', 8);
      inside();
      await released;
      throw new Error('rolled back');
    });
    await holding;
    const seen = store.first(layerNamed(store, { id: 'h' }));
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await seen).toBeUndefined();
  });
  it('serves transactions that wait together one after the other, none of them refused', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = store.transaction(async (tx) => {
      await addLayer(tx, 'w0', 20);
      await released;
    });
    const waiting = [21, 22, 23].map((rank) => store.transaction((tx) => addLayer(tx, `w${rank}`, rank)));
    release();
    await holder;
    await Promise.all(waiting);
    const ids = (await store.all(store.q.selectFrom('layers').select('id').where('id', 'like', 'w%').orderBy('id'))).map((r) => r.id);
    expect(ids).toEqual(['w0', 'w21', 'w22', 'w23']);
  });

  /** Another connection to the same database that adds a layer at once (SQLite: refused at once if it must wait). */
  const anotherWriter = (): { add(id: string, rank: number): Promise<void>; close(): Promise<void> } => {
    if (store.engine === 'sqlite') {
      const other = openDatabase(store.sqlite.name);
      other.pragma('busy_timeout = 0');
      return {
        add: async (id, rank) => void other.prepare('INSERT INTO layers (id, rank, name) VALUES (?, ?, ?)').run(id, rank, `Lag ${id}`),
        close: async () => void other.close(),
      };
    }
    const other = postgresStore(createPool(migrated!.url!));
    return { add: async (id, rank) => void (await addLayer(other, id, rank)), close: () => other.close() };
  };
  const layerCount = async (ex: Executor) => (await ex.all(ex.q.selectFrom('layers').select('id'))).length;

  it('reads one moment in a read-only transaction, without holding back another connection that writes', async () => {
    const other = anotherWriter();
    try {
      const seen = await store.transaction(async (tx) => {
        const before = await layerCount(tx);
        // On SQLite a read-only transaction takes no write lock: a BEGIN IMMEDIATE here would make this insert fail.
        await other.add('r1', 31);
        return [before, await layerCount(tx)];
      }, { readOnly: true });
      expect(seen[1]).toBe(seen[0]);
      expect(await layerCount(store)).toBe(seen[0]! + 1);
    } finally {
      await other.close();
    }
  });

  it.runIf(engine === 'postgres')('refuses a write in a read-only transaction', async () => {
    await expect(store.transaction((tx) => addLayer(tx, 'r2', 32), { readOnly: true })).rejects.toThrow(/read-only/);
  });
});
