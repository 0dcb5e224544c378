import type { Page } from 'playwright-core';
import { createTestSession } from './auth';
import type { TestServer } from './test-server';

/** Who looks at a screen: nobody signed in, an administrator, or an enrolled wall screen of the given mode. */
export type Viewer = 'anonymous' | 'admin' | 'device-touch';

export interface Viewport {
  width: number;
  height: number;
}

/** One screen of the app as the suite visits it: a page, and what is opened on it (a dialog, a menu, a tab). */
export interface Screen {
  name: string;
  viewer: Viewer;
  path: (ctx: ScreenContext) => string;
  /** Waits until the screen shows its content, then opens what the screen is about (a dialog, a tab). */
  ready: (page: Page) => Promise<void>;
  /** The sizes the accessibility sweep checks it at (default: a laptop, 1280×800). */
  sweepAt?: readonly Viewport[];
  /** The sizes `npm run screenshots` shoots it at (default: every size in VIEWPORTS; `[]`: none). */
  shootAt?: readonly Viewport[];
  /**
   * Changes what the server holds (starts the sweep's meeting): sweeps that visit screens several at once visit these
   * last and one at a time (sweepOrder), so two pages never race to start the same meeting.
   */
  sequential?: true;
}

export interface ScreenContext {
  /** A finished meeting on the clinic board (for the minutes screen). */
  minutesMeetingId: string;
}

export const WARD_BOARD = 'board-n2';
export const CLINIC_BOARD = 'board-k-nord';
export const PSYCHIATRY_BOARD = 'board-psyk';
/** The board whose meeting the sweep starts: no other screen shows it, so a running meeting changes none of them. */
export const MEETING_BOARD = 'board-k-syd';

export const LANDSCAPE: Viewport = { width: 1920, height: 1080 };
export const PORTRAIT: Viewport = { width: 1080, height: 1920 };
export const LAPTOP: Viewport = { width: 1280, height: 800 };
export const PHONE: Viewport = { width: 390, height: 844 };

/** The viewport sizes every screen is shot at: projector, laptop, small laptop, portrait wall, phone. */
export const VIEWPORTS: readonly Viewport[] = [LANDSCAPE, LAPTOP, { width: 1366, height: 768 }, PORTRAIT, PHONE];

const connected = (page: Page) => page.getByText(/^(Forbundet|Connected)$/).first().waitFor();
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();
/** A tab of the admin page, opened from the address, once its panel has its data (no longer "Henter …"). */
const adminTab = (page: Page) => page.locator('[role="tabpanel"][data-state="active"]:not(:has-text("Henter"))').first().waitFor();
const opened = (dialog: (page: Page) => Promise<void>) => async (page: Page) => {
  await dialog(page);
  // Radix animates dialogs and menus in; axe and the camera should see them settled.
  await page.waitForTimeout(200);
};

