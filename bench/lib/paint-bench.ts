import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { projectRoot } from '../../server/config';
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

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * Builds bench/pages/inline-board.tsx (the product's app rendering a board from JSON in the page) with the
 * project's own vite config into the product build's folder, so the server serves its chunks as it serves the
 * product's (chunks of the same content get the same hashed name). Returns the tags that load it the way vite
 * loads the product's entry from index.html: the module script, a modulepreload per static import, the styles.
 */
async function buildBaselineEntry(clientDir: string): Promise<string> {
  const manifestName = 'bench-inline-board.manifest.json';
  await build({
    configFile: join(projectRoot, 'vite.config.ts'),
    logLevel: 'silent',
    build: {
      outDir: clientDir,
      emptyOutDir: false,
      manifest: manifestName,
      rollupOptions: { input: join(projectRoot, 'bench', 'pages', 'inline-board.tsx') },
    },
  });
  const manifest = JSON.parse(readFileSync(join(clientDir, manifestName), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('the baseline build has no entry');
  const imported = new Set<string>();
  const walk = (key: string): void => {
    for (const next of manifest[key]?.imports ?? []) {
      if (imported.has(next)) continue;
      imported.add(next);
      walk(next);
    }
  };
  walk(entryKey);
  const css = new Set([entryKey, ...imported].flatMap((k) => manifest[k]?.css ?? []));
  return [
    `<script type="module" crossorigin src="/${manifest[entryKey]!.file}"></script>`,
    ...[...imported].map((k) => `<link rel="modulepreload" crossorigin href="/${manifest[k]!.file}">`),
    ...[...css].map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
  ].join('\n    ');
}

/**
 * The baseline page: the product's own index.html with its entry swapped for the baseline entry (the same app built
 * the same way, see bench/pages/inline-board.tsx), and the board inline as JSON: the answers of `/api/auth/me`
 * and of the board's snapshot, as the product page gets them over the network.
 */
async function baselineHtml(server: { url: string }, boardId: string, clientDir: string, cookie: string): Promise<string> {
  const headers = cookie ? { cookie } : undefined;
  const [me, snapshot] = await Promise.all(
    [`/api/auth/me`, `/api/boards/${encodeURIComponent(boardId)}`].map(async (path) => {
      const res = await fetch(`${server.url}${path}`, { headers });
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      return (await res.json()) as unknown;
    }),
  );
  const tags = await buildBaselineEntry(clientDir);
  const index = readFileSync(join(clientDir, 'index.html'), 'utf8')
    .split('\n')
    .filter((line) => !/<script type="module"|<link rel="(modulepreload|stylesheet)"/.test(line))
    .join('\n');
  // JSON inside <script> must not close the element: "<" is written as its escape, which JSON.parse reads back.
  const json = JSON.stringify({ me, snapshot }).replace(/</g, '\\u003c');
  return index
    .replace('</head>', `    ${tags}\n  </head>`)
    .replace('</body>', `  <script type="application/json" id="bench-board">${json}</script>\n  </body>`);
}

/** `board_paint_ratio`: navigation → all 21 tiles painted, cold cache, 4× CPU, vs the same board from inline JSON. */
export async function paintBench(db: BenchDatabase, reps: number): Promise<Entry[]> {
  const client = await buildProductClient();
  const server = await startKaskade(db, { env: { CLIENT_DIR: client.dir } });
  const browser = await launchBrowser();
  try {
    const boardUrl = `${server.url}/boards/${db.bigBoard}`;
    const cookie = server.token ? { name: 'kaskade_session', value: server.token, url: server.url } : null;
    const html = await baselineHtml(server, db.bigBoard, client.dir, cookie ? `${cookie.name}=${cookie.value}` : '');
    // The baseline page is answered by the browser itself at the board's own address (the app routes by it); its
    // JS and CSS, and what the board asks for beside the tiles, come from the server as the product's do.
    const baseline = async () => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      if (cookie) await context.addCookies([cookie]);
      await context.route(boardUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      try {
        const page = await context.newPage();
        await page.addInitScript(PAINT_RECORDER);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(boardUrl, { waitUntil: 'commit' });
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
    return [entry('board_paint_ratio', median(a), median(b), 'ms', { maxRatio: 1.5 }, `navigation → ${TILES} tiles painted, cold cache, 4× CPU; baseline: the same app and build rendering the same snapshot from JSON inline in the page`)];
  } finally {
    await browser.close();
    await server.proc.stop();
    client.cleanup();
  }
}
