import { createAppStore } from '../../app/store/app-store';
import { createFakeTransport } from '../../test/fake-transport';
import { makeCard, makeEvent, makeSnapshot } from '../../test/fixtures';
import { checkCommand } from './command-check';
import { loadedCommandChecker } from './command-checker';
import { GAP_GRACE_MS, RETRY_FIRST_MS, RETRY_MAX_MS } from './sync-engine';
import { PROTOCOL_VERSION } from '../../../../shared/protocol';
import type { PendingStore } from './pending-store';
import type { PendingOp } from './sync-types';
import type { EmitCall } from '../../test/fake-transport';

/** A PendingStore over a Map: what IndexedDB keeps across a reload (the browser's is tested end to end). */
function mapPendingStore(): PendingStore & { saved: Map<string, PendingOp[]> } {
  const saved = new Map<string, PendingOp[]>();
  return {
    saved,
    load: async (boardId) => structuredClone(saved.get(boardId) ?? []),
    save: (boardId, ops) => (ops.length > 0 ? saved.set(boardId, structuredClone([...ops])) : saved.delete(boardId)),
  };
}

function setup() {
  const fake = createFakeTransport();
  let n = 0;
  const store = createAppStore({ transport: fake.transport, newId: () => `id-${++n}-test`, commandChecker: loadedCommandChecker(checkCommand) });
  store.getState().openBoard('b1');
  fake.answer(fake.lastCall('board:join'), { ok: true, seq: 10, data: { kind: 'snapshot', snapshot: makeSnapshot(), epoch: 'e1' } });
  return { fake, store };
}

const created = (seq: number, id: string) =>
  makeEvent(seq, { type: 'card.created', card: makeCard({ id, columnId: 'c3', orderKey: `a${seq}`, title: id }) });

