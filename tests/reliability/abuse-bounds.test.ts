import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { cookieHeaders, testToken } from '../helpers/auth';
import { type TestClient, connectClient, opId } from '../helpers/socket-client';
import { type ChildServer, freePort, killAllChildren, startChildServer } from './helpers/child-server';
import { createReliabilityTarget, INDICATOR, type ReliabilityBoard } from './helpers/fixture';
import { size } from './helpers/run-config';
import { type StalledClient, openStalledClient } from './helpers/stalled-client';

/**
 * Abuse the server must survive with bounded memory and without stalling other people's boards (issue 16): a join
 * flood, a reader that never drains, and pathological CSV imports. The server runs as its own process
 * (`server/main.ts`, default limits), so its RSS is its own; a prober on another board moves a card every 100 ms
 * throughout and its ack latencies are the "other client" figures. Bounds in RELIABILITY.md.
 */
export const BOUNDS = {
  /** Peak server RSS above its level before the abuse. */
  rssGrowthBytes: 150 * 2 ** 20,
  /** Slowest move ack of the prober while the abuse runs (before the limits: 8.5 s behind a join flood). */
  proberAckMs: 4000,
};
const FLOOD_JOINS = size(3000, 30_000);
const STALLED_FLOODERS = size(3, 10);
const SLOW_READER_UPDATES = size(3000, 30_000);
const WRITERS = 3;

const dir = mkdtempSync(join(tmpdir(), 'kaskade-abuse-'));
let server: ChildServer;
let boards: ReliabilityBoard[];
let dropDatabase = async (): Promise<void> => {};
const clients: TestClient[] = [];
const stalled: StalledClient[] = [];
beforeAll(async () => {
  const target = await createReliabilityTarget(join(dir, 'kaskade.db'), 3, 20);
  boards = target.boards;
  dropDatabase = target.drop;
  // A shared machine may be slow to start a child: wait longer than the default rather than fail on it.
  server = await startChildServer(target.database, await freePort(), 'server/main.ts', 90_000);
}, 120_000);
afterAll(async () => {
  clients.forEach((c) => c.close());
  stalled.forEach((s) => s.destroy());
  killAllChildren();
  await server?.kill();
  await dropDatabase();
  rmSync(dir, { recursive: true, force: true });
});

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** Samples the server's RSS every 50 ms and a prober's move ack on board 2 every 100 ms until stopped. */
async function watch() {
  const pid = server.child.pid!;
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 50);
  const prober = await connectClient(server.url, 'Prober');
  clients.push(prober);
  const board = boards[2]!;
  expect(await prober.join(board.id)).toMatchObject({ ok: true });
  const acks: number[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const t = performance.now();
      const ack = await prober.request('card:move', { opId: opId(), boardId: board.id, cardId: 'rcard-2-0', toColumnId: board.columns[i % 2 ? 0 : 1]!, index: 0 }, 30_000);
      expect(ack).toMatchObject({ ok: true });
      acks.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    running = false;
    await loop;
    clearInterval(sampler);
    prober.close();
    const sorted = [...acks].sort((a, b) => a - b);
    return {
      rssGrowth: rssPeak - rssBefore,
      rssPeakMb: Math.round(rssPeak / 2 ** 20),
      ackMax: sorted.at(-1) ?? 0,
      ackP99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
      probes: acks.length,
    };
  };
}

function report(what: string, figures: Record<string, number | string>) {
  console.log(`[abuse-bounds] ${what}: ${JSON.stringify(figures)}`);
}

