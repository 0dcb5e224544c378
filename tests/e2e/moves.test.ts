import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testToken } from '../helpers/auth';
import { until, useE2eHarness } from '../helpers/e2e-harness';

const WARD_BOARD = '/boards/board-n2';
const e2e = useE2eHarness();

async function openBoard(options: { hasTouch?: boolean } = {}): Promise<Page> {
  const sessionToken = testToken(e2e.srv.url, 'Flyttetester', { role: 'member' });
  const page = await e2e.newPage({ hasTouch: options.hasTouch ?? false, sessionToken });
  await page.goto(`${e2e.srv.url}${WARD_BOARD}`);
  await page.getByText(/^(Forbundet|Connected)$/).waitFor();
  return page;
}

const column = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
const card = (scope: Page | Locator, title: string): Locator => scope.getByRole('listitem', { name: title });
/** The accessible name and role of what has the focus (the moved card's grip is "Træk kort" inside the card). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const titleId = el?.closest('li[data-card-id]')?.getAttribute('aria-labelledby');
    return { label: el?.getAttribute('aria-label') ?? el?.tagName, card: titleId ? document.getElementById(titleId)?.textContent : null };
  });

/** How many times the server has recorded a move of the card with this title. */
const movesOf = (title: string): number =>
  (e2e.srv.server.db
    .prepare("SELECT count(*) AS n FROM events WHERE type = 'card.moved' AND json_extract(payload, '$.card.id') = (SELECT id FROM cards WHERE title = ?)")
    .get(title) as { n: number }).n;

/** Makes a move with the browser offline ("Flyt til …", to the bottom of Afsluttet) and waits for it to be queued. */
async function moveOffline(page: Page, from: string, title: string): Promise<void> {
  await page.context().setOffline(true);
  await page.getByRole('alert').filter({ hasText: 'Ingen forbindelse' }).waitFor({ timeout: 10_000 });
  await card(column(page, from), title).getByRole('button', { name: 'Flyt til …' }).click();
  await page.getByRole('menuitem', { name: 'Nederst i Afsluttet' }).click();
  await page.getByText(/1 ændring venter/).waitFor();
}