describe('sync engine', () => {
  it('joins without sinceSeq first, then tracks the snapshot seq', () => {
    const { fake, store } = setup();
    expect(fake.callsOf('board:join')[0]?.payload).toEqual({ boardId: 'b1', protocol: PROTOCOL_VERSION });
    expect(store.getState().lastSeq).toBe(10);
    expect(store.getState().connection).toBe('online');
  });

  it('opening the board already open (before the session check, then by the page) keeps its data and joins once', () => {
    const { fake, store } = setup();
    store.getState().openBoard('b1');
    expect(fake.callsOf('board:join')).toHaveLength(1);
    expect(store.getState().view?.board).toBeDefined();
    store.getState().closeBoard();
    store.getState().openBoard('b1');
    expect(fake.callsOf('board:join')).toHaveLength(2);
  });

  it('applies the next event, ignores old ones', () => {
    const { fake, store } = setup();
    fake.pushEvent(created(11, 'x1'));
    fake.pushEvent(created(9, 'old'));
    fake.pushEvent(created(11, 'x1-again'));
    expect(store.getState().lastSeq).toBe(11);
    expect(Object.keys(store.getState().view!.cards)).toEqual(['k1', 'k2', 'k3', 'x1']);
  });

  it('re-joins with sinceSeq on a gap that stays open, and applies the held event after catching up', () => {
    vi.useFakeTimers();
    const { fake, store } = setup();
    fake.pushEvent(created(13, 'x3'));
    expect(store.getState().lastSeq).toBe(10);
    vi.advanceTimersByTime(GAP_GRACE_MS - 1);
    expect(fake.callsOf('board:join')).toHaveLength(1); // a moment for a late event first
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    const rejoin = fake.lastCall('board:join');
    expect(rejoin?.payload).toMatchObject({ sinceSeq: 10, epoch: 'e1' });
    fake.answer(rejoin, { ok: true, seq: 12, data: { kind: 'events', events: [created(11, 'x1'), created(12, 'x2')], epoch: 'e1' } });
    expect(store.getState().lastSeq).toBe(13);
    expect(store.getState().view!.cards.x3).toBeDefined();
  });

  it('fills a hole with an event that arrives late (another instance relayed it) without re-joining', () => {
    vi.useFakeTimers();
    const { fake, store } = setup();
    fake.pushEvent(created(12, 'x2'));
    vi.advanceTimersByTime(40);
    fake.pushEvent(created(11, 'x1'));
    vi.advanceTimersByTime(GAP_GRACE_MS * 2);
    vi.useRealTimers();
    expect(store.getState().lastSeq).toBe(12);
    expect(fake.callsOf('board:join')).toHaveLength(1);
  });

  it('after a backup was restored, takes its snapshot over everything the old timeline told', () => {
    const { fake, store } = setup();
    fake.pushEvent(created(11, 'seen-then-lost')); // committed after the backup that is then restored
    fake.pushEvent(created(13, 'held')); // waits for 12
    fake.setConnected(false);
    fake.setConnected(true);
    const rejoin = fake.lastCall('board:join');
    expect(rejoin?.payload).toMatchObject({ sinceSeq: 11, epoch: 'e1' });
    // The restored database has seq 10 and gave 11 and 12 to other changes since; it answers with a snapshot.
    fake.answer(rejoin, { ok: true, seq: 12, data: { kind: 'snapshot', snapshot: { ...makeSnapshot(), seq: 12 }, epoch: 'e2' } });
    expect(store.getState().lastSeq).toBe(12);
    // Neither what was lost nor 13 of the old timeline (which is not 13 of the new) is shown.
    expect(Object.keys(store.getState().view!.cards)).toEqual(['k1', 'k2', 'k3']);
    fake.pushEvent(created(13, 'new-13'));
    expect(store.getState().view!.cards['new-13']).toBeDefined();
    fake.setConnected(false);
    fake.setConnected(true);
    expect(fake.lastCall('board:join')?.payload).toMatchObject({ sinceSeq: 13, epoch: 'e2' });
  });

  it('keeps an optimistic change on top of peer events until its own ack lands', () => {
    const { fake, store } = setup();
    store.getState().moveCard('k1', 'c3', 0);
    const move = fake.lastCall('card:move');
    fake.pushEvent(created(11, 'peer'));
    expect(store.getState().view!.cards.k1?.columnId).toBe('c3');
    expect(store.getState().server!.cards.k1?.columnId).toBe('c1');

    const moved = makeCard({ id: 'k1', columnId: 'c3', orderKey: 'Zz', title: 'Ring til apoteket' });
    fake.answer(move, {
      ok: true,
      seq: 12,
      data: { events: [makeEvent(12, { type: 'card.moved', card: moved, from: { columnId: 'c1', orderKey: 'a0' } })] },
    });
    expect(store.getState().pending).toHaveLength(0);
    expect(store.getState().view!.cards.k1?.orderKey).toBe('Zz');
  });

  it('applies a peer\'s move, which carries only the new position, onto the card it knows', () => {
    const { fake, store } = setup();
    const at = '2026-11-28T10:00:00.000Z';
    fake.pushEvent(makeEvent(11, { type: 'card.moved', card: { id: 'k1', columnId: 'c3', orderKey: 'b0', updatedAt: at }, from: { columnId: 'c1', orderKey: 'a0' } }));
    expect(store.getState().view!.cards.k1).toMatchObject({ columnId: 'c3', orderKey: 'b0', updatedAt: at, title: 'Ring til apoteket', ownerName: 'Hanne' });
  });

  it('applies the events of one commit, sent as one message, in seq order', () => {
    const { fake, store } = setup();
    fake.pushEvent(created(11, 'x1'), created(12, 'x2'), created(13, 'x3'));
    expect(store.getState().lastSeq).toBe(13);
    expect(Object.keys(store.getState().view!.cards)).toEqual(['k1', 'k2', 'k3', 'x1', 'x2', 'x3']);
    expect(fake.callsOf('board:join')).toHaveLength(1);
  });

  it('settles its own command when the commit reaches it before the ack', () => {
    const { fake, store } = setup();
    store.getState().moveCard('k1', 'c3', 0);
    const move = fake.lastCall('card:move');
    const { opId } = move!.payload as { opId: string };
    const moved = makeCard({ id: 'k1', columnId: 'c3', orderKey: 'Zz', title: 'Ring til apoteket' });
    const own = makeEvent(12, { type: 'card.moved', card: moved, from: { columnId: 'c1', orderKey: 'a0' } }, opId);
    fake.pushEvent(created(11, 'peer'), own);
    expect(store.getState().pending).toHaveLength(0);
    expect(store.getState().server!.cards.k1?.orderKey).toBe('Zz');
    expect(store.getState().view!.cards.k1?.orderKey).toBe('Zz');

    fake.answer(move, { ok: true, seq: 12, data: { events: [own] } });
    expect(store.getState().lastSeq).toBe(12);
    expect(store.getState().notices).toHaveLength(0);
    expect(fake.callsOf('board:join')).toHaveLength(1);
  });

  it('refuses an invalid command locally without sending it', () => {
    const { fake, store } = setup();
    store.getState().createColumn('   ');
    expect(fake.callsOf('column:create')).toHaveLength(0);
    expect(store.getState().notices[0]?.error.code).toBe('VALIDATION_FAILED');
  });

  it('ignores a late ack for an op that was already settled', () => {
    const { fake, store } = setup();
    store.getState().archiveCard('k2');
    const call = fake.lastCall('card:archive');
    fake.answer(call, { ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
    fake.answer(call, { ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
    expect(store.getState().notices).toHaveLength(1);
    expect(store.getState().view!.cards.k2).toBeDefined();
  });

  it('keeps unsent changes across a reload and sends them once when the board is back', async () => {
    const pendingStore = mapPendingStore();
    const offline = createFakeTransport({ connected: false });
    const before = createAppStore({ transport: offline.transport, newId: () => `op-${Math.random()}`.replace('.', ''), commandChecker: loadedCommandChecker(checkCommand), pendingStore });
    before.getState().openBoard('b1');
    expect(offline.callsOf('board:join')).toHaveLength(0);
    // Offline, the board was shown before (here: joined once); the change waits in the queue, and on disk.
    offline.setConnected(true);
    offline.answer(offline.lastCall('board:join'), { ok: true, seq: 10, data: { kind: 'snapshot', snapshot: makeSnapshot(), epoch: 'e1' } });
    offline.setConnected(false);
    before.getState().moveCard('k1', 'c3', 0);
    expect(offline.callsOf('card:move')).toHaveLength(0);
    expect(pendingStore.saved.get('b1')?.map((op) => op.command.name)).toEqual(['card:move']);

    // The page is reloaded: a new store, the same disk.
    const fake = createFakeTransport();
    const after = createAppStore({ transport: fake.transport, newId: () => 'id-after-test', commandChecker: loadedCommandChecker(checkCommand), pendingStore });
    after.getState().openBoard('b1');
    await Promise.resolve();
    fake.answer(fake.lastCall('board:join'), { ok: true, seq: 10, data: { kind: 'snapshot', snapshot: makeSnapshot(), epoch: 'e1' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(after.getState().view!.cards.k1!.columnId).toBe('c3');
    expect(fake.callsOf('card:move')).toHaveLength(1);
    const move = fake.lastCall('card:move');
    fake.answer(move, { ok: true, seq: 11, data: { events: [makeEvent(11, { type: 'card.moved', card: makeCard({ id: 'k1', columnId: 'c3', orderKey: 'Zz', title: 'Ring til apoteket' }), from: { columnId: 'c1', orderKey: 'a0' } }, (move?.payload as { opId: string }).opId)] } });
    expect(pendingStore.saved.has('b1')).toBe(false);
    expect(fake.callsOf('card:move')).toHaveLength(1);
  });

  describe('while the server cannot reach its database', () => {
    const UNAVAILABLE = { ok: false, error: { code: 'UNAVAILABLE', message: 'database away' } } as const;
    const opIdOf = (call: EmitCall | undefined) => (call?.payload as { opId: string }).opId;
    const movedAck = (call: EmitCall | undefined, seq: number) => ({
      ok: true as const,
      seq,
      data: { events: [makeEvent(seq, { type: 'card.moved', card: makeCard({ id: 'k1', columnId: 'c3', orderKey: 'Zz', title: 'Ring til apoteket' }), from: { columnId: 'c1', orderKey: 'a0' } }, opIdOf(call))] },
    });

    beforeEach(() => {
      vi.useFakeTimers();
      vi.spyOn(Math, 'random').mockReturnValue(0.999); // the longest of each jittered wait
    });
    afterEach(() => {
      vi.restoreAllMocks();
      vi.useRealTimers();
    });

    it('keeps a command refused with UNAVAILABLE, shows it applied, and sends it again with the same opId', () => {
      const { fake, store } = setup();
      store.getState().moveCard('k1', 'c3', 0);
      const first = fake.lastCall('card:move');
      fake.answer(first, UNAVAILABLE);
      expect(store.getState().pending).toHaveLength(1);
      expect(store.getState().view!.cards.k1?.columnId).toBe('c3');
      expect(store.getState().serverWaiting).toBe(true);
      expect(store.getState().notices).toHaveLength(0);

      vi.advanceTimersByTime(RETRY_FIRST_MS - 5);
      expect(fake.callsOf('card:move')).toHaveLength(1);
      vi.advanceTimersByTime(5);
      const again = fake.lastCall('card:move');
      expect(fake.callsOf('card:move')).toHaveLength(2);
      expect(opIdOf(again)).toBe(opIdOf(first));
      expect(store.getState().serverWaiting).toBe(true); // until something is acknowledged

      fake.answer(again, movedAck(again, 11));
      expect(store.getState().serverWaiting).toBe(false);
      expect(store.getState().pending).toHaveLength(0);
      expect(store.getState().server!.cards.k1?.columnId).toBe('c3');
      vi.advanceTimersByTime(RETRY_MAX_MS * 4);
      expect(fake.callsOf('card:move')).toHaveLength(2);
    });

    it("stops waiting when the re-sent command's own event arrives before its ack", () => {
      const { fake, store } = setup();
      store.getState().moveCard('k1', 'c3', 0);
      fake.answer(fake.lastCall('card:move'), UNAVAILABLE);
      vi.advanceTimersByTime(RETRY_FIRST_MS);
      const again = fake.lastCall('card:move');
      // The broadcast of the commit reaches the board first and settles the change; the ack comes after.
      fake.pushEvent(movedAck(again, 11).data.events[0]!);
      expect(store.getState().pending).toHaveLength(0);
      fake.answer(again, movedAck(again, 11));
      expect(store.getState().serverWaiting).toBe(false);
    });

    it('waits longer after each refusal, never longer than the cap', () => {
      const { fake, store } = setup();
      store.getState().moveCard('k1', 'c3', 0);
      const sentAt: number[] = [];
      for (let i = 0; i < 6; i++) {
        fake.answer(fake.lastCall('card:move'), UNAVAILABLE);
        const before = fake.callsOf('card:move').length;
        let waited = 0;
        while (fake.callsOf('card:move').length === before && waited <= RETRY_MAX_MS) {
          vi.advanceTimersByTime(10);
          waited += 10;
        }
        sentAt.push(waited);
      }
      expect(sentAt).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    });

    it('holds commands issued while waiting and sends them after the refused one, in the order issued', () => {
      const { fake, store } = setup();
      store.getState().moveCard('k1', 'c3', 0);
      fake.answer(fake.lastCall('card:move'), UNAVAILABLE);
      store.getState().archiveCard('k2');
      expect(fake.callsOf('card:archive')).toHaveLength(0);
      expect(store.getState().view!.cards.k2).toBeUndefined();

      vi.advanceTimersByTime(RETRY_FIRST_MS);
      expect(fake.calls.slice(-2).map((c) => c.event)).toEqual(['card:move', 'card:archive']);
      const archive = fake.lastCall('card:archive');
      fake.answer(fake.lastCall('card:move'), movedAck(fake.lastCall('card:move'), 11));
      expect(fake.callsOf('card:archive')).toHaveLength(1); // in flight already: not sent twice
      fake.answer(archive, { ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
      // Any other refusal rolls back as before.
      expect(store.getState().view!.cards.k2).toBeDefined();
      expect(store.getState().notices[0]?.error.code).toBe('FORBIDDEN');
    });

    it('sends a waiting command again on reconnect, once, without waiting for the back-off', () => {
      const { fake, store } = setup();
      store.getState().moveCard('k1', 'c3', 0);
      fake.answer(fake.lastCall('card:move'), UNAVAILABLE);
      fake.setConnected(false);
      vi.advanceTimersByTime(RETRY_MAX_MS);
      expect(fake.callsOf('card:move')).toHaveLength(1);
      fake.setConnected(true);
      fake.answer(fake.lastCall('board:join'), { ok: true, seq: 10, data: { kind: 'events', events: [], epoch: 'e1' } });
      expect(fake.callsOf('card:move')).toHaveLength(2);
      expect(store.getState().serverWaiting).toBe(false);
      vi.advanceTimersByTime(RETRY_MAX_MS);
      expect(fake.callsOf('card:move')).toHaveLength(2);
    });

    it('joins again after a back-off when the join itself is refused with UNAVAILABLE', () => {
      const fake = createFakeTransport();
      const store = createAppStore({ transport: fake.transport, commandChecker: loadedCommandChecker(checkCommand) });
      store.getState().openBoard('b1');
      fake.answer(fake.lastCall('board:join'), UNAVAILABLE);
      expect(store.getState().loadState).toBe('loading');
      expect(store.getState().serverWaiting).toBe(true);
      vi.advanceTimersByTime(RETRY_FIRST_MS);
      expect(fake.callsOf('board:join')).toHaveLength(2);
      fake.answer(fake.lastCall('board:join'), { ok: true, seq: 10, data: { kind: 'snapshot', snapshot: makeSnapshot(), epoch: 'e1' } });
      expect(store.getState().loadState).toBe('ready');
      expect(store.getState().serverWaiting).toBe(false);
    });
  });
});
