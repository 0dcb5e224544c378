import type { Page } from 'playwright-core';
import { createTestSession } from './auth';
import type { TestServer } from './test-server';

/** Who looks at a screen: nobody signed in, an administrator, or an enrolled wall screen of the given mode. */
export type Viewer = 'anonymous' | 'admin' | 'device-touch';

/** One screen of the app as the suite visits it; `owner` names the engineer whose screen it is. */
export interface Screen {
  name: string;
  owner: 'ui' | 'heatmap' | 'flows' | 'admin';
  viewer: Viewer;
  path: (ctx: ScreenContext) => string;
  /** A known open problem, named in the sweep's test title until it is fixed. */
  knownIssue?: string;
  /** Waits until the screen shows its content, then opens what the screen is about (a dialog, a tab). */
  ready: (page: Page) => Promise<void>;
}

export interface ScreenContext {
  /** A finished meeting on the clinic board (for the minutes screen). */
  minutesMeetingId: string;
}

export const WARD_BOARD = 'board-n2';
export const CLINIC_BOARD = 'board-k-nord';
export const PSYCHIATRY_BOARD = 'board-psyk';

const connected = (page: Page) => page.getByText(/^(Forbundet|Connected)$/).first().waitFor();
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();
const tab = (name: RegExp) => async (page: Page) => {
  await heading(page);
  await page.getByRole('tab', { name }).click();
  await page.waitForTimeout(300);
};

/** Every screen the screenshots and the accessibility sweep visit, in one list. */
export const SCREENS: readonly Screen[] = [
  {
    name: 'sign-in',
    owner: 'ui',
    viewer: 'anonymous',
    path: () => '/', ready: (p) => p.getByRole('button', { name: /Log ind|Sign in/ }).first().waitFor() },
  { name: 'overview', owner: 'heatmap', viewer: 'admin', path: () => '/', ready: heading },
  { name: 'board-psychiatry', owner: 'ui', viewer: 'admin', path: () => `/boards/${PSYCHIATRY_BOARD}`, ready: connected },
  { name: 'board-clinic', owner: 'ui', viewer: 'admin', path: () => `/boards/${CLINIC_BOARD}`, ready: connected },
  { name: 'board-ward', owner: 'ui', viewer: 'admin', path: () => `/boards/${WARD_BOARD}`, ready: connected },
  {
    name: 'board-ward-tile-menu',
    owner: 'ui',
    viewer: 'admin',
    path: () => `/boards/${WARD_BOARD}`,
    ready: async (page) => {
      await connected(page);
      await page.getByRole('button', { name: /^Flere handlinger: Sygefravær|^More actions: Sygefravær/ }).click();
      await page.getByRole('menuitem', { name: /Registrér måling|Record measurement/ }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'wall', owner: 'ui', viewer: 'device-touch', path: () => `/wall/${WARD_BOARD}`, ready: connected },
  { name: 'wall-other-board', owner: 'ui', viewer: 'device-touch', path: () => `/wall/${CLINIC_BOARD}`, ready: heading },
  { name: 'goals', owner: 'heatmap', viewer: 'admin', path: () => '/goals', ready: heading },
  { name: 'indicator', owner: 'heatmap', viewer: 'admin', path: () => '/indicators/sygefravaer?unit=n2', ready: heading },
  { name: 'meeting-before', owner: 'flows', viewer: 'admin', path: () => `/boards/${CLINIC_BOARD}/meeting`, ready: heading },
  { name: 'minutes', owner: 'flows', viewer: 'admin', path: (c) => `/boards/${CLINIC_BOARD}/meetings/${c.minutesMeetingId}`, ready: heading },
  { name: 'admin-users', owner: 'admin', viewer: 'admin', path: () => '/admin', ready: tab(/^(Brugere|Users)/) },
  ...(
    [
      ['units', /^(Enheder|Units)/],
      ['boards', /^(Tavler|Boards)/],
      ['indicators', /^(Indikatorer|Indicators)/],
      ['devices', /^(Skærme|Wall screens|Devices)/],
      ['audit', /^(Hændelseslog|Event log|Audit)/],
    ] as const
  ).map(([id, name]): Screen => ({ name: `admin-${id}`, owner: 'admin', viewer: 'admin', path: () => '/admin', ready: tab(name) })),
];

/** The viewport sizes every screen is shot at: projector, laptop, small laptop, portrait wall, phone. */
export const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1080, height: 1920 },
  { width: 390, height: 844 },
] as const;

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
