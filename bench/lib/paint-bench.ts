import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser';
import { type BenchDatabase } from './fixture';
import { buildProductClient } from './browser-benches';
import { startKaskade } from './realtime-benches';
import { type Entry, entry, interleave, median } from './stats';

/** The demo psychiatry leadership board shows this many indicator tiles. */
const TILES = 21;

/**
 * In the page from its first byte: the time (ms since navigation start) of the first frame after all tiles are in
 * the document — the frame that paints them.
 */
const PAINT_RECORDER = `(() => {
  const w = window;
  const tick = () => {
    if (document.querySelectorAll('article.tile').length >= ${TILES}) {
      requestAnimationFrame(() => { w.__tilesPaintedAt = performance.now(); });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** One cold navigation (a new browser context: empty cache) at 4× CPU throttle; ms until all tiles painted. */
async function coldPaint(browser: Browser, url: string, cookie: { name: string; value: string; url: string } | null): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    if (cookie) await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.addInitScript(PAINT_RECORDER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __tilesPaintedAt?: number }).__tilesPaintedAt !== undefined, null, { timeout: 60_000 });
    return await page.evaluate(() => (window as unknown as { __tilesPaintedAt: number }).__tilesPaintedAt);
  } finally {
    await context.close();
  }
}

/**
 * The baseline page: the product's own index.html (same JS and CSS, loaded and run the same way) with the board's
 * tiles delivered inside the page. The tiles, taken from the product page once it has painted, sit in a template
 * that an inline module script placed after the bundle's adds to the page: it runs only after the bundle has run,
 * as a render from inline data would. No request for the session, access or board stands before the tiles.
 */
async function baselineHtml(browser: Browser, boardUrl: string, clientDir: string, cookie: { name: string; value: string; url: string } | null): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    if (cookie) await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(boardUrl);
    await page.locator('article.tile').nth(TILES - 1).waitFor({ timeout: 60_000 });
    const tiles = await page.locator('.board-layout__indicators').evaluate((el) => el.outerHTML);
    const index = readFileSync(join(clientDir, 'index.html'), 'utf8');
    const inline = `<template id="bench-board"><div class="page page--board"><div class="board-layout">${tiles}</div></div></template>
<script type="module">document.body.append(document.getElementById('bench-board').content.cloneNode(true));</script>`;
    return index.replace('</body>', `${inline}\n</body>`);
  } finally {
    await context.close();
  }
}

/** `board_paint_ratio`: navigation → all 21 tiles painted, cold cache, 4× CPU, vs the same tiles inline in the page. */
export async function paintBench(db: BenchDatabase, reps: number): Promise<Entry[]> {
  const client = await buildProductClient();
  const server = await startKaskade(db, { env: { CLIENT_DIR: client.dir } });
  const browser = await launchBrowser();
  try {
    const boardUrl = `${server.url}/boards/${db.bigBoard}`;
    const cookie = server.token ? { name: 'kaskade_session', value: server.token, url: server.url } : null;
    const html = await baselineHtml(browser, boardUrl, client.dir, cookie);
    // The baseline is answered by the browser itself at a path of the same origin; its JS and CSS come from the server.
    const baselineUrl = `${server.url}/bench-inline-board`;
    const baseline = async () => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      await context.route(baselineUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      try {
        const page = await context.newPage();
        await page.addInitScript(PAINT_RECORDER);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(baselineUrl, { waitUntil: 'commit' });
        await page.waitForFunction(() => (window as unknown as { __tilesPaintedAt?: number }).__tilesPaintedAt !== undefined, null, { timeout: 60_000 });
        return await page.evaluate(() => (window as unknown as { __tilesPaintedAt: number }).__tilesPaintedAt);
      } finally {
        await context.close();
      }
    };
    const product = () => coldPaint(browser, boardUrl, cookie);
    await product();
    await baseline();
    const { a, b } = await interleave(reps, product, baseline);
    return [entry('board_paint_ratio', median(a), median(b), 'ms', { maxRatio: 1.5 }, `navigation → ${TILES} tiles painted, cold cache, 4× CPU; baseline: same bundle, tiles inline in the page`)];
  } finally {
    await browser.close();
    await server.proc.stop();
    client.cleanup();
  }
}