/** Opens the board in a new tab of the same browser (same cookies, same IndexedDB) and waits for the connection. */
async function reopen(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${e2e.srv.url}${WARD_BOARD}`);
  await page.getByText(/^(Forbundet|Connected)$/).waitFor();
  return page;
}

describe('moves, focus and undo in Chromium', () => {
  it('after a keyboard drop and a "Flyt til" move, focus is on the moved card\'s grip; Ctrl+Z undoes it', async () => {
    const page = await openBoard();
    const title = 'Debriefing med patienten efter hver tvangsepisode';
    await card(column(page, 'I gang'), title).getByRole('button', { name: 'Træk kort' }).focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(150);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(250);
    await page.keyboard.press('Space');
    await until(async () => (await card(column(page, 'Afsluttet'), title).count()) === 1, 'the keyboard move');
    await until(async () => (await focused(page)).label === 'Træk kort', 'focus on a grip after the keyboard drop');
    expect((await focused(page)).card).toBe(title);
    await page.getByText('Flyttet', { exact: true }).first().waitFor();

    await card(column(page, 'Afsluttet'), title).getByRole('button', { name: 'Flyt til …' }).click();
    await page.getByRole('group', { name: 'I gang' }).getByRole('menuitem', { name: 'Øverst i I gang' }).click();
    await until(async () => (await card(column(page, 'I gang'), title).count()) === 1, 'the menu move');
    await until(async () => (await focused(page)).label === 'Træk kort', 'focus on the grip after the menu move');
    expect((await focused(page)).card).toBe(title);

    await page.keyboard.press('Control+z');
    await until(async () => (await card(column(page, 'Afsluttet'), title).count()) === 1, 'the undone move');
    await page.getByText('Fortrudt', { exact: true }).first().waitFor();
  });

  it('tapping a card on a touch screen opens it without focusing a text field (no on-screen keyboard)', async () => {
    const wall = await openBoard({ hasTouch: true });
    const title = 'Mange vikarer i aftenvagterne – svært at kende patienterne';
    await card(column(wall, 'Nye forslag'), title).getByRole('button', { name: title }).tap();
    await wall.getByRole('dialog', { name: 'Redigér kort' }).waitFor();
    const tag = await wall.evaluate(() => document.activeElement?.tagName);
    expect(['INPUT', 'TEXTAREA', 'SELECT']).not.toContain(tag);
  });

  it('a change made offline survives a reload and is sent once when the connection is back', async () => {
    const page = await openBoard();
    const other = await openBoard();
    const title = 'Sansestue i stedet for skærmning ved uro';
    // The browser's own offline mode: Chromium refuses every new request and WebSocket, so no reconnect can slip
    // past (route blocks on socket.io URLs did not hold once the socket went WebSocket-first). The open socket is
    // dropped by the client itself on the browser's "offline" event.
    const context = page.context();
    await context.setOffline(true);
    await page.getByRole('alert').filter({ hasText: 'Ingen forbindelse' }).waitFor({ timeout: 10_000 });
    await card(column(page, 'Nye forslag'), title).getByRole('button', { name: 'Flyt til …' }).click();
    await page.getByRole('menuitem', { name: 'Nederst i Afsluttet' }).click();
    await page.getByText(/1 ændring venter/).waitFor();
    expect(await card(column(other, 'Afsluttet'), title).count()).toBe(0);

    // Reload while still offline. Only the page's own files are let through (fetched by the test runner, outside the
    // browser's offline mode), as a cached app shell would serve them; the socket stays cut.
    await context.route(
      (url) => url.origin === e2e.srv.url && !url.pathname.startsWith('/socket.io/'),
      async (route) => route.fulfill({ response: await route.fetch() }),
    );
    await page.reload();
    // The saved change is read back from IndexedDB (the board itself waits for the connection: no snapshot is cached).
    await page.getByText(/1 ændring venter/).waitFor({ timeout: 10_000 });
    expect(await card(column(other, 'Afsluttet'), title).count()).toBe(0);

    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.setOffline(false);
    await until(async () => (await card(column(other, 'Afsluttet'), title).count()) === 1, 'the saved move on the other screen', 20_000);
    await page.getByText(/ændring(er)? venter/).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await card(column(page, 'Afsluttet'), title).count()).toBe(1);
    expect(await card(column(other, 'Afsluttet'), title).count()).toBe(1);
    expect(movesOf(title)).toBe(1);
  });
  it("saved offline changes belong to whoever made them: another person on the same browser never sends them, and signing out forgets them", async () => {
    const anne = testToken(e2e.srv.url, 'Anne Offline', { role: 'member' });
    const bent = testToken(e2e.srv.url, 'Bent Bagefter', { role: 'member' });
    const signInAs = async (context: BrowserContext, token: string) => {
      await context.clearCookies();
      await context.addCookies([{ name: 'kaskade_session', value: token, url: e2e.srv.url }]);
    };
    const first = 'Tvangsforebyggende huddle kl. 8.15 hver dag';
    const page = await e2e.newPage({ sessionToken: anne });
    const context = page.context();
    await page.goto(`${e2e.srv.url}${WARD_BOARD}`);
    await page.getByText(/^(Forbundet|Connected)$/).waitFor();
    await moveOffline(page, 'I gang', first);
    await page.close(); // Anne leaves with her change unsent

    // Bent signs in on the same browser: Anne's change is neither shown as his nor sent with his session.
    await signInAs(context, bent);
    await context.setOffline(false);
    const bents = await reopen(context);
    await card(column(bents, 'I gang'), first).waitFor();
    await bents.waitForTimeout(1000); // time enough for a saved change to be read back and sent
    expect(await bents.getByText(/ændring(er)? venter/).count()).toBe(0);
    expect(movesOf(first)).toBe(0);
    await bents.close();

    // Anne back on this browser: her change is still kept for her, and sent once.
    await signInAs(context, anne);
    const annes = await reopen(context);
    await until(async () => movesOf(first) === 1, "Anne's saved change sent when she is back");
    await until(async () => (await card(column(annes, 'Afsluttet'), first).count()) === 1, 'the move on her board');

    // Anne makes another change offline and signs out before it is sent: it is forgotten, not sent at her next visit.
    const second = 'Mange vikarer i aftenvagterne – svært at kende patienterne';
    await moveOffline(annes, 'Nye forslag', second);
    await annes.getByRole('button', { name: 'Log ud' }).click();
    await until(async () => !annes.url().includes('/boards/'), 'leaving the board on sign-out');
    await context.setOffline(false);
    await annes.close();
    await signInAs(context, anne); // her session may still be valid: the sign-out request could not reach the server
    const later = await reopen(context);
    await card(column(later, 'Nye forslag'), second).waitFor();
    await later.waitForTimeout(1000);
    expect(await later.getByText(/ændring(er)? venter/).count()).toBe(0);
    expect(movesOf(second)).toBe(0);
    expect(movesOf(first)).toBe(1);
  });
});
