import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { type RunningServer, startServer } from '../../server/server';
import { DEMO_PASSWORD } from '../../server/seed/seed-users';
import { launchBrowser } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { WARD_BOARD } from '../helpers/screens';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres';

// A ward's wall screen while PostgreSQL is away (a restart, a failover; issue 22): the card moved stays where it was
// put, the board says it is waiting for the server, and the move is saved once the database is back. A PostgreSQL
// server of the test's own, since the test stops it.

let postgres: PrivatePostgres;
let server: RunningServer;
let browser: Browser;
let session: string;
const dir = mkdtempSync(join(tmpdir(), 'kaskade-outage-'));

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  server = await startServer(
    { port: 0, host: '127.0.0.1', databasePath: join(dir, 'kaskade.db'), databaseUrl: postgres.url, migrationsDir: join(projectRoot, 'migrations'), clientDir: join(projectRoot, 'dist', 'client'), seedDemo: true },
    { env: {} },
  );
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  session = login.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // Also what this file checks: a server that lived through the outage still shuts down.
  await server?.close();
  await postgres?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function boardPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ name: 'kaskade_session', value: session, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/boards/${WARD_BOARD}`);
  await page.getByText(/^Forbundet$/).waitFor();
  return page;
}

describe('a board while the database is away', () => {
  it('keeps a move on screen, says it is waiting, and saves it once the database is back', async () => {
    const laptop = await boardPage({ width: 1366, height: 768 });
    const wall = await boardPage({ width: 1080, height: 1920 });
    const title = 'Tvangsforebyggende huddle kl. 8.15 hver dag';
    await laptop.getByRole('listitem', { name: title }).getByRole('button', { name: 'Flyt til …' }).click();
    const target = laptop.getByRole('menuitem', { name: /^Nederst i / }).last();
    const targetColumn = (await target.textContent())!.replace(/^Nederst i /, '').trim();

    await postgres.stop();
    await target.click();
    // Kept where it was put, and the board says so politely (a status, not an error).
    const moved = laptop.getByRole('region', { name: targetColumn, exact: true }).getByRole('listitem', { name: title });
    await moved.waitFor();
    await laptop.getByRole('status').filter({ hasText: 'Venter på serveren …' }).waitFor({ timeout: 30_000 });
    expect(await laptop.getByRole('alert').filter({ hasText: /kunne ikke gemmes/ }).count()).toBe(0);
    expect(await seriousViolations(laptop), 'axe on the waiting board').toEqual([]);
    // The board's header, where the indicator says it waits (the move scrolled the page down to the card).
    await laptop.evaluate(() => window.scrollTo(0, 0));
    await laptop.screenshot({ path: join(projectRoot, 'dist', 'screens-database-outage-1366x768.png') });
    await wall.screenshot({ path: join(projectRoot, 'dist', 'screens-database-outage-1080x1920.png') });

    await postgres.start();
    await laptop.getByText(/^Forbundet$/).waitFor({ timeout: 30_000 });
    expect(await laptop.getByRole('status').filter({ hasText: 'Venter på serveren …' }).count()).toBe(0);
    // Saved: the wall screen hears it, and a fresh page shows it from the database.
    await wall.getByRole('region', { name: targetColumn, exact: true }).getByRole('listitem', { name: title }).waitFor({ timeout: 30_000 });
    const fresh = await boardPage({ width: 1366, height: 768 });
    await fresh.getByRole('region', { name: targetColumn, exact: true }).getByRole('listitem', { name: title }).waitFor();
  }, 120_000);
});