/** Every screen the screenshots and the accessibility sweep visit, in one list. */
export const SCREENS: readonly Screen[] = [
  { name: 'sign-in', viewer: 'anonymous', path: () => '/', ready: (p) => p.getByRole('button', { name: /^(Log ind|Sign in)$/ }).first().waitFor() },
  {
    name: 'sign-in-from-board-link',
    viewer: 'anonymous',
    path: () => `/boards/${WARD_BOARD}`,
    ready: (p) => p.getByRole('button', { name: /^(Log ind|Sign in)$/ }).first().waitFor(),
    shootAt: [],
  },
  { name: 'wall-enrol', viewer: 'anonymous', path: () => '/wall/enrol', ready: heading, shootAt: [LANDSCAPE, PORTRAIT] },
  { name: 'overview', viewer: 'admin', path: () => '/', ready: (p) => p.getByRole('treegrid').waitFor(), sweepAt: [LAPTOP, PHONE] },
  {
    name: 'phone-menu',
    viewer: 'admin',
    path: () => '/',
    ready: opened(async (p) => {
      await p.getByRole('treegrid').waitFor();
      await p.getByRole('button', { name: 'Menu' }).click();
      await p.getByRole('menu').waitFor();
    }),
    sweepAt: [PHONE],
    shootAt: [PHONE],
  },
  // The projector's layout and the phone's stacked one have their own type sizes and colours on the tiles.
  { name: 'board-psychiatry', viewer: 'admin', path: () => `/boards/${PSYCHIATRY_BOARD}`, ready: connected, sweepAt: [LAPTOP, LANDSCAPE, PHONE] },
  { name: 'board-clinic', viewer: 'admin', path: () => `/boards/${CLINIC_BOARD}`, ready: connected },
  { name: 'board-ward', viewer: 'admin', path: () => `/boards/${WARD_BOARD}`, ready: connected },
  {
    name: 'board-ward-measurement-dialog',
    viewer: 'admin',
    path: () => `/boards/${WARD_BOARD}`,
    ready: opened(async (page) => {
      await connected(page);
      await page.getByRole('button', { name: /^(Flere handlinger|More actions): Sygefravær/ }).click();
      await page.getByRole('menuitem', { name: /Registrér måling|Record measurement/ }).click();
      await page.getByRole('dialog').waitFor();
    }),
  },
  {
    name: 'board-ward-move-menu',
    viewer: 'admin',
    path: () => `/boards/${WARD_BOARD}`,
    ready: opened(async (page) => {
      await connected(page);
      await page.getByRole('button', { name: /^(Flyt til …|Move to…)$/ }).first().click();
      await page.getByRole('menu').waitFor();
    }),
  },
  {
    name: 'board-ward-card-dialog',
    viewer: 'admin',
    path: () => `/boards/${WARD_BOARD}`,
    ready: opened(async (page) => {
      await connected(page);
      await page.locator('.card__title').first().click();
      await page.getByRole('dialog').waitFor();
    }),
    shootAt: [],
  },
  { name: 'wall', viewer: 'device-touch', path: () => `/wall/${WARD_BOARD}`, ready: connected, sweepAt: [LANDSCAPE, PORTRAIT] },
  { name: 'wall-other-board', viewer: 'device-touch', path: () => `/wall/${CLINIC_BOARD}`, ready: heading, shootAt: [LANDSCAPE] },
  { name: 'goals', viewer: 'admin', path: () => '/goals', ready: heading },
  {
    name: 'goals-business-case-dialog',
    viewer: 'admin',
    path: () => '/goals',
    ready: opened(async (page) => {
      await heading(page);
      await page.getByRole('button', { name: /^(Handlinger for målet|Actions for the goal) "Ingen bæltefikseringer/ }).first().click();
      await page.getByRole('menuitem', { name: /Vis detaljer og indsatser|Show details and initiatives/ }).click();
      await page.getByRole('button', { name: /^(Ny indsats med business case|New initiative with business case)/ }).first().click();
      await page.getByRole('dialog').waitFor();
    }),
  },
  { name: 'indicator', viewer: 'admin', path: () => '/indicators/sygefravaer?unit=n2', ready: heading },
  { name: 'status-report', viewer: 'admin', path: () => '/reports/status?unit=n2', ready: heading },
  { name: 'meeting-before', viewer: 'admin', path: () => `/boards/${CLINIC_BOARD}/meeting`, ready: heading },
  {
    name: 'meeting-running',
    viewer: 'admin',
    path: () => `/boards/${MEETING_BOARD}/meeting`,
    sequential: true,
    ready: async (page) => {
      await heading(page);
      await startMeeting(page);
    },
  },
  {
    name: 'meeting-end-dialog',
    viewer: 'admin',
    path: () => `/boards/${MEETING_BOARD}/meeting`,
    sequential: true,
    ready: opened(async (page) => {
      await heading(page);
      await startMeeting(page);
      await page.getByRole('button', { name: /^(Afslut møde|End meeting)$/ }).click();
      await page.getByRole('dialog').waitFor();
    }),
  },
  { name: 'minutes', viewer: 'admin', path: (c) => `/boards/${CLINIC_BOARD}/meetings/${c.minutesMeetingId}`, ready: heading },
  ...(['users', 'units', 'boards', 'indicators', 'devices', 'tokens', 'audit', 'account'] as const).map(
    (tab): Screen => ({ name: `admin-${tab}`, viewer: 'admin', path: () => `/admin?tab=${tab}`, ready: adminTab }),
  ),
  {
    name: 'admin-role-dialog',
    viewer: 'admin',
    path: () => '/admin?tab=users',
    ready: opened(async (page) => {
      await adminTab(page);
      await page.getByRole('button', { name: /^(Tilføj rolle til|Add a role for) / }).first().click();
      await page.getByRole('dialog').waitFor();
    }),
  },
  { name: 'not-found', viewer: 'admin', path: () => '/no-such-page', ready: heading, shootAt: [] },
];

/** The screens in the order a concurrent sweep visits them: the ones that change the server last (Screen.sequential). */
export function sweepOrder(screens: readonly Screen[]): Screen[] {
  return [...screens.filter((s) => !s.sequential), ...screens.filter((s) => s.sequential)];
}

/** Starts the meeting unless a screen before already did (the meeting runs on until someone ends it). */
async function startMeeting(page: Page): Promise<void> {
  const end = page.getByRole('button', { name: /^(Afslut møde|End meeting)$/ });
  const start = page.getByRole('button', { name: /^(Start møde|Start meeting)$/ });
  await Promise.race([end.waitFor(), start.waitFor()]);
  if (await start.isVisible()) await start.click();
  await end.waitFor();
  await page.getByRole('timer', { name: /^(Mødetid|Meeting time)/ }).waitFor();
}

/** An administrator's session token and an enrolled touch wall screen's device token on the demo server. */
export async function screenCredentials(srv: TestServer): Promise<{ session: string; device: string; ctx: ScreenContext }> {
  const { token: session } = createTestSession(srv.databasePath, 'Skærmbilleder');
  const headers = { cookie: `kaskade_session=${session}`, 'x-kaskade-csrf': '1', 'content-type': 'application/json' };
  const created = await fetch(`${srv.url}/api/admin/devices`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ boardId: WARD_BOARD, name: 'Vægskærm N2', mode: 'touch' }),
  }).then((r) => r.json() as Promise<{ code: string }>);
  const enrolled = await fetch(`${srv.url}/api/devices/enrol`, {
    method: 'POST',
    headers: { 'x-kaskade-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ code: created.code }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  const meetings = await fetch(`${srv.url}/api/boards/${CLINIC_BOARD}/meetings`, { headers }).then(
    (r) => r.json() as Promise<{ meetings: { id: string; endedAt: string | null }[] }>,
  );
  const done = meetings.meetings.find((m) => m.endedAt) ?? meetings.meetings[0];
  return { session, device: enrolled.token, ctx: { minutesMeetingId: done?.id ?? 'none' } };
}