describe('abuse within bounds (issue 16)', () => {
  it(`a join flood: ${FLOOD_JOINS} joins from a reading viewer and from ${STALLED_FLOODERS} sockets that never read`, async () => {
    const stop = await watch();
    const port = Number(new URL(server.url).port);
    const viewer = await connectClient(server.url, 'Viewer', { role: 'viewer' });
    clients.push(viewer);
    const viewerGone = new Promise<string>((resolve) => viewer.socket.once('disconnect', resolve));
    const codes: Record<string, number> = {};
    for (let s = 0; s < STALLED_FLOODERS; s++) stalled.push(await openStalledClient(port, testToken(port, `Flooder ${s}`)));
    for (let i = 0; i < FLOOD_JOINS; i++) {
      viewer.socket.emit('board:join', { boardId: boards[i % 2]!.id, protocol: PROTOCOL_VERSION }, (ack) => {
        const code = ack.ok ? 'ok' : ack.error.code;
        codes[code] = (codes[code] ?? 0) + 1;
      });
      for (const s of stalled.slice(-STALLED_FLOODERS)) s.join(boards[i % 2]!.id);
      if (i % 500 === 499) await new Promise((r) => setTimeout(r, 10));
    }
    // Told so if it reads the notice in time; cut a second later if not.
    expect(['io server disconnect', 'transport close']).toContain(await viewerGone);
    for (const s of stalled.slice(-STALLED_FLOODERS)) expect(await s.readUntilClosed(10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    const f = await stop();
    report('join flood', { ...f, ...codes });
    expect(f.rssGrowth).toBeLessThan(BOUNDS.rssGrowthBytes);
    expect(f.ackMax).toBeLessThan(BOUNDS.proberAckMs);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it(`a reader that never drains while ${SLOW_READER_UPDATES} card edits of 4 KB go to its board`, async () => {
    const stop = await watch();
    const port = Number(new URL(server.url).port);
    const board = boards[0]!;
    const reader = await openStalledClient(port, testToken(port, 'Slow reader'));
    stalled.push(reader);
    reader.join(board.id);
    const writers = await Promise.all(Array.from({ length: WRITERS }, (_, w) => connectClient(server.url, `Writer ${w}`)));
    clients.push(...writers);
    // The writers stay out of the board's room (a command needs access, not a join): only the reader is slow.
    const description = 'Ø'.repeat(3900);
    let refused = 0;
    const perWriter = Math.ceil(SLOW_READER_UPDATES / WRITERS);
    // Each writer keeps within its command allowance (burst 300, then 100/s): the reader is the abuse here.
    for (let sent = 0; sent < perWriter; sent += 250) {
      await Promise.all(
        writers.map(async (w, n) => {
          const batch = Array.from({ length: Math.min(250, perWriter - sent) }, (_, k) =>
            w.request('card:update', { opId: opId(), boardId: board.id, cardId: `rcard-0-${(n + k) % 20}`, changes: { description: `${description}${sent + k}` } }, 60_000),
          );
          for (const ack of await Promise.all(batch)) if (!ack.ok) refused++;
        }),
      );
      if (sent + 250 < perWriter) await new Promise((r) => setTimeout(r, 2500));
    }
    expect(await reader.readUntilClosed(10_000)).toBe(true);
    const f = await stop();
    report('slow reader', { ...f, refused });
    expect(refused).toBe(0);
    expect(f.rssGrowth).toBeLessThan(BOUNDS.rssGrowthBytes);
    expect(f.ackMax).toBeLessThan(BOUNDS.proberAckMs);
  });

  it('CSV imports of 1 MB pathological files are answered with typed errors, within the bounds', async () => {
    const stop = await watch();
    const MB = 1024 * 1024 - 64;
    const fill = (head: string, unit: string) => head + unit.repeat(Math.floor((MB - head.length) / unit.length));
    const files: Record<string, string> = {
      'one huge field': fill('indicator;period;value\n', 'x'),
      'many columns': fill('', 'c;'),
      'quote never closed': fill('indicator;period;value\n"', 'a;b\n'),
      'tiny rows (valid)': fill('indicator;period;value\n', `${INDICATOR};2025-01-01;1\n`),
      'tiny rows (empty)': fill('indicator;period;value\n', ';;\n'),
      'quotes everywhere': fill('indicator;period;value\n', '"""";'),
      'NUL and control bytes': fill('indicator;period;value\n', '\u0000\u0001\r'),
    };
    const headers = { ...cookieHeaders(testToken(server.url, 'Importer')), 'content-type': 'text/csv' };
    const outcomes: Record<string, string> = {};
    for (const [name, body] of Object.entries(files)) {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/imports/measurements?unit=ru-0`, { method: 'POST', headers, body });
      const json = (await res.json()) as { error?: { code: string }; problems?: unknown[] };
      outcomes[name] = `${res.status} in ${Math.round(performance.now() - t)} ms`;
      report(`csv ${name}`, { answer: outcomes[name] });
      expect(res.status, name).toBeLessThan(500);
      expect(json.error?.code ?? json.problems, name).toBeDefined();
    }
    const f = await stop();
    report('csv imports', { ...f, ...outcomes });
    expect(f.rssGrowth).toBeLessThan(BOUNDS.rssGrowthBytes);
    expect(f.ackMax).toBeLessThan(BOUNDS.proberAckMs);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
