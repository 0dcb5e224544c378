// A load generator: real socket.io-client connections in a child process, driven by the bench over IPC.
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { serveParent } from '../lib/procs';

interface Move {
  opId: string;
  boardId: string;
  cardId: string;
  toColumnId: string;
  index: number;
}
type Ack = { ok: boolean; error?: { code: string }; data?: { events?: unknown[] } };

let receivers: Socket[] = [];
let senders: Socket[] = [];
/** For the message in flight: opId → arrival times at receivers. */
const arrivals = new Map<string, number[]>();
let onArrival: (() => void) | null = null;
let eventsReceived = 0;
let counter = 0;

/** The session token the bench signed in with (the bare baseline server ignores it). */
let token = '';

function connectOne(url: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: token ? { token } : { name: 'Bench' }, reconnection: false, forceNew: true, timeout: 20_000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

async function connectMany(url: string, n: number, boardId: string, listen: boolean): Promise<Socket[]> {
  const out: Socket[] = [];
  for (let start = 0; start < n; start += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, n - start) }, () => connectOne(url)));
    await Promise.all(
      batch.map(async (s) => {
        const ack = (await s.timeout(20_000).emitWithAck('board:join', { boardId, protocol: PROTOCOL_VERSION })) as Ack;
        if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
      }),
    );
    if (listen) {
      for (const s of batch) {
        // One message carries the events of one commit; each event counts as one delivery.
        s.on('board:events', (events: { opId: string }[]) => {
          const now = performance.now();
          for (const event of events) {
            eventsReceived++;
            const list = arrivals.get(event.opId);
            if (!list) continue;
            list.push(now);
            onArrival?.();
          }
        });
      }
    }
    out.push(...batch);
  }
  return out;
}

const opId = () => `bench-${process.pid}-${++counter}`;

/** Moves alternate a card between two columns; the count per card persists across reps (cards start in the first). */
const movesOf = new Map<string, number>();
function nextMove(boardId: string, cardId: string, columns: [string, string]): Move {
  const n = (movesOf.get(cardId) ?? 0) + 1;
  movesOf.set(cardId, n);
  return { opId: opId(), boardId, cardId, toColumnId: columns[n % 2]!, index: 0 };
}
/** Events a move's ack reports (a move to where the card already is makes none; the bare server always one). */
const eventsIn = (ack: Ack): number => ack.data?.events?.length ?? 1;

serveParent({
  async connect(m) {
    const { url, receivers: n, senders: s, boardId } = m as { url: string; receivers: number; senders: number; boardId: string };
    token = typeof m.token === 'string' ? m.token : '';
    // `urls`: several instances behind one balancer; receivers spread evenly over them, senders on the first.
    const urls = Array.isArray(m.urls) ? (m.urls as string[]) : [url];
    receivers = [];
    for (const [i, u] of urls.entries()) {
      const share = Math.floor(n / urls.length) + (i < n % urls.length ? 1 : 0);
      receivers.push(...(await connectMany(u, share, boardId, true)));
    }
    senders = await connectMany(urls[0]!, s, boardId, false);
    return { connected: receivers.length + senders.length };
  },

  /** One sender moves a card back and forth; each move's delivery time to every receiver. */
  async fanout(m) {
    const { messages, boardId, cardId, columns } = m as { messages: number; boardId: string; cardId: string; columns: [string, string] };
    const sender = senders[0]!;
    const latencies: number[] = [];
    let delivered = 0;
    let expected = 0;
    for (let i = 0, noops = 0; i < messages && noops < 10; i++) {
      const move = nextMove(boardId, cardId, columns);
      const list: number[] = [];
      arrivals.set(move.opId, list);
      let resolveAll: () => void = () => {};
      const all = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        resolveAll = () => {
          clearTimeout(timer);
          resolve();
        };
        onArrival = () => {
          if (list.length >= receivers.length) resolveAll();
        };
      });
      const t0 = performance.now();
      const ack = (await sender.timeout(10_000).emitWithAck('card:move', move)) as Ack;
      if (!ack.ok) throw new Error(`move rejected: ${JSON.stringify(ack)}`);
      if (eventsIn(ack) === 0) {
        // The card was already there (left so by an earlier run): nothing to deliver; move it back and go on.
        resolveAll();
        await all;
        arrivals.delete(move.opId);
        i--;
        noops++;
        continue;
      }
      expected += receivers.length;
      await all;
      onArrival = null;
      arrivals.delete(move.opId);
      delivered += list.length;
      for (const t of list) latencies.push(t - t0);
    }
    return { latencies, delivered, expected };
  },

  /** Every sender moves its own card in a closed loop (next move after the ack) for `durationMs`. */
  async throughput(m) {
    const { durationMs, boardId, cards, columns } = m as { durationMs: number; boardId: string; cards: string[]; columns: [string, string] };
    const before = eventsReceived;
    let acked = 0;
    let events = 0;
    const end = performance.now() + durationMs;
    await Promise.all(
      senders.map(async (s, k) => {
        while (performance.now() < end) {
          const move = nextMove(boardId, cards[k]!, columns);
          const ack = (await s.timeout(10_000).emitWithAck('card:move', move)) as Ack;
          if (!ack.ok) throw new Error(`move rejected: ${JSON.stringify(ack)}`);
          acked++;
          events += eventsIn(ack);
        }
      }),
    );
    const elapsed = performance.now() - (end - durationMs);
    // Let the last broadcasts land before counting them.
    await new Promise((r) => setTimeout(r, 300));
    return { acked, elapsedMs: elapsed, eventsReceived: eventsReceived - before, expectedEvents: events * receivers.length };
  },

  close() {
    for (const s of [...receivers, ...senders]) s.disconnect();
    receivers = [];
    senders = [];
    return {};
  },
  stop() {
    process.exit(0);
  },
});
process.send?.({ type: 'ready' });
