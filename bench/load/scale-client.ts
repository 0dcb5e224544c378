// Scale bench load: one socket moving a card (its acks timed), and HTTP readers loading the start page, an export
// and a report in a loop. Driven by bench/lib/scale-benches.ts over IPC.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { serveParent } from '../lib/procs';

type Ack = { ok: boolean; error?: { code: string } };
let mover: Socket | null = null;
let stopReaders = false;
let requests = 0;

async function get(url: string, token: string): Promise<number> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return body.byteLength;
}

serveParent({
  async connect(m) {
    const { url, token, boardId } = m as { url: string; token: string; boardId: string };
    mover = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: 20_000 });
    await new Promise<void>((resolve, reject) => {
      mover!.once('connect', () => resolve());
      mover!.once('connect_error', reject);
    });
    const ack = (await mover.timeout(20_000).emitWithAck('board:join', { boardId, protocol: PROTOCOL_VERSION })) as Ack;
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    return {};
  },
  /** Moves one card back and forth, the next move after each ack, for `durationMs`: each ack's latency. */
  async moves(m) {
    const { durationMs, boardId, cardId, columns } = m as { durationMs: number; boardId: string; cardId: string; columns: [string, string] };
    const latencies: number[] = [];
    const end = performance.now() + durationMs;
    for (let n = 0; performance.now() < end; n++) {
      const t0 = performance.now();
      const ack = (await mover!.timeout(20_000).emitWithAck('card:move', {
        opId: randomUUID(), boardId, cardId, toColumnId: columns[n % 2]!, index: 0,
      })) as Ack;
      if (!ack.ok) throw new Error(`move rejected: ${JSON.stringify(ack)}`);
      latencies.push(performance.now() - t0);
    }
    return { latencies };
  },
  /** `clients` loops, each GETting `paths` in turn until `stopReaders`. */
  async readers(m) {
    const { url, token, clients, paths } = m as { url: string; token: string; clients: number; paths: string[] };
    stopReaders = false;
    requests = 0;
    void Promise.all(Array.from({ length: clients }, async (_, i) => {
      for (let k = i; !stopReaders; k++) {
        await get(`${url}${paths[k % paths.length]}`, token);
        requests++;
      }
    })).catch((err: unknown) => console.error(err));
    return { started: true };
  },
  async stopReaders() {
    stopReaders = true;
    return { requests };
  },
  /** Sequential GETs of one path: each response's time and size. */
  async timeGets(m) {
    const { url, token, path, n } = m as { url: string; token: string; path: string; n: number };
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      bytes = await get(`${url}${path}`, token);
      times.push(performance.now() - t0);
    }
    return { times, bytes };
  },
});
process.send?.({ type: 'ready' });
