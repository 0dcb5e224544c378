import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ack, ERROR_CODES, PROTOCOL_VERSION } from '../../shared/protocol';
import { allProblems, fingerprint } from './helpers/db-checks';
import { frameCase } from './helpers/frame-fuzz';
import { MAX_BYTES, oversizeCase, socketCase } from './helpers/fuzz-cases';
import { httpCase, malformedHttp, send, sendRaw } from './helpers/http-fuzz';
import { type InProcessServer, startInProcessServer } from './helpers/inproc-server';
import { RawWebSocket } from './helpers/raw-websocket';
import { createRng } from './helpers/rng';
import { SEED, seedMsg, size } from './helpers/run-config';
import { SyncClient } from './helpers/sync-client';
import { testToken } from '../helpers/auth';

const CASES = size(1000, 100_000);
const TYPED = new Set<string>(ERROR_CODES);

let srv: InProcessServer;
let before: string;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
beforeAll(async () => {
  srv = await startInProcessServer({ boards: 2 });
  for (const name of ['Fuzz', 'Raw', 'Normal']) testToken(srv.url, name); // their sign-ins happen before the fingerprint
  before = await fingerprint(srv.store);
});
afterAll(async () => {
  await srv?.stop();
});

/** After each kind of attack: not one byte of the database changed, nothing polluted, normal clients still served. */
async function expectUnharmed(what: string): Promise<void> {
  expect(await fingerprint(srv.store), seedMsg(`${what}: the database changed`)).toBe(before);
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), seedMsg(`${what}: Object.prototype polluted`)).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted, seedMsg(`${what}: polluted`)).toBeUndefined();
  const client = await SyncClient.connect(srv.url, { name: 'Normal', boardId: srv.boards[1]!.id });
  try {
    const health = await fetch(`${srv.url}/api/health`);
    expect(health.status, seedMsg(`${what}: health`)).toBe(200);
    expect(client.replica.state?.seq, seedMsg(`${what}: normal join`)).toBe(0);
  } finally {
    client.close();
  }
}

const tally = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

const connectSocket = async (): Promise<Socket> => {
  const s = io(srv.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { name: 'Fuzz', token: testToken(srv.url, 'Fuzz') } });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  });
  return s;
};

function answerTo(socket: Socket, event: string, args: unknown[]): Promise<Ack | 'disconnected' | 'timeout'> {
  return new Promise((resolve) => {
    const done = (result: Ack | 'disconnected' | 'timeout') => {
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(result);
    };
    const onDisconnect = () => done('disconnected');
    const timer = setTimeout(() => done('timeout'), 10_000);
    socket.once('disconnect', onDisconnect);
    socket.emit(event, ...args, (ack: Ack) => done(ack));
  });
}

