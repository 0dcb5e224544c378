/**
 * `npm run screenshots`: every screen of the demo organisation at every viewport size, as PNGs in screenshots/
 * (git-ignored). Needs a built client (`npm run build:client`). `-- <name>…` shoots only screens whose name
 * starts with one of the given words.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../server/config';
import { launchBrowser } from '../tests/helpers/browser';
import { SCREENS, VIEWPORTS, screenCredentials } from '../tests/helpers/screens';
import { startTestServer } from '../tests/helpers/test-server';

const outDir = join(projectRoot, 'screenshots');
const only = process.argv.slice(2);

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const srv = await startTestServer({ demo: true, clientDir: join(projectRoot, 'dist', 'client') });
  const browser = await launchBrowser();
  try {
    const { session, device, ctx } = await screenCredentials(srv);
    for (const screen of SCREENS.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)))) {
      for (const viewport of screen.shootAt ?? VIEWPORTS) {
        const context = await browser.newContext({ viewport, hasTouch: screen.viewer === 'device-touch' });
        if (screen.viewer === 'admin') await context.addCookies([{ name: 'kaskade_session', value: session, url: srv.url }]);
        if (screen.viewer === 'device-touch') await context.addInitScript((t) => localStorage.setItem('kaskade.deviceToken', t), device);
        const page = await context.newPage();
        const file = join(outDir, `${screen.name}-${viewport.width}x${viewport.height}.png`);
        try {
          await page.goto(`${srv.url}${screen.path(ctx)}`);
          await screen.ready(page);
          await page.waitForTimeout(400);
          await page.screenshot({ path: file });
          console.log(`wrote ${file}`);
        } catch (err) {
          console.error(`${screen.name} at ${viewport.width}×${viewport.height}: ${(err as Error).message.split('\n')[0]}`);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await srv.stop();
  }
}

await main();
