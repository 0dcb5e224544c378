import react from '@vitejs/plugin-react';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { projectRoot } from '../../server/config';
import { launchBrowser } from '../../tests/helpers/browser';
import { type BenchDatabase } from './fixture';
import { onCleanup } from './procs';
import { startKaskade } from './realtime-benches';
import { type Entry, entry, interleave, median, percentile } from './stats';

const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

/** The skeleton: react, react-dom, socket.io-client and @dnd-kit (core, sortable, utilities), actually used. */
const SKELETON = `
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { io } from 'socket.io-client';
import { DndContext, useDraggable } from '@dnd-kit/core';
import { SortableContext, useSortable, arrayMove } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
function Item({ id }) {
  const s = useSortable({ id });
  const d = useDraggable({ id: 'd' + id });
  return <li ref={s.setNodeRef} style={{ transform: CSS.Transform.toString(s.transform) }} {...s.listeners} data-d={String(d.isDragging)}>{id}</li>;
}
function App() {
  const [ids, setIds] = useState(['a', 'b', 'c']);
  const socket = io('', { autoConnect: false });
  return <DndContext onDragEnd={(e) => { setIds(arrayMove(ids, 0, 1)); socket.emit('x', e.active.id); }}>
    <SortableContext items={ids}><ul>{ids.map((id) => <Item key={id} id={id} />)}</ul></SortableContext>
  </DndContext>;
}
createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
`;

export interface BuiltClient {
  dir: string;
  cleanup(): void;
}

/** Builds the product client (the project's own vite config) into a temp folder. */
export async function buildProductClient(): Promise<BuiltClient> {
  const dir = join(projectRoot, 'dist', `bench-client-${process.pid}`);
  const cleanup = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
  return { dir, cleanup };
}

/** Gzipped bytes of every JS file of the skeleton build (it has one page, so all of it loads). */
async function skeletonBytes(): Promise<number> {
  const root = join(projectRoot, 'dist', `bench-skeleton-${process.pid}`);
  mkdirSync(root, { recursive: true });
  const cleanup = onCleanup(() => rmSync(root, { recursive: true, force: true }));
  try {
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.jsx"></script>');
    writeFileSync(join(root, 'main.jsx'), SKELETON);
    await build({ configFile: false, root, plugins: [react()], logLevel: 'silent', build: { outDir: join(root, 'out'), emptyOutDir: true } });
    const assets = join(root, 'out', 'assets');
    return readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(join(assets, f)), 0);
  } finally {
    cleanup();
  }
}

/** Gzipped bytes of the JS the board page actually loads (script, preloads and lazy chunks), seen by Chromium. */
async function boardPageBytes(page: Page, url: string, client: BuiltClient): Promise<number> {
  const loaded = new Set<string>();
  const onResponse = (r: { url(): string }) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) loaded.add(path);
  };
  page.on('response', onResponse);
  await page.goto(url);
  await page.locator('[data-card-id]').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return [...loaded].reduce((sum, path) => sum + gz(join(client.dir, path)), 0);
}

/** Bundle size: the board page's JS vs the skeleton, both built in this run (sizes do not vary, so 1 rep each). */
export async function bundleBench(page: Page, boardUrl: string, client: BuiltClient): Promise<Entry[]> {
  const product = await boardPageBytes(page, boardUrl, client);
  const skeleton = await skeletonBytes();
  return [entry('bundle_ratio', product / 1024, skeleton / 1024, 'KiB gzip', { maxRatio: 1.6 })];
}

