import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ORDER_KEY_LENGTH, placeAt, sortByKey } from '../../shared/domain/ordering';
import type { Card } from '../../shared/schemas';
import { decideCardMove } from '../../server/services/commands/card-commands';
import { dbBoardState, normalise } from './helpers/board-state';
import { newOpId } from './helpers/commands';
import { sql } from 'kysely';
import { allProblems, boardSeq, countOf } from './helpers/db-checks';
import { type InProcessServer, startInProcessServer } from './helpers/inproc-server';
import { SEED, seedMsg, size } from './helpers/run-config';
import { SyncClient } from './helpers/sync-client';

const ctx = { actor: 'fc', now: '2026-01-01T00:00:00.000Z', today: '2026-01-01' };
const COLUMNS = ['k0', 'k1', 'k2'];
const card = (i: number, orderKey: string): Card => ({
  id: `c${i}`, boardId: 'b', columnId: 'k0', orderKey, type: 'action', title: `c${i}`, description: '', ownerName: '',
  dueDate: null, archived: false, createdAt: ctx.now, updatedAt: ctx.now,
});

/** Moves as the server decides them, applied one by one to an in-memory board (what a commit does to the table). */
function applyMove(cards: Map<string, Card>, cardId: string, toColumnId: string, index: number): void {
  const d = decideCardMove(
    { opId: 'op-fast-check', boardId: 'b', cardId, toColumnId, index },
    { card: cards.get(cardId), toColumn: { id: toColumnId, boardId: 'b', name: toColumnId, orderKey: 'a0' }, destination: [...cards.values()].filter((c) => c.columnId === toColumnId) },
    ctx,
  );
  if (!d.ok) throw new Error(d.error.message);
  for (const e of d.effects) if (e.body.type === 'card.moved') cards.set(e.body.card.id, { ...cards.get(e.body.card.id)!, ...e.body.card });
}

describe('ordering invariants (fast-check)', () => {
  it('any interleaving of moves keeps a strict total order in every column', () => {
    const move = fc.record({ card: fc.nat(9), column: fc.constantFrom(...COLUMNS), index: fc.nat(12) });
    fc.assert(
      fc.property(fc.array(move, { maxLength: size(200, 1000) }), (moves) => {
        const cards = new Map(Array.from({ length: 10 }, (_, i) => [`c${i}`, card(i, `a${i}`)] as const));
        for (const m of moves) {
          applyMove(cards, `c${m.card}`, m.column, m.index);
          for (const column of COLUMNS) {
            const keys = sortByKey([...cards.values()].filter((c) => c.columnId === column)).map((c) => c.orderKey);
            // Strictly increasing: no two cards share a place, so every client sorts a column the same way.
            expect(keys.every((k, i) => i === 0 || keys[i - 1]! < k)).toBe(true);
          }
        }
        expect(cards.size).toBe(10);
      }),
      { seed: SEED, numRuns: size(100, 300) },
    );
  });

  it('a move lands exactly at the asked index among the cards it finds there', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 300 }), (indexes) => {
        const cards = new Map(Array.from({ length: 10 }, (_, i) => [`c${i}`, card(i, `a${i}`)] as const));
        indexes.forEach((index, n) => {
          const id = `c${n % 10}`;
          const others = sortByKey([...cards.values()].filter((c) => c.columnId === 'k1' && c.id !== id));
          applyMove(cards, id, 'k1', index);
          const after = sortByKey([...cards.values()].filter((c) => c.columnId === 'k1')).map((c) => c.id);
          expect(after.indexOf(id)).toBe(Math.min(index, others.length));
        });
      }),
      { seed: SEED, numRuns: size(50, 500) },
    );
  });

  it('order keys stay short after thousands of inserts at the same spot', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1000, max: size(3000, 5000) }), (spot, inserts) => {
        let items = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, orderKey: `a${i}` }));
        for (let n = 0; n < inserts; n++) {
          const { orderKey, rekeyed } = placeAt(items, spot);
          const fresh = new Map(rekeyed.map((r) => [r.id, r.orderKey]));
          items = items.map((i) => ({ ...i, orderKey: fresh.get(i.id) ?? i.orderKey }));
          items.push({ id: `n${n}`, orderKey });
        }
        expect(Math.max(...items.map((i) => i.orderKey.length))).toBeLessThanOrEqual(MAX_ORDER_KEY_LENGTH);
        expect(new Set(items.map((i) => i.orderKey)).size).toBe(items.length);
        expect(sortByKey(items)[spot]!.id).toBe(`n${inserts - 1}`);
      }),
      { seed: SEED, numRuns: size(5, 8) },
    );
  });
});

describe('re-keying on a live server', () => {
  let srv: InProcessServer;
  const clients: SyncClient[] = [];
  beforeAll(async () => {
    // One socket sends thousands of inserts as fast as it can: lift the per-socket rate limit (not under test here).
    srv = await startInProcessServer({ boards: 1, commandRate: { burst: 100_000, perSecond: 100_000 } });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await srv?.stop();
  });

  it('inserting hundreds of cards at one spot re-keys the column, and a peer follows every re-key', async () => {
    const board = srv.boards[0]!;
    const writer = await SyncClient.connect(srv.url, { name: 'Writer', boardId: board.id });
    const peer = await SyncClient.connect(srv.url, { name: 'Peer', boardId: board.id });
    clients.push(writer, peer);
    const column = board.columns[0]!;
    const inserts = size(450, 2000); // ~370 inserts at one spot push a key past 64 characters
    for (let n = 0; n < inserts; n++) {
      const ack = await writer.send('card:create', { opId: newOpId('spot'), boardId: board.id, card: { id: `spot-${n}`, columnId: column, type: 'idea', title: `Ide ${n}` }, index: 1 });
      expect(ack, seedMsg(`insert ${n}`)).toMatchObject({ ok: true });
    }
    const cards = await srv.store.all(
      srv.store.q.selectFrom('cards').select(['id', 'order_key']).where('column_id', '=', column).where('archived', '=', 0).orderBy('order_key'),
    );
    expect(Math.max(...cards.map((c) => c.order_key.length)), seedMsg('longest key')).toBeLessThanOrEqual(MAX_ORDER_KEY_LENGTH);
    const rekeys = await countOf(srv.store, sql`SELECT count(*) AS n FROM events WHERE type = 'card.moved'`);
    expect(rekeys, seedMsg('re-key events')).toBeGreaterThan(0);
    // Newest insert at index 1, the fixture's first card before it, everything else after in reverse insert order.
    expect(cards.slice(0, 3).map((c) => c.id)).toEqual(['rcard-0-0', `spot-${inserts - 1}`, `spot-${inserts - 2}`]);
    const expected = await boardSeq(srv.store, board.id);
    await peer.waitFor(() => peer.replica.seq >= expected, 10_000, 'peer catch-up');
    expect(normalise(peer.replica.state!), seedMsg('peer after re-keys')).toEqual(await dbBoardState(srv.store, board.id));
    expect(normalise(writer.replica.state!), seedMsg('writer after re-keys')).toEqual(await dbBoardState(srv.store, board.id));
    expect(await allProblems(srv.store)).toEqual([]);
    console.info(`[reliability] ordering seed=${SEED}: ${inserts} inserts at one spot, ${rekeys} re-key moves, longest key ${Math.max(...cards.map((c) => c.order_key.length))}`);
  });
});
