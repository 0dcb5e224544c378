import type { Page } from 'playwright-core';
import { type TestContext, beforeAll, describe, it } from 'vitest';
import { useE2eHarness } from '../helpers/e2e-harness';
import { SCREENS, type Screen, type ScreenContext, WARD_BOARD, screenCredentials, sweepOrder } from '../helpers/screens';

/**
 * Dates and units as a person reads them (issue 18, "Wording and language"): on every screen, in Danish and in
 * English, no date shows as an ISO string (`2027-12-31`), and the English screens show no Danish unit ("43 dage").
 * Reads the page's visible text (innerText), so a date input's value, a `<time dateTime>` or an attribute do not count.
 */
const e2e = useE2eHarness();
let creds: { session: string; device: string; ctx: ScreenContext };

beforeAll(async () => {
  creds = await screenCredentials(e2e.srv);
});

/** Each hit with a little of its line, so a failure says where on the screen it is. */
const ISO_DATE = /.{0,40}\d{4}-\d{2}-\d{2}.{0,10}/g;
// A value and its unit are joined by a no-break space (formatValue); indicator names such as "inden 7 dage" are the
// organisation's own words and stay as written.
const DANISH_UNITS = /.{0,40}\d\u00a0(dage|dag|timer|time|uger|uge|måneder|måned)\b/g;

/** Screens beyond the shared list whose dates matter: the status report, a card's dialog with its history. */
const EXTRA: readonly Screen[] = [
  { name: 'status-report', viewer: 'admin', path: () => '/reports/status', ready: (p) => p.getByRole('heading', { level: 1 }).first().waitFor() },
  {
    name: 'board-ward-card-dialog',
   
    viewer: 'admin',
    path: () => `/boards/${WARD_BOARD}`,
    ready: async (page) => {
      await page.getByText(/^(Forbundet|Connected)$/).first().waitFor();
      await page.getByRole('listitem', { name: 'Tvangsforebyggende huddle kl. 8.15 hver dag' }).getByRole('button', { name: 'Tvangsforebyggende huddle kl. 8.15 hver dag' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
];

async function visibleText(test: TestContext, screen: Screen, lang: 'da' | 'en'): Promise<string> {
  const page: Page = await e2e.newPage(
    {
      // A screen made for one size (the phone menu) is read at its first sweep size.
      viewport: screen.sweepAt?.[0] ?? { width: 1400, height: 1000 },
      hasTouch: screen.viewer === 'device-touch',
      ...(screen.viewer === 'admin' && { sessionToken: creds.session }),
    },
    test,
  );
  await page.addInitScript(
    ({ l, device }) => {
      localStorage.setItem('kaskade.lang', l);
      if (device) localStorage.setItem('kaskade.deviceToken', device);
    },
    { l: lang, device: screen.viewer === 'device-touch' ? creds.device : null },
  );
  await page.goto(`${e2e.srv.url}${screen.path(creds.ctx)}`);
  await screen.ready(page);
  await page.waitForTimeout(400); // late panels (history, measurements) fill in
  return page.evaluate(() => document.body.innerText);
}

// Each test mostly waits (page load, socket, the fixed wait): several at once (the e2e project's maxConcurrency) in
// the one Chromium, the ones that start the meeting last and alone.
describe('dates in the reader\'s language and no ISO dates or Danish units in English', () => {
  for (const screen of sweepOrder([...SCREENS, ...EXTRA])) {
    for (const lang of ['da', 'en'] as const) {
      const test = screen.sequential ? it : it.concurrent;
      test(`${screen.name} in ${lang}`, { timeout: 60_000 }, async (t) => {
        const { expect } = t;
        const text = await visibleText(t, screen, lang);
        expect(text.match(ISO_DATE) ?? [], `ISO dates on ${screen.name} (${lang})`).toEqual([]);
        if (lang === 'en') expect(text.match(DANISH_UNITS) ?? [], `Danish units on ${screen.name} (en)`).toEqual([]);
      });
    }
  }
});
