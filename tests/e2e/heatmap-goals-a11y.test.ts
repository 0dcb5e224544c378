import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestSession } from '../helpers/auth';
import { useE2eHarness } from '../helpers/e2e-harness';

const e2e = useE2eHarness();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** A signed-in page that records console errors. */
async function open(path: string, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; errors: string[] }> {
  const { token } = createTestSession(e2e.srv.databasePath, 'Testperson');
  const page = await e2e.newPage({ sessionToken: token, viewport });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${e2e.srv.url}${path}`);
  return { page, errors };
}

/**
 * axe-core's serious and critical violations inside the page's main content (the header has its own tests).
 * Evaluated through the DevTools protocol, which the page's Content Security Policy does not govern.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } }).axe.run(
      { include: [['#main']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    ),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('heat-map, goals and indicator page: accessibility in Chromium', { timeout: 150_000 }, () => {
  it('the heat-map, unfolded to the wards and with a cell focused, has no serious or critical violation', async () => {
    const { page, errors } = await open('/');
    const grid = page.getByRole('treegrid');
    await grid.getByRole('button', { name: 'Vis enhederne under Psykiatrien' }).click();
    await grid.getByRole('button', { name: 'Vis enhederne under Klinik Psykiatri Nord' }).click();
    await grid.getByRole('link', { name: 'Afsnit N2 – intensivt afsnit', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await seriousViolations(page)).toEqual([]);
    // The page never scrolls sideways; the grid scrolls inside its own box.
    for (const viewport of [{ width: 390, height: 844 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      const gridBox = await page.locator('.heat-map__scroll').boundingBox();
      expect(gridBox!.x + gridBox!.width).toBeLessThanOrEqual(viewport.width);
    }
    expect(errors).toEqual([]);
  });

  it('the goals cascade, filtered to a unit and with a goal menu open, has no serious or critical violation', async () => {
    const { page, errors } = await open('/goals');
    await page.getByRole('combobox', { name: 'Vis mål for enhed' }).selectOption('n2');
    await page.getByRole('status').filter({ hasText: 'Målkæden for Afsnit N2' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Handlinger for målet "Ingen bæltefikseringer/ }).click();
    await page.getByRole('menuitem', { name: 'Vis detaljer og indsatser' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the indicator page, with a run-chart point in its tooltip, has no serious or critical violation', async () => {
    const { page, errors } = await open('/indicators/baelte-48t?unit=n2');
    const chart = page.getByRole('group', { name: 'Seriediagram for Bæltefikseringer over 48 timer – punkter' });
    await chart.focus();
    await page.keyboard.press('ArrowLeft');
    const tooltip = page.getByRole('tooltip');
    expect(await tooltip.textContent()).toMatch(/2026/);
    // The signal's points are marked: this series has a run that is too long.
    expect(await page.locator('[data-signal="run"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
