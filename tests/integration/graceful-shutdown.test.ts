import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient } from '../helpers/socket-client';
import { createReliabilityDatabase } from '../reliability/helpers/fixture';
import { freePort, killAllChildren, startChildServer } from '../reliability/helpers/child-server';

const dir = mkdtempSync(join(tmpdir(), 'kaskade-shutdown-'));
afterAll(() => {
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

const status = (url: string) => fetch(url).then((r) => r.status, () => 'refused' as const);

describe('SIGTERM with SHUTDOWN_DRAIN_MS (a rolling deploy behind a load balancer)', () => {
  it('turns readiness 503 while it keeps serving, then tells its sockets to go and exits 0', async () => {
    const path = join(dir, 'kaskade.db');
    const [board] = createReliabilityDatabase(path, 1);
    const server = await startChildServer(path, await freePort(), 'server/main.ts', 90_000, { SHUTDOWN_DRAIN_MS: '1500' });
    expect(await status(`${server.url}/api/ready`)).toBe(200);
    const screen = await connectClient(server.url, 'Wall screen');
    expect(await screen.join(board!.id)).toMatchObject({ ok: true });
    const told = new Promise<string>((resolve) => screen.socket.once('disconnect', resolve));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));

    server.child.kill('SIGTERM');
    const until = Date.now() + 5000;
    while ((await status(`${server.url}/api/ready`)) !== 503 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(await status(`${server.url}/api/ready`)).toBe(503);
    // Still serving while the balancer takes it out: health, and the screen's board.
    expect(await status(`${server.url}/api/health`)).toBe(200);
    expect(screen.socket.connected).toBe(true);
    expect(await screen.join(board!.id)).toMatchObject({ ok: true });

    // Then the server closes: the screen hears it was the server (and reconnects elsewhere), the process exits 0.
    expect(await told).toBe('io server disconnect');
    expect(await exited).toBe(0);
    screen.close();
  }, 120_000);
});
