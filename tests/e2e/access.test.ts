import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testToken } from '../helpers/auth';
import { connectClient, opId } from '../helpers/socket-client';
import { until, useE2eHarness } from '../helpers/e2e-harness';

const WARD = 'board-n2';

/** Console errors and CSP violations seen in any page: the XSS test expects none. */
const violations: string[] = [];
const e2e = useE2eHarness({ revalidateMs: 500 });

async function newPage(options: { hasTouch?: boolean; token?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await e2e.newPage({ ...options, sessionToken: options.token });
  page.on('console', (msg) => {
    if (msg.type() === 'error') violations.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

const column = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
const card = (scope: Page | Locator, title: string): Locator => scope.getByRole('listitem', { name: title });


async function touchDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const [x0, y0] = [a.x + a.width / 2, a.y + 30];
  const [x1, y1] = [b.x + b.width / 2, b.y + 80];
  await touch('touchStart', x0, y0);
  await page.waitForTimeout(600); // press and hold: a quick swipe would scroll instead
  for (let i = 1; i <= 12; i++) {
    await touch('touchMove', x0 + ((x1 - x0) * i) / 12, y0 + ((y1 - y0) * i) / 12);
    await page.waitForTimeout(16);
  }
  await touch('touchEnd', x1, y1);
}

async function mouseDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(a.x + a.width / 2 + ((b.x + b.width / 2 - a.x - a.width / 2) * i) / 12, a.y + 20 + ((b.y + 80 - a.y - 20) * i) / 12);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

describe('people and wall screens in Chromium', () => {
  it('asks to sign in, signs in with a demo login, and signs out', async () => {
    const page = await newPage();
    await page.goto(`${e2e.srv.url}/boards/${WARD}`);
    await page.getByRole('heading', { name: 'Log ind på Kaskade' }).waitFor();
    await page.getByLabel('Brugernavn').fill('n2');
    await page.getByLabel('Adgangskode').fill('forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('alert').filter({ hasText: 'Forkert brugernavn eller adgangskode.' }).waitFor();
    await page.getByLabel('Adgangskode').fill('kaskade-demo');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText(/^(Forbundet|Connected)$/).waitFor();
    await page.getByText('Nadia Sygeplejerske N2').waitFor();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { name: 'Log ind på Kaskade' }).waitFor();
  });

  it('a viewer sees the board but cannot drag a card', async () => {
    const page = await newPage({ token: testToken(e2e.srv.url, 'Læser', { role: 'viewer' }) });
    await page.goto(`${e2e.srv.url}/boards/${WARD}`);
    await page.getByText(/^(Forbundet|Connected)$/).waitFor();
    await page.getByText('Du kan se tavlen, men ikke ændre den.').waitFor();
    // Nothing is offered that the server would refuse.
    for (const name of ['Nyt kort', 'Ny kolonne', 'Flyt til …', 'Registrér måling']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    const title = 'Sansestue i stedet for skærmning ved uro';
    await mouseDrag(page, card(column(page, 'Nye forslag'), title), column(page, 'Afsluttet'));
    await page.waitForTimeout(500);
    expect(await card(column(page, 'Nye forslag'), title).count()).toBe(1);
    expect(await card(column(page, 'Afsluttet'), title).count()).toBe(0);
  });

  it('enrols a wall screen from the admin screen, moves a card on it by touch, and loses access when revoked', async () => {
    const admin = await newPage({ token: testToken(e2e.srv.url, 'Administrator', { role: 'admin' }) });
    await admin.goto(`${e2e.srv.url}/admin`);
    await admin.getByRole('tab', { name: 'Skærme' }).click();
    await admin.getByLabel('Tavle', { exact: true }).selectOption({ label: 'Afsnit N2 – intensivt afsnit' });
    await admin.getByLabel('Skærmens navn').fill('Vægskærm N2');
    await admin.getByRole('button', { name: 'Tilmeld skærm' }).click();
    const link = (await admin.locator('.admin__code code').textContent())!;
    expect(link).toMatch(/\/wall\/enrol#\d{8}$/);

    const laptop = await newPage({ token: testToken(e2e.srv.url, 'Laptop', { role: 'member' }) });
    await laptop.goto(`${e2e.srv.url}/boards/${WARD}`);
    await laptop.getByText(/^(Forbundet|Connected)$/).waitFor();

    const wall = await newPage({ hasTouch: true, viewport: { width: 1920, height: 1080 } });
    await wall.goto(link);
    await wall.waitForURL(`${e2e.srv.url}/wall/${WARD}`);
    await wall.getByText(/^(Forbundet|Connected)$/).waitFor();
    expect(await wall.getByRole('link', { name: 'Overblik' }).count()).toBe(0); // no chrome
    expect(await wall.getByRole('heading', { name: 'Log ind på Kaskade' }).count()).toBe(0);

    await wall.bringToFront();
    const title = 'Mange vikarer i aftenvagterne – svært at kende patienterne';
    await touchDrag(wall, card(column(wall, 'Nye forslag'), title), column(wall, 'Afsluttet'));
    await until(async () => (await card(column(laptop, 'Afsluttet'), title).count()) === 1, 'the touch move on the laptop');

    await admin.bringToFront();
    await admin.getByRole('button', { name: 'Tilbagekald: Vægskærm N2' }).click();
    await wall.getByText('Skærmen har ikke længere adgang til tavlen.').waitFor({ timeout: 8000 });
    // A reload does not bring it back: the token is dead.
    await wall.reload();
    await wall.getByText('Skærmen har ikke længere adgang til tavlen.').waitFor({ timeout: 8000 });
  });

  it('shows an XSS payload list in card text literally, with no script run and no CSP violation', async () => {
    const payloads = [
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      '"><svg onload="window.__xss = 3">',
      "javascript:window.__xss = 4",
      '<iframe srcdoc="<script>parent.__xss = 5</script>"></iframe>',
      '{{constructor.constructor("window.__xss = 6")()}}',
    ];
    const writer = await connectClient(e2e.srv.url, 'Skribent', { role: 'member' });
    const join = await writer.join(WARD);
    const columnId = join.ok && join.data.kind === 'snapshot' ? join.data.snapshot.columns[0]!.id : '';
    for (const [i, title] of payloads.entries()) {
      const ack = await writer.request('card:create', {
        opId: opId(),
        boardId: WARD,
        card: { id: `xss-${i}-${Date.now()}`, columnId, type: 'problem', title, description: title, ownerName: title.slice(0, 100) },
      });
      expect(ack).toMatchObject({ ok: true });
    }
    writer.close();

    violations.splice(0);
    const page = await newPage({ token: testToken(e2e.srv.url, 'Læser XSS', { role: 'viewer' }) });
    await page.goto(`${e2e.srv.url}/boards/${WARD}`);
    await page.getByText(/^(Forbundet|Connected)$/).waitFor();
    for (const title of payloads) {
      await card(page, title).first().waitFor();
      expect(await card(page, title).first().getByText(title, { exact: true }).count()).toBeGreaterThan(0);
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"], svg[onload], iframe[srcdoc]').count()).toBe(0);
    expect(violations, violations.join('; ')).toEqual([]);
  });
});
