import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestSession } from '../helpers/auth';
import { useE2eHarness } from '../helpers/e2e-harness';

const e2e = useE2eHarness();

describe('the status report for the political level', () => {
  it('opens for the psychiatry, shows every section and prints to a PDF that holds them', async () => {
    // A clinic leader: reads the psychiatry's report through the line of sight upward.
    const { token } = createTestSession(e2e.srv.databasePath, 'Klinikleder', { roles: [{ unitId: 'k-nord', role: 'facilitator' }] });
    const page = await e2e.newPage({ sessionToken: token });
    await page.goto(`${e2e.srv.url}/reports/status?unit=psyk&from=2025-01-01&to=2026-12-31`);
    await page.getByRole('heading', { level: 1, name: 'Statusrapport: Psykiatrien' }).waitFor();
    for (const name of ['Mål og oversættelser', 'Indikatorer med seriediagram og signal', 'Indsatser og business cases', 'Effektkæder', 'Åbne eskaleringer', 'Beslutninger i perioden']) {
      await expect(page.getByRole('heading', { level: 2, name }).isVisible(), name).resolves.toBe(true);
    }
    // A business case with its payback and progress against baseline; an effect chain with each step's status.
    const sms = page.getByRole('listitem', { name: 'SMS-påmindelse før ambulante aftaler' });
    await expect(sms.getByText('0,6 år').isVisible()).resolves.toBe(true);
    await expect(sms.getByRole('meter', { name: 'Fremdrift for Udeblivelser fra ambulante aftaler' }).getAttribute('aria-valuenow')).resolves.toMatch(/^\d+$/);
    const chain = page.getByRole('region', { name: 'Effektkæde for målet "Færre akutte genindlæggelser gennem sammenhængende udskrivelser"' });
    await expect(chain.getByRole('listitem').count()).resolves.toBe(3);
    await expect(chain.getByText('Effekt for borgeren').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: /^Seriediagram for / }).count()).resolves.toBe(21);
    await expect(page.getByText('Halvér brugen af bæltefiksering inden udgangen af 2027', { exact: true }).isVisible()).resolves.toBe(true);

    // Learning before control: a red or amber level without a signal asks about the system, not one point.
    await expect(page.getByText(/^Almindelig variation uden signal/).count()).resolves.toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Udskriv / gem som PDF' }).isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, outline: true, tagged: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The PDF's outline (bookmarks, from the headings) names what it holds; decoded from its UTF-16 titles.
    const titles = outlineTitles(pdf);
    for (const section of ['Statusrapport: Psykiatrien', 'Mål og oversættelser', 'Indikatorer med seriediagram og signal', 'Indsatser og business cases', 'Effektkæder', 'Åbne eskaleringer', 'Beslutninger i perioden']) {
      expect(titles, section).toContain(section);
    }
    expect(titles.filter((t) => t.startsWith('Bæltefikseringer over 48 timer')).length).toBe(1);
    expect(titles.some((t) => t.startsWith('SMS-påmindelse før ambulante aftaler'))).toBe(true);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(3);
    if (process.env.KASKADE_REPORT_SHOTS) {
      writeFileSync(join(process.env.KASKADE_REPORT_SHOTS, 'statusrapport.pdf'), pdf);
      await page.screenshot({ path: join(process.env.KASKADE_REPORT_SHOTS, 'statusrapport-print.png'), fullPage: false });
    }
    await page.close();
  });
});

/** The bookmark titles of a PDF: Chromium writes them as `/Title <FEFF…>` (UTF-16BE hex) or `/Title (…)`. */
function outlineTitles(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const hex = [...raw.matchAll(/\/Title\s*<FEFF([0-9A-Fa-f]*)>/g)].map((m) => {
    const bytes = Buffer.from(m[1]!, 'hex');
    return String.fromCharCode(...Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readUInt16BE(i * 2)));
  });
  const plain = [...raw.matchAll(/\/Title\s*\(([^)]*)\)/g)].map((m) => m[1]!);
  return [...hex, ...plain];
}
