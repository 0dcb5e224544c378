import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type TestContext, beforeAll, describe, it } from 'vitest';
import { useE2eHarness } from '../helpers/e2e-harness';
import { LAPTOP, PHONE, SCREENS, type Screen, type ScreenContext, type Viewport, screenCredentials, sweepOrder } from '../helpers/screens';

/**
 * Accessibility sweep: every screen of the app (signed out, signed in, on a wall screen; with its dialogs and menus
 * open), each in a fresh page on one server and one Chromium, with axe-core run in the page. A screen fails on any
 * serious or critical violation, on any console error (a failed request included) from the moment it loads, and
 * when the page, narrowed to a phone's width, scrolls sideways.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const e2e = useE2eHarness();
let creds: { session: string; device: string; ctx: ScreenContext };

beforeAll(async () => {
  creds = await screenCredentials(e2e.srv);
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function sweep(test: TestContext, screen: Screen, viewport: Viewport): Promise<void> {
  const { expect } = test;
  const page = await e2e.newPage(
    {
      viewport,
      hasTouch: screen.viewer === 'device-touch',
      ...(screen.viewer === 'admin' && { sessionToken: creds.session }),
    },
    test,
  );
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
  if (screen.viewer === 'device-touch') await page.addInitScript((t) => localStorage.setItem('kaskade.deviceToken', t), creds.device);
  await page.goto(`${e2e.srv.url}${screen.path(creds.ctx)}`);
  await screen.ready(page);
  // evaluate() runs outside the page's Content Security Policy, which would refuse an injected <script>.
  await page.evaluate(`${axeSource}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  });
  expect(violations, `axe on ${screen.name}`).toEqual([]);
  // The same screen narrowed to a phone (its dialog or menu still open): the page never grows sideways; a wide
  // table or grid scrolls inside its own box.
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150);
  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(width.scroll, `page width of ${screen.name} at 390 px`).toBeLessThanOrEqual(width.client);
  expect(errors, `console errors on ${screen.name}`).toEqual([]);
}

// Each test mostly waits (page load, socket, axe in the page): several at once (the e2e project's maxConcurrency) in
// the one Chromium, the ones that start the meeting last and alone.
describe('every screen passes axe-core with no console error', () => {
  for (const screen of sweepOrder(SCREENS)) {
    for (const viewport of screen.sweepAt ?? [LAPTOP]) {
      const test = screen.sequential ? it : it.concurrent;
      test(`${screen.name} at ${viewport.width}×${viewport.height}`, { timeout: 60_000 }, (t) => sweep(t, screen, viewport));
    }
  }
});