const FRAME_RECORDER = `(() => {
  const w = window;
  w.__frames = [];
  w.__recording = false;
  const tick = (t) => { if (w.__recording) w.__frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

/**
 * A 2 s scripted pointer path from a card across the board. With `drag` the button is held (a real @dnd-kit drag
 * that ends in a drop); without it the same path is only hovered: the same board rendered, no drag and drop.
 * Returns the frame intervals measured with requestAnimationFrame in the page, in whole display frames.
 */
async function pointerPath(page: Page, cdp: CDPSession, drag: boolean): Promise<number[]> {
  const card = page.locator('[data-card-id]').nth(3);
  // The cards sit below the indicator tiles: bring the card into view, with room to drag below it.
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(100);
  const box = (await card.boundingBox())!;
  const viewport = page.viewportSize()!;
  const from = { x: box.x + box.width / 2, y: box.y + 12 };
  const to = { x: Math.min(viewport.width - 40, from.x + 900), y: Math.min(viewport.height - 60, from.y + 300) };
  // Input goes straight through the DevTools protocol (as a mouse would send it), not through Playwright's mouse,
  // whose drag interception evaluates scripts in the page on every move while a button is held.
  const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x,
      y,
      button: drag ? 'left' : 'none',
      buttons: drag && type !== 'mouseReleased' ? 1 : 0,
      clickCount: drag && type !== 'mouseMoved' ? 1 : 0,
    });
  await mouse('mouseMoved', from.x, from.y);
  if (drag) await mouse('mousePressed', from.x, from.y);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
  });
  const start = Date.now();
  for (let i = 1; Date.now() - start < 2000 && i < 10_000; i++) {
    const f = Math.min(1, (Date.now() - start) / 2000);
    await mouse('mouseMoved', from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f + Math.sin(i / 5) * 30);
    await new Promise((r) => setTimeout(r, 8));
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const dragged = await page.locator('.card-overlay').count();
  if (drag) await mouse('mouseReleased', to.x, to.y);
  if (drag && dragged === 0) throw new Error('the scripted drag did not start a drag (no drag overlay)');
  await page.waitForTimeout(300);
  return frames.slice(1).map((t, i) => inFrames(t - frames[i]!));
}

/** One frame of the headless display (60 Hz). */
const VSYNC_MS = 1000 / 60;

/** How far Chromium's coarsening of requestAnimationFrame timestamps (0.1 ms each) can move one interval. */
const CLOCK_SLACK_MS = 0.2;

/**
 * A frame interval as a whole number of display frames, in ms. The page is not cross-origin isolated, so its
 * timestamps are coarsened to 0.1 ms and one 60 Hz frame reads as 16.6–16.8 ms: a p95 of one frame would pass or
 * fail `≤ 16.7 ms` on the rounding. Only that slack is forgiven: an interval longer than one frame by more than the
 * clock can explain counts as the next whole frame (a 17 ms interval is two frames, as a dropped frame is).
 */
const inFrames = (intervalMs: number): number => Math.max(1, Math.ceil((intervalMs - CLOCK_SLACK_MS) / VSYNC_MS)) * VSYNC_MS;

/** Drag frame times over the 300-card board at 4× CPU throttle vs the same path without drag and drop. */
export async function dragBench(page: Page, boardUrl: string, reps: number): Promise<Entry[]> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.addInitScript(FRAME_RECORDER);
  await page.goto(boardUrl);
  await page.locator('[data-card-id]').nth(3).waitFor({ timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    await pointerPath(page, cdp, false);
    const { a, b } = await interleave(
      reps,
      async () => percentile(await pointerPath(page, cdp, true), 95),
      async () => percentile(await pointerPath(page, cdp, false), 95),
    );
    return [entry('drag_frame_p95_ms', median(a), median(b), 'ms', { maxRatio: 1.5, maxValue: 16.7 }, 'baseline: same path hovered, no drag; intervals in whole 60 Hz frames')];
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** Bundle and drag benches share one server with the built client and one Chromium. */
export async function browserBenches(db: BenchDatabase, reps: number): Promise<Entry[]> {
  const client = await buildProductClient();
  const server = await startKaskade(db, { env: { CLIENT_DIR: client.dir } });
  const browser = await launchBrowser();
  try {
    const boardUrl = `${server.url}/boards/${db.bigBoard}`;
    // Signed in as a browser is after login: the session cookie.
    const context = await browser.newContext();
    if (server.token) await context.addCookies([{ name: 'kaskade_session', value: server.token, url: server.url }]);
    const bundle = await bundleBench(await context.newPage(), boardUrl, client);
    const drag = await dragBench(await context.newPage(), boardUrl, reps);
    return [...bundle, ...drag];
  } finally {
    await browser.close();
    await server.proc.stop();
    client.cleanup();
  }
}
