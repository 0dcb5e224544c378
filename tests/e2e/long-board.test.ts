import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../shared/schemas';
import { testToken } from '../helpers/auth';
import { until, useE2eHarness } from '../helpers/e2e-harness';
import { type TestClient, connectClient, opId } from '../helpers/socket-client';

// A board far longer than a screen: only the cards on or near the screen take part in drag and drop (see
// sortable-card.tsx). These tests hold that the others still can be dragged once they are reached.
const BOARD = 'board-n1';
const EXTRA_CARDS = 80;

const e2e = useE2eHarness();
let writer: TestClient;
let columns: { id: string; name: string }[];

beforeAll(async () => {
  const token = testToken(e2e.srv.url, 'Testperson', { role: 'member' });
  const res = await fetch(`${e2e.srv.url}/api/boards/${BOARD}`, { headers: { authorization: `Bearer ${token}` } });
  columns = ((await res.json()) as BoardSnapshot).columns;
  writer = await connectClient(e2e.srv.url, 'Testperson', { role: 'member' });
  for (let i = 0; i < EXTRA_CARDS; i++) {
    const ack = await writer.request('card:create', {
      opId: opId(),
      boardId: BOARD,
      card: { id: `long-${i}`, columnId: columns[0]!.id, type: 'action', title: `Langt kort ${i}` },
    });
    expect(ack.ok).toBe(true);
  }
});
afterAll(() => writer.close());

async function openBoard(): Promise<Page> {
  const page = await e2e.newPage({ viewport: { width: 1280, height: 720 }, sessionToken: testToken(e2e.srv.url, 'Testperson', { role: 'member' }) });
  await page.goto(`${e2e.srv.url}/boards/${BOARD}`);
  await page.getByText(/^(Forbundet|Connected)$/).waitFor();
  return page;
}

const inColumn = (page: Page, column: string, title: string) =>
  page.getByRole('region', { name: column, exact: true }).getByRole('listitem', { name: title });

describe('a board longer than the screen', () => {
  it('registers only the cards near the screen for drag and drop', async () => {
    const page = await openBoard();
    const last = page.getByRole('listitem', { name: `Langt kort ${EXTRA_CARDS - 1}` });
    await last.waitFor({ state: 'attached' });
    // A registered grip carries @dnd-kit's role description; the far end of the long column has none yet.
    await page.locator('[data-card-id]').first().scrollIntoViewIfNeeded();
    const registered = page.locator('[data-card-id] .card__handle[aria-roledescription]');
    await until(async () => (await registered.count()) > 0, 'the cards on screen to join drag and drop');
    await page.waitForTimeout(200);
    expect(await registered.count()).toBeLessThan(await page.locator('[data-card-id]').count());
    const grip = last.getByRole('button', { name: 'Træk kort' });
    expect(await grip.getAttribute('aria-roledescription')).toBeNull();
    await last.scrollIntoViewIfNeeded();
    await until(async () => (await grip.getAttribute('aria-roledescription')) !== null, 'the far card to join drag and drop');
  });

  it('a far card reached with the keyboard is picked up and moved, and keeps the focus', async () => {
    const page = await openBoard();
    const other = await openBoard();
    const title = `Langt kort ${EXTRA_CARDS - 2}`;
    const grip = inColumn(page, columns[0]!.name, title).getByRole('button', { name: 'Træk kort' });
    await grip.focus(); // scrolls it into view, as Tab does
    await until(async () => (await grip.getAttribute('aria-roledescription')) !== null, 'the focused card to join drag and drop');
    expect(await grip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await page.waitForTimeout(150);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(250);
    await page.keyboard.press('Space');
    await until(async () => (await inColumn(other, columns[1]!.name, title).count()) === 1, 'the keyboard move on the other screen');
  });

  it('a far card scrolled to is dragged with the mouse to a new place in its column', async () => {
    const page = await openBoard();
    const title = `Langt kort ${EXTRA_CARDS - 1}`;
    const from = inColumn(page, columns[0]!.name, title);
    await from.scrollIntoViewIfNeeded();
    await until(async () => (await from.getByRole('button', { name: 'Træk kort' }).getAttribute('aria-roledescription')) !== null, 'the far card to join');
    const start = (await from.boundingBox())!;
    const above = (await inColumn(page, columns[0]!.name, `Langt kort ${EXTRA_CARDS - 4}`).boundingBox())!;
    const [x, y0, y1] = [start.x + start.width / 2, start.y + 20, above.y + 10];
    await page.mouse.move(x, y0);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(x, y0 + ((y1 - y0) * i) / 12);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(100);
    await page.mouse.up();
    const order = async () =>
      page.getByRole('region', { name: columns[0]!.name, exact: true }).locator('[data-card-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-card-id')));
    await until(async () => (await order()).indexOf(`long-${EXTRA_CARDS - 1}`) === (await order()).indexOf(`long-${EXTRA_CARDS - 4}`) - 1, 'the card placed above the third card before it');
  });
});
