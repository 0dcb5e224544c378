import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestSession } from '../helpers/auth';
import { useE2eHarness } from '../helpers/e2e-harness';

const WARD = 'Afsnit N2 – intensivt afsnit';

const e2e = useE2eHarness();

/** A signed-in browser window (the session cookie of a test user who may do everything). */
async function open(path: string): Promise<Page> {
  const { token } = createTestSession(e2e.srv.databasePath, 'Testperson');
  const page = await e2e.newPage({ sessionToken: token });
  await page.goto(`${e2e.srv.url}${path}`);
  return page;
}

describe('the cascade in Chromium', () => {
  it('unfolds the heat-map down to a ward, opens a cell on its indicator page and sees its run chart and goal chain', async () => {
    const page = await open('/');
    const grid = page.getByRole('treegrid', { name: 'Statusoversigt: enheder og indikatorer' });
    await grid.waitFor();
    // The top answer holds the region and psychiatry; the clinics and wards are fetched as they are unfolded.
    await grid.getByRole('button', { name: 'Vis enhederne under Psykiatrien' }).click();
    // By keyboard this time: → on the clinic's name unfolds it.
    await grid.getByRole('link', { name: 'Klinik Psykiatri Nord', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    const ward = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: WARD }) });
    await ward.waitFor();
    expect(await ward.getAttribute('aria-level')).toBe('4');
    // Each cell says its status in words; the ward has a red one.
    const cells = ward.getByRole('link', { name: new RegExp(`– ${WARD}, rød \\(ikke på mål\\)`) });
    expect(await cells.count()).toBeGreaterThan(0);

    await ward.getByRole('link', { name: new RegExp(`^Bæltefikseringer over 48 timer – ${WARD}, `) }).click();
    await page.waitForURL(/\/indicators\/baelte-48t\?unit=n2$/);
    await page.getByRole('heading', { level: 1, name: 'Bæltefikseringer over 48 timer' }).waitFor();
    const chain = page.getByRole('navigation', { name: 'Målkæde' });
    await expect(chain.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Ingen bæltefikseringer over 48 timer – tvangsforebyggende huddle hver morgen',
      'Højst 2,5 % af klinikkens indlagte patienter bæltefikseres pr. måned',
      'Halvér brugen af bæltefiksering inden udgangen af 2027',
      'Regionen halverer brugen af tvang i psykiatrien frem mod 2027 (Regionsrådet)',
      'Forbedret overlevelse og patientsikkerhed (Nationalt mål for sundhedsvæsenet)',
    ]);
    await expect(page.getByRole('img', { name: 'Seriediagram for Bæltefikseringer over 48 timer' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Signal: /).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.run-chart__point--signal').count()).resolves.toBeGreaterThan(0);
  });

  it('records a deviation on a red indicator and finds its action card on the board', async () => {
    const page = await open('/boards/board-n2');
    await page.getByText(/^(Forbundet|Connected)$/).waitFor();
    const tile = page.getByRole('article', { name: 'Sygefravær' });
    await tile.getByText(/^Status: rød/).waitFor();
    await tile.getByRole('link', { name: 'Rød: angiv årsag og handling' }).click();

    const form = page.getByRole('region', { name: 'Afvigelse' });
    await form.getByLabel('Årsag').fill('Influenzabølge og to langtidssygemeldinger');
    await form.getByLabel('Handling').fill('Fraværssamtaler og vikarplan for december');
    await form.getByLabel('Ansvarlig').fill('Afsnitsleder');
    await form.getByRole('button', { name: 'Gem afvigelse og opret handling' }).click();
    await form.getByRole('status').waitFor();

    await page.getByRole('link', { name: 'Til tavlen' }).click();
    await page.getByText(/^(Forbundet|Connected)$/).waitFor();
    const column = page.getByRole('region', { name: 'Nye forslag', exact: true });
    const card = column.getByRole('listitem', { name: 'Fraværssamtaler og vikarplan for december' });
    await card.waitFor();
    await expect(card.getByRole('link', { name: 'Indikator: Sygefravær' }).getAttribute('href')).resolves.toBe('/indicators/sygefravaer?unit=n2');
  });

  it('updates the overview heat-map live when a measurement comes in from a feed', async () => {
    const page = await open('/');
    const grid = page.getByRole('treegrid');
    await grid.getByRole('button', { name: 'Vis enhederne under Psykiatrien' }).click();
    await grid.getByRole('button', { name: 'Vis enhederne under Klinik Psykiatri Nord' }).click();
    const sickLeave = (status: string) => grid.getByRole('link', { name: new RegExp(`^Sygefravær – ${WARD}, ${status}`) });
    await sickLeave('rød').waitFor();
    // Sick leave is red on N2; a value well under the 5 % target for the current month turns it green.
    const { token } = createTestSession(e2e.srv.databasePath, 'Datavarehus');
    const now = new Date();
    const periodStart = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
    const res = await fetch(`${e2e.srv.url}/api/indicators/sygefravaer/measurements`, {
      method: 'PUT',
      headers: { cookie: `kaskade_session=${token}`, 'x-kaskade-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ measurements: [{ unitId: 'n2', periodStart, value: 2.1 }] }),
    });
    expect(res.status).toBe(200);
    await sickLeave('grøn').waitFor({ timeout: 5000 });
  });

  it('takes a ward member, who may read exactly one board, from the start page straight to that board', async () => {
    const { token } = createTestSession(e2e.srv.databasePath, 'Afsnitsmedlem', { roles: [{ unitId: 'n2', role: 'member' }] });
    const page = await e2e.newPage({ sessionToken: token });
    await page.goto(`${e2e.srv.url}/`);
    await page.waitForURL(/\/boards\/board-n2$/);
    await page.getByText(/^(Forbundet|Connected)$/).waitFor();
    expect(await page.getByRole('treegrid').count()).toBe(0);
  });
});
