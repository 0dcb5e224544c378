import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testToken } from '../helpers/auth';
import { useE2eHarness } from '../helpers/e2e-harness';

const e2e = useE2eHarness();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const TABS = ['Brugere og roller', 'Enheder og ledelseslag', 'Tavler og skabeloner', 'Indikatorer', 'Skærme', 'API-nøgler', 'Hændelseslog', 'Min adgangskode'];

/** Serious and critical axe violations on the page as it is now (axe is evaluated through the debugger, past the CSP). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource}\n;void 0`);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => `${JSON.stringify(n.target)} ${(n as { failureSummary?: string }).failureSummary ?? ''} ${(n as { html?: string }).html ?? ''}`).join(' ') }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets}`);
}

async function adminPage(path = '/admin'): Promise<Page> {
  const page = await e2e.newPage({ sessionToken: testToken(e2e.srv.url, 'Administrator', { role: 'admin' }) });
  await page.goto(`${e2e.srv.url}${path}`);
  await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
  return page;
}

describe('administration in Chromium', () => {
  it('keeps the open tab in the URL across a reload, and every tab has no serious or critical axe violation', async () => {
    const page = await adminPage('/admin?tab=audit');
    expect(await page.getByRole('tab', { name: 'Hændelseslog' }).getAttribute('aria-selected')).toBe('true');
    for (const name of TABS) {
      await page.getByRole('tab', { name }).click();
      const panel = page.getByRole('tabpanel', { name });
      await panel.waitFor();
      // Each panel loads its data when opened: wait until it is no longer "Henter …".
      await expect.poll(async () => (await panel.textContent()) ?? '').not.toMatch(/^Henter/);
      expect(await seriousViolations(page), `axe on "${name}"`).toEqual([]);
    }
    await page.getByRole('tab', { name: 'API-nøgler' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?tab=tokens');
    // Back and forward move between tabs as between pages; a reload keeps the tab.
    await page.goBack();
    await page.getByRole('tabpanel', { name: 'Min adgangskode' }).waitFor();
    await page.goForward();
    await page.getByRole('tabpanel', { name: 'API-nøgler' }).waitFor();
    await page.reload();
    await page.getByRole('tabpanel', { name: 'API-nøgler' }).waitFor();
    expect(await page.getByRole('tab', { name: 'API-nøgler' }).getAttribute('aria-selected')).toBe('true');
  }, 180_000);

  it('adds a role in a dialog where the unit is chosen, not preset', async () => {
    const page = await adminPage('/admin?tab=users');
    const add = page.getByRole('button', { name: 'Tilføj rolle til Nadia Sygeplejerske N2' });
    await add.click();
    const dialog = page.getByRole('dialog', { name: 'Tilføj rolle til Nadia Sygeplejerske N2' });
    expect(await dialog.getByLabel('Enhed').inputValue()).toBe('');
    await dialog.getByRole('button', { name: 'Tilføj rolle' }).click();
    await dialog.getByText('Vælg en enhed.').waitFor();
    await dialog.getByLabel('Enhed').selectOption({ label: 'Afsnit N1 – akut modtagelse' });
    await dialog.getByLabel('Rolle').selectOption({ label: 'læser' });
    await dialog.getByRole('button', { name: 'Tilføj rolle' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Nadia Sygeplejerske N2' });
    await row.getByText('læser · Afsnit N1 – akut modtagelse').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tilføj rolle');
  });

  it('shows an API token secret once; after a reload only its name remains', async () => {
    const page = await adminPage('/admin?tab=tokens');
    await page.getByLabel('Navn (fx datavarehus)').fill('Datavarehus e2e');
    await page.getByLabel('Enhed', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Opret API-nøgle' }).click();
    const secret = await page.getByLabel('API-nøgle for Datavarehus e2e').inputValue();
    expect(secret).toMatch(/^kft_/);
    await page.getByRole('cell', { name: 'Datavarehus e2e', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('cell', { name: 'Datavarehus e2e', exact: true }).waitFor();
    expect(await page.getByLabel('API-nøgle for Datavarehus e2e').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    // The secret shown was the working one: a feed may read with it.
    const feed = await fetch(`${e2e.srv.url}/api/indicators/x/measurements?unit=x`, { headers: { authorization: `Bearer ${secret}` } });
    expect(feed.status).not.toBe(401);
  });
});
