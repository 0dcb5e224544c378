// The join storm's clients: N real socket.io-client connections opened at once, as wall screens reconnecting after
// a deploy, each joining one board (spread round-robin over the boards) and counting as served once its ack with
// the board's state is in. Driven by the bench over IPC.
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { serveParent } from '../lib/procs';

type Ack = { ok: boolean; error?: { code: string }; data?: { kind?: string } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One screen: connects (retrying with jittered back-off as the product's client does), joins, until it has state. */
async function screen(url: string, token: string, boardId: string, open: Socket[]): Promise<{ retries: number }> {
  let retries = 0;
  for (;;) {
    const socket = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true, timeout: 60_000 });
    open.push(socket);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const ack = (await socket.timeout(60_000).emitWithAck('board:join', { boardId, protocol: PROTOCOL_VERSION })) as Ack;
      if (ack.ok && ack.data?.kind === 'snapshot') return { retries };
      throw new Error(`join answered ${JSON.stringify(ack).slice(0, 120)}`);
    } catch (err) {
      socket.disconnect();
      if (++retries > 8) throw err;
      await sleep(250 + Math.random() * 750);
    }
  }
}

let open: Socket[] = [];

serveParent({
  storm: async (m) => {
    const { url, token, sockets, boards } = m as unknown as { url: string; token: string; sockets: number; boards: string[] };
    open = [];
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: sockets }, (_, i) => screen(url, token, boards[i % boards.length]!, open)));
    const ms = performance.now() - started;
    const retries = results.reduce((n, r) => n + r.retries, 0);
    for (const s of open) s.disconnect();
    open = [];
    return { ms, retries };
  },
  stop: () => {
    for (const s of open) s.disconnect();
    process.exit(0);
  },
});
process.send?.({ type: 'ready' });
