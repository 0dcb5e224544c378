import { describe, expect, it } from 'vitest';
import { createTestSession } from '../helpers/auth';
import { useE2eHarness } from '../helpers/e2e-harness';
import { PSYCHIATRY_BOARD } from '../helpers/screens';

const e2e = useE2eHarness();

describe('the psychiatry board on a projector', () => {
  it.each([
    { width: 1920, height: 1080 },
    { width: 1280, height: 800 },
  ])('shows all 21 tiles whole, without scrolling, at $width×$height', async (viewport) => {
    const { token } = createTestSession(e2e.srv.databasePath, 'Ledelse');
    const page = await e2e.newPage({ viewport, sessionToken: token });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${e2e.srv.url}/boards/${PSYCHIATRY_BOARD}`);
    await page.getByText(/^Forbundet$/).waitFor();
    const tiles = page.getByRole('article');
    await expect.poll(() => tiles.count()).toBe(21);
    // Grouping by goal arrives with the goal chains; measure after it.
    await page.getByRole('heading', { level: 3, name: /^Bidrager til: Halvér brugen af bæltefiksering/ }).waitFor();
    await page.waitForTimeout(300);

    const boxes = await tiles.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const value = el.querySelector('.tile__value');
        const name = el.querySelector('.tile__name');
        return {
          name: name?.textContent ?? '',
          top: r.top,
          left: r.left,
          bottom: r.bottom,
          right: r.right,
          valuePx: value ? parseFloat(getComputedStyle(value).fontSize) : 0,
          namePx: name ? parseFloat(getComputedStyle(name).fontSize) : 0,
        };
      }),
    );
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(scrollY).toBe(0);
    for (const b of boxes) {
      expect(b.top, b.name).toBeGreaterThanOrEqual(0);
      expect(b.left, b.name).toBeGreaterThanOrEqual(0);
      expect(b.bottom, b.name).toBeLessThanOrEqual(viewport.height);
      expect(b.right, b.name).toBeLessThanOrEqual(viewport.width);
      expect(b.valuePx, b.name).toBeGreaterThanOrEqual(28);
      expect(b.namePx, b.name).toBeGreaterThanOrEqual(16);
    }
    // Reading order is visual order: the groups in the document go left to right, row by row, as they are seen;
    // each group's heading comes before its tiles, which read row by row too.
    const groups = await page.locator('.tile-group').evaluateAll((els) =>
      els.map((el) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { top: Math.round(r.top), left: Math.round(r.left), bottom: Math.round(r.bottom) };
        };
        const heading = el.querySelector('h3.tile-group__title');
        return {
          title: heading?.textContent ?? '',
          box: box(el),
          heading: heading ? box(heading) : null,
          tiles: [...el.querySelectorAll('article.tile')].map((t) => ({ name: t.querySelector('.tile__name')?.textContent ?? '', ...box(t) })),
        };
      }),
    );
    expect(groups.length).toBeGreaterThan(1);
    const visually = <T extends { top: number; left: number }>(list: T[]) => [...list].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(visually(groups.map((g) => ({ ...g.box, title: g.title }))).map((g) => g.title), 'groups in reading order').toEqual(groups.map((g) => g.title));
    for (const g of groups) {
      expect(g.heading, g.title).not.toBeNull();
      for (const t of g.tiles) expect(g.heading!.bottom, `${g.title}: heading above ${t.name}`).toBeLessThanOrEqual(t.top);
      expect(visually(g.tiles).map((t) => t.name), `${g.title}: tiles in reading order`).toEqual(g.tiles.map((t) => t.name));
    }
    expect(groups.flatMap((g) => g.tiles.map((t) => t.name))).toEqual(boxes.map((b) => b.name));

    // Status as icon and word on every tile; no wall of "Registrér måling" buttons.
    expect(await page.locator('article .status svg').count()).toBe(21);
    expect(await page.getByRole('button', { name: 'Registrér måling' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('records a measurement from a tile menu', async () => {
    const { token } = createTestSession(e2e.srv.databasePath, 'Ledelse');
    const page = await e2e.newPage({ viewport: { width: 1280, height: 800 }, sessionToken: token });
    await page.goto(`${e2e.srv.url}/boards/${PSYCHIATRY_BOARD}`);
    await page.getByText(/^Forbundet$/).waitFor();
    await page.getByRole('button', { name: 'Flere handlinger: Sygefravær' }).click();
    await page.getByRole('menuitem', { name: 'Registrér måling' }).click();
    await page.getByRole('dialog', { name: /Registrér måling: Sygefravær/ }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});
