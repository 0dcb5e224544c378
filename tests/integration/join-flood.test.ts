import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { FIXTURE } from '../helpers/fixtures';
import { type TestClient, connectClient, opId } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';
import { testToken } from '../helpers/auth';
import { type StalledClient, openStalledClient } from '../reliability/helpers/stalled-client';
import type { AppDeps } from '../../server/app';

const board = FIXTURE.clinicBoard;
let srv: TestServer | null = null;
const clients: TestClient[] = [];
const stalledClients: StalledClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  stalledClients.splice(0).forEach((c) => c.destroy());
  await srv?.stop();
  srv = null;
});

async function start(app: Partial<AppDeps> = {}) {
  srv = await startTestServer({ app });
  return srv;
}
async function client(name: string, role?: 'viewer') {
  const c = await connectClient(srv!.url, name, role ? { role } : {});
  clients.push(c);
  return c;
}

/** Moves the huddle card and answers how long the ack took. */
async function timedMove(c: TestClient, i: number): Promise<number> {
  const t = performance.now();
  const ack = await c.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: i % 2 ? FIXTURE.columns.todo : FIXTURE.columns.doing, index: 0 });
  expect(ack).toMatchObject({ ok: true });
  return performance.now() - t;
}

describe('a board:join flood from one socket (issue 16, item 2)', () => {
  it('is refused as RATE_LIMITED and then disconnected, and another user’s move ack stays quick', async () => {
    await start();
    const mover = await client('Mover');
    expect(await mover.join(board)).toMatchObject({ ok: true });
    const viewer = await client('Viewer', 'viewer');
    const codes = new Map<string, number>();
    const disconnected = new Promise<string>((resolve) => viewer.socket.once('disconnect', resolve));
    for (let i = 0; i < 3000; i++) {
      viewer.socket.emit('board:join', { boardId: board, protocol: PROTOCOL_VERSION }, (ack) => {
        const code = ack.ok ? 'ok' : ack.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      });
    }
    const acks: number[] = [];
    for (let i = 0; i < 5; i++) acks.push(await timedMove(mover, i));
    // Told so if it reads the notice in time, cut a second later if not.
    expect(['io server disconnect', 'transport close']).toContain(await disconnected);
    expect(codes.get('ok') ?? 0).toBeLessThanOrEqual(60);
    expect(codes.get('RATE_LIMITED') ?? 0).toBeGreaterThan(0);
    // Before the limits the flood delayed the first move's ack by 8.5 s.
    expect(Math.max(...acks)).toBeLessThan(1000);
    expect(mover.socket.connected).toBe(true);
  }, 30_000);

  it('the same board joined by many sockets at one seq is built once and shared', async () => {
    await start();
    const a = await client('A');
    const b = await client('B');
    const [ja, jb] = await Promise.all([a.join(board), b.join(board)]);
    if (!ja.ok || !jb.ok || ja.data.kind !== 'snapshot' || jb.data.kind !== 'snapshot') throw new Error('join refused');
    expect(jb.data.snapshot).toEqual(ja.data.snapshot);
    // A change moves the seq: the next join gets the board as it is now, not the shared copy.
    await timedMove(a, 0);
    const again = await b.join(board);
    if (!again.ok || again.data.kind !== 'snapshot') throw new Error('join refused');
    expect(again.data.snapshot.seq).toBe(ja.data.snapshot.seq + 1);
    expect(again.data.snapshot.cards.find((c) => c.id === FIXTURE.cards.huddle)?.columnId).toBe(FIXTURE.columns.doing);
  }, 30_000);

  it('a socket that sends joins and never reads the answers is cut off once its send buffer passes the bound', async () => {
    // Joins unlimited here, so only the send-buffer bound can stop it.
    await start({ socketLimits: { eventRates: { join: { burst: 1e6, perSecond: 1e6 } }, maxUnsentBytes: 512 * 1024 } });
    const port = Number(new URL(srv!.url).port);
    const mover = await client('Mover');
    const rssBefore = process.memoryUsage().rss;
    const sockets = srv!.server.io.of('/').sockets;
    const stalled = await openStalledClient(port, testToken(port, 'Stalled'));
    stalledClients.push(stalled);
    await until(() => sockets.size === 2, 5000);
    for (let i = 0; i < 3000; i++) stalled.join(board);
    // The server lets go of it by itself, while it still reads nothing.
    await until(() => sockets.size === 1, 15_000);
    expect(await timedMove(mover, 1)).toBeLessThan(1000);
    const grown = process.memoryUsage().rss - rssBefore;
    expect(grown).toBeLessThan(150 * 2 ** 20);
    expect(await stalled.readUntilClosed(5000)).toBe(true);
  }, 30_000);

  it('a socket that sends events before its handshake is done is closed, and cut within seconds while it reads nothing', async () => {
    await start();
    const port = Number(new URL(srv!.url).port);
    const join = { boardId: board, protocol: PROTOCOL_VERSION };
    const stalled = await openStalledClient(port, testToken(port, 'Too eager'), { eventsWithConnect: [['board:join', join]] });
    stalledClients.push(stalled);
    // Socket.IO closes it; its WebSocket would then wait 30 s for a close frame this peer never sends.
    expect(await stalled.readUntilClosed(5000)).toBe(true);
    expect(srv!.server.io.of('/').sockets.size).toBe(0);
  }, 30_000);
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
