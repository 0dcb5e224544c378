import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cookieHeaders, createTestSession } from '../helpers/auth';
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
  it('a ward leader writes an effect chain for a goal with the keyboard; it is saved and shows with each step and its indicator', async () => {
    const { token } = createTestSession(e2e.srv.databasePath, 'Afsnitsleder N2 (kæde)', { roles: [{ unitId: 'n2', role: 'facilitator' }] });
    const page = await e2e.newPage({ sessionToken: token, viewport: { width: 1280, height: 900 } });
    await page.goto(`${e2e.srv.url}/goals`);
    const goal = page.getByRole('listitem', { name: 'Ingen bæltefikseringer over 48 timer – tvangsforebyggende huddle hver morgen' });
    await goal.getByRole('button', { name: /^Handlinger for målet "Ingen bæltefikseringer over 48 timer/ }).first().click();
    await page.getByRole('menuitem', { name: 'Vis detaljer og indsatser' }).click();
    await goal.getByRole('button', { name: /^Ny effektkæde/ }).first().click();
    const dialog = page.getByRole('dialog', { name: /^Effektkæde for målet "Ingen bæltefikseringer over 48 timer/ });
    const steps: [string, string, string][] = [
      ['Indsats', 'Morgenhuddle om tvangsforebyggelse', 'Ingen indikator'],
      ['Resultat', 'Ingen fiksering over 48 timer', 'Bæltefikseringer over 48 timer'],
      ['Effekt for borgeren', 'Patienterne oplever et godt forløb', 'LUP: patienter, der i høj eller meget høj grad har et godt samlet indtryk'],
    ];
    for (const [i, [kind, title, indicator]] of steps.entries()) {
      await dialog.getByRole('button', { name: 'Tilføj led' }).press('Enter');
      const step = dialog.getByRole('group', { name: `Led ${i + 1}` });
      // The new step's description has focus: typing goes straight into it.
      await page.keyboard.type(title);
      await step.getByLabel('Type').selectOption({ label: kind });
      await step.getByLabel('Indikator').selectOption({ label: indicator });
    }
    // The last two in the wrong order, then put right with the keyboard (the hidden ": led n" may read with a space).
    await dialog.getByRole('group', { name: 'Led 3' }).getByRole('button', { name: /^Flyt op\s?: led 3$/ }).press('Enter');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('aldrig tilbage');
    await dialog.getByRole('button', { name: /^Flyt ned\s?: led 2$/ }).press('Enter');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'detached' });

    const chain = goal.getByRole('region', { name: /^Effektkæde for målet "Ingen bæltefikseringer over 48 timer/ });
    await chain.waitFor();
    const shown = await chain.getByRole('listitem').allTextContents();
    expect(shown).toHaveLength(3);
    expect(shown[0]).toContain('Morgenhuddle om tvangsforebyggelse');
    expect(shown[0]).toContain('Ingen indikator');
    expect(shown[1]).toContain('Bæltefikseringer over 48 timer');
    expect(shown[2]).toContain('Effekt for borgeren');
    await expect(chain.getByRole('link', { name: /^LUP: patienter/ }).count()).resolves.toBe(1);
    // Saved on the server, not only on the page: the API answers the chain as written.
    const res = await page.request.get(`${e2e.srv.url}/api/effect-chains?goal=${encodeURIComponent(await goal.getAttribute('id') ?? '')}`);
    const saved = (await res.json()) as { steps: { title: string; indicatorId: string | null }[] }[];
    expect(saved[0]?.steps.map((s) => [s.title, s.indicatorId])).toEqual([
      ['Morgenhuddle om tvangsforebyggelse', null],
      ['Ingen fiksering over 48 timer', 'baelte-48t'],
      ['Patienterne oplever et godt forløb', 'lup-patient'],
    ]);
    await page.close();
  });
  it('an open board follows its business cases live: an edit elsewhere shows without a reload, and a closed case leaves', async () => {
    const { token } = createTestSession(e2e.srv.databasePath, 'Afsnitsleder N2 (tavle)', { roles: [{ unitId: 'n2', role: 'facilitator' }] });
    const page = await e2e.newPage({ sessionToken: token, viewport: { width: 1280, height: 900 } });
    await page.goto(`${e2e.srv.url}/boards/board-n2`);
    const panel = page.getByRole('region', { name: 'Indsatser og business cases' });
    await panel.getByRole('listitem', { name: 'Tvangsforebyggende morgenhuddle i N2' }).waitFor();
    // Changed by someone else (another browser, a script): the same session over plain HTTP, not this page.
    const headers = cookieHeaders(token);
    const edit = await fetch(`${e2e.srv.url}/api/initiatives/ini-demo-huddle`, { method: 'PATCH', headers, body: JSON.stringify({ title: 'Morgenhuddle og sansestue i N2' }) });
    expect(edit.status).toBe(200);
    await panel.getByRole('listitem', { name: 'Morgenhuddle og sansestue i N2' }).waitFor({ timeout: 5000 });
    const close = await fetch(`${e2e.srv.url}/api/initiatives/ini-demo-huddle/close`, { method: 'POST', headers, body: JSON.stringify({ conclusion: 'Gjort permanent.' }) });
    expect(close.status).toBe(200);
    await panel.getByRole('listitem', { name: 'Morgenhuddle og sansestue i N2' }).waitFor({ state: 'detached', timeout: 5000 });
    await page.close();
  });
});
