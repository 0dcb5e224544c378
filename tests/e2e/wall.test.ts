import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eHarness } from '../helpers/e2e-harness';
import { CLINIC_BOARD, WARD_BOARD, screenCredentials } from '../helpers/screens';

const e2e = useE2eHarness();

async function wallPage(viewport: { width: number; height: number }, token: string | null): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.newPage({ viewport, hasTouch: true });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  if (token) await page.addInitScript((t) => localStorage.setItem('kaskade.deviceToken', t), token);
  return { page, errors };
}

describe('a wall screen', () => {
  it.each([
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ])('shows indicators and every column without page scroll at $width×$height, with only its own controls', async (viewport) => {
    const { device } = await screenCredentials(e2e.srv);
    const { page, errors } = await wallPage(viewport, device);
    await page.goto(`${e2e.srv.url}/wall/${WARD_BOARD}`);
    await page.getByText(/^Forbundet$/).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Bidrager til:/ }).first().waitFor();

    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const name of ['Nye forslag', 'I gang', 'Afsluttet']) {
      const box = (await page.getByRole('region', { name, exact: true }).boundingBox())!;
      expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width, name).toBeLessThanOrEqual(viewport.width);
    }
    const tiles = page.getByRole('article');
    for (const box of await tiles.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom))) {
      expect(box).toBeLessThanOrEqual(viewport.height);
    }
    // A touch screen moves cards; it is not shown what it may not do.
    for (const name of ['Ny kolonne', 'Møde', 'Historik', 'Omdøb kolonne', 'Registrér måling']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
      expect(await page.getByRole('link', { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole('button', { name: /^Flere handlinger/ }).count()).toBe(0);
    const smallest = await page.getByRole('button').evaluateAll((els) =>
      Math.min(...els.filter((el) => (el as HTMLElement).offsetParent).map((el) => Math.min(el.getBoundingClientRect().height, el.getBoundingClientRect().width))),
    );
    expect(smallest).toBeGreaterThanOrEqual(48);
    await expect(page.locator('.wall-status__clock').textContent()).resolves.toMatch(/^\d\d[.:]\d\d$/);
    await page.getByText(/^opdateret (lige nu|for \d+ s siden)$/).waitFor();
    expect(errors).toEqual([]);
  });

  it('on another board\'s address says it is enrolled for its own board and links to it', async () => {
    const { device } = await screenCredentials(e2e.srv);
    const { page, errors } = await wallPage({ width: 1920, height: 1080 }, device);
    await page.goto(`${e2e.srv.url}/wall/${CLINIC_BOARD}`);
    await page.getByRole('heading', { name: 'Skærmen er tilmeldt en anden tavle' }).waitFor();
    await page.getByRole('link', { name: 'Gå til skærmens tavle' }).click();
    await page.waitForURL(`${e2e.srv.url}/wall/${WARD_BOARD}`);
    await page.getByText(/^Forbundet$/).waitFor();
    expect(errors).toEqual([]);
  });

  it('says an unknown or expired code cannot be used, and how to get a new one', async () => {
    const { page } = await wallPage({ width: 1080, height: 1920 }, null);
    await page.goto(`${e2e.srv.url}/wall/enrol`);
    await page.getByLabel(/Kode/).fill('12345678');
    await page.getByRole('button', { name: /Tilmeld/ }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Koden er ukendt, brugt eller udløbet.').waitFor();
    await alert.getByText(/Bed en administrator om en ny kode/).waitFor();
  });
});
