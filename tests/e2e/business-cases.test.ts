import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestSession } from '../helpers/auth';
import { useE2eHarness } from '../helpers/e2e-harness';

const e2e = useE2eHarness();
const shots = process.env.KASKADE_REPORT_SHOTS;

describe('business cases in the browser', () => {
  it('a ward leader adds one from the goals page; it shows on the ward board with its progress, and its effect chain on the indicator page', async () => {
    const { token } = createTestSession(e2e.srv.databasePath, 'Afsnitsleder N2', { roles: [{ unitId: 'n2', role: 'facilitator' }] });
    const page = await e2e.newPage({ sessionToken: token, viewport: { width: 1280, height: 900 } });
    await page.goto(`${e2e.srv.url}/goals`);
    const goal = page.getByRole('listitem', { name: 'Ingen bæltefikseringer over 48 timer – tvangsforebyggende huddle hver morgen' });
    // The goals page is a tree: a goal's initiatives sit in its details, opened from its actions menu.
    await goal.getByRole('button', { name: /^Handlinger for målet "Ingen bæltefikseringer over 48 timer/ }).first().click();
    await page.getByRole('menuitem', { name: 'Vis detaljer og indsatser' }).click();
    await goal.getByRole('button', { name: /^Ny indsats med business case/ }).first().click();
    const dialog = page.getByRole('dialog', { name: /^Ny indsats for målet/ });
    await dialog.getByLabel('Indsats (hvad gør I)').fill('Sansestue og skærmning');
    await dialog.getByLabel('Investering (kr.)').fill('300.000');
    await dialog.getByLabel('Forventet årlig effekt i kroner (kr. pr. år)').fill('120.000');
    await expect(dialog.getByText('Tilbagebetalingstid: 2,5 år').isVisible()).resolves.toBe(true);
    await dialog.getByLabel('Startdato').fill('2025-06-01');
    await dialog.getByLabel('Målværdi for Bæltefikseringer over 48 timer').fill('0');
    if (shots) await page.screenshot({ path: join(shots, 'business-case-dialog.png') });
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await goal.getByRole('listitem', { name: 'Sansestue og skærmning' }).waitFor();

    await page.goto(`${e2e.srv.url}/boards/board-n2`);
    const panel = page.getByRole('region', { name: 'Indsatser og business cases' });
    await panel.getByRole('listitem', { name: 'Sansestue og skærmning' }).waitFor();
    await expect(panel.getByRole('meter', { name: 'Fremdrift for Bæltefikseringer over 48 timer' }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: 'Statusrapport' }).getAttribute('href')).resolves.toBe('/reports/status?unit=n2');
    if (shots) await page.screenshot({ path: join(shots, 'board-business-cases.png'), fullPage: true });

    await page.goto(`${e2e.srv.url}/indicators/baelte-andel?unit=psyk`);
    const chains = page.getByRole('region', { name: 'Effektkæder' });
    await chains.getByRole('region', { name: /^Effektkæde for målet "Halvér brugen af bæltefiksering/ }).waitFor();
    await expect(page.getByText('Indikatortype: Resultat').isVisible()).resolves.toBe(true);
    if (shots) await page.screenshot({ path: join(shots, 'indicator-effect-chain.png'), fullPage: false });
    await page.close();
  });
});