describe(`hostile input: ${CASES} of each kind`, () => {
  it('socket messages: each answered with a typed error (or a disconnect when oversize), nothing changed', async () => {
    const rng = createRng(SEED);
    const outcomes: Record<string, number> = {};
    let socket = await connectSocket();
    try {
      for (let n = 0; n < CASES; n++) {
        const c = rng.chance(0.01) ? oversizeCase(rng, srv.boards[0]!) : socketCase(rng, srv.boards[0]!);
        const what = seedMsg(`case ${n} (${c.kind} ${c.event.slice(0, 40)})`);
        // The answer is an ack, or a closed connection when the message is over the limit; never silence.
        const answer = await answerTo(socket, c.event, c.args);
        if (answer === 'disconnected') {
          const bytes = Buffer.byteLength(JSON.stringify([c.event, ...c.args]) ?? '');
          expect(bytes, seedMsg(`${what}: disconnected for a message of ${bytes} bytes`)).toBeGreaterThan(MAX_BYTES - 64);
          tally(outcomes, `${c.kind}(oversize)→disconnect`);
          socket = await connectSocket();
          continue;
        }
        expect(answer, `${what}: no answer within 10 s`).not.toBe('timeout');
        if (answer === 'timeout') continue;
        expect(answer.ok, what).toBe(false);
        if (answer.ok) continue;
        expect(TYPED.has(answer.error.code), what).toBe(true);
        expect(answer.error.code, seedMsg(`${what}: the handler threw`)).not.toBe('INTERNAL');
        tally(outcomes, answer.error.code);
      }
    } finally {
      socket.close();
    }
    await expectUnharmed('socket messages');
    console.info(`[reliability] hostile socket seed=${SEED}: ${CASES} cases → ${JSON.stringify(outcomes)}`);
  });

  it('raw WebSocket frames: a typed error ack or a closed connection, never a crash, nothing changed', async () => {
    const rng = createRng(SEED + 1);
    const outcomes: Record<string, number> = {};
    let ackId = 1000;
    let ws = await RawWebSocket.open(srv.port);
    try {
      for (let n = 0; n < CASES; n++) {
        if (ws.closed) ws = await RawWebSocket.open(srv.port);
        const c = frameCase(rng, () => ++ackId);
        const what = seedMsg(`frame case ${n} (${c.kind})`);
        c.send(ws);
        // A probe after every frame: an unknown event with an ack. Its answer proves the connection (and the
        // server) still works; if the frame was refused by closing the connection, the probe sees that instead.
        const probe = ++ackId;
        ws.sendText(`42${probe}["reliability:probe"]`);
        let answered = false;
        for (let reads = 0; reads < 20 && !answered; reads++) {
          let message: string;
          try {
            message = await ws.nextText(3000);
          } catch (err) {
            if ((err as Error).message === 'closed' || ws.closed) break;
            throw new Error(`${what}: no answer and no close: ${(err as Error).message}`, { cause: err });
          }
          const ack = /^43(\d+)(\[.*\])$/s.exec(message);
          if (!ack) continue; // e.g. "44/admin,{...}": a refused namespace
          const [{ ok, error }] = JSON.parse(ack[2]!) as [{ ok: boolean; error?: { code: string } }];
          expect(ok, what).toBe(false);
          expect(TYPED.has(error?.code ?? ''), what).toBe(true);
          expect(error?.code, what).not.toBe('INTERNAL');
          if (Number(ack[1]) === probe) answered = true;
        }
        if (!answered) {
          expect(await ws.whenClosed(3000), seedMsg(`${what}: neither answered nor closed`)).toBe(true);
          tally(outcomes, `${c.kind}→closed`);
        } else tally(outcomes, `${c.kind}→${c.ackId === null ? 'ignored' : 'typed error'}`);
      }
    } finally {
      ws.close();
    }
    await expectUnharmed('raw frames');
    console.info(`[reliability] hostile frames seed=${SEED}: ${CASES} cases → ${JSON.stringify(outcomes)}`);
  });

  it('HTTP requests: never a 5xx, every error typed, nothing changed', async () => {
    const rng = createRng(SEED + 2);
    const outcomes: Record<string, number> = {};
    for (let n = 0; n < CASES; n++) {
      if (rng.chance(0.2)) {
        const { kind, bytes } = malformedHttp(rng);
        const res = await sendRaw(srv.port, bytes);
        const what = seedMsg(`http case ${n} (${kind})`);
        if (res !== 'closed') {
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400 && res.body !== '') expect(TYPED.has((JSON.parse(res.body) as { error?: { code?: string } }).error?.code ?? ''), `${what}: ${res.body.slice(0, 200)}`).toBe(true);
        }
        tally(outcomes, `${kind}→${res === 'closed' ? 'closed' : res.status}`);
        continue;
      }
      const c = httpCase(rng);
      const what = seedMsg(`http case ${n} (${c.method} ${c.path.slice(0, 60)} ${c.headers['content-type'] ?? ''} ${c.body?.length ?? 0} bytes)`);
      const res = await send(srv.port, c);
      expect(res.status, what).toBeLessThan(500);
      if (res.status >= 400 && c.method !== 'HEAD' && res.body !== '') {
        const body = JSON.parse(res.body) as { error?: { code?: string }; code?: number };
        // engine.io answers its own transport errors under /socket.io/ as {code: <number>, message}.
        if (c.path.startsWith('/socket.io/')) expect(typeof body.code === 'number' || TYPED.has(body.error?.code ?? ''), what).toBe(true);
        else expect(TYPED.has(body.error?.code ?? ''), `${what}: ${res.body.slice(0, 200)}`).toBe(true);
      }
      tally(outcomes, String(res.status));
    }
    await expectUnharmed('http');
    expect(await allProblems(srv.store)).toEqual([]);
    console.info(`[reliability] hostile http seed=${SEED}: ${CASES} cases → statuses ${JSON.stringify(outcomes)}`);
  });

  it('a join still works with the current protocol after all of it', async () => {
    const socket = await connectSocket();
    const ack = (await socket.emitWithAck('board:join', { boardId: srv.boards[0]!.id, protocol: PROTOCOL_VERSION })) as Ack;
    expect(ack.ok).toBe(true);
    socket.close();
  });
});
