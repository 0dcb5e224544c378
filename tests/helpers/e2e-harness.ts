import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type RunnerTestCase, type TestContext, TestRunner, afterAll, afterEach, beforeAll } from 'vitest';
import type { AppDeps } from '../../server/app';
import { projectRoot } from '../../server/config';
import { launchBrowser } from './browser';
import { type TestServer, startTestServer } from './test-server';

const clientDir = join(projectRoot, 'dist', 'client');

export interface PageOptions {
  hasTouch?: boolean;
  viewport?: { width: number; height: number };
  /** A session token to sign the page in with (the cookie "Log ind" sets). */
  sessionToken?: string;
}

export interface E2eHarness {
  /** The demo organisation on a real server, serving the built client. */
  readonly srv: TestServer;
  /**
   * A screen of its own: a new browser context, as a second machine (a background tab would pause frames), owned by
   * one test: closed after it, and its page errors fail that test. A test run alone owns what it opens; a concurrent
   * test (`it.concurrent`) names itself with its context, as vitest cannot tell which of the running ones called.
   */
  newPage(options?: PageOptions, owner?: TestContext): Promise<Page>;
}

/** What one test opened, and the errors its pages threw. */
interface Opened {
  contexts: BrowserContext[];
  pageErrors: string[];
}

function ownerOf(owner: TestContext | undefined): RunnerTestCase {
  if (owner) return owner.task;
  const running = TestRunner.getCurrentTest();
  if (!running) throw new Error('newPage opens a page for a test: call it inside one (not in beforeAll)');
  if (running.concurrent) throw new Error(`newPage in concurrent test "${running.name}": pass the test's context`);
  return running;
}

/**
 * Registers the hooks every end-to-end file needs: one server and one Chromium for the file, each test's
 * contexts closed after it, and the test failed by any error thrown in one of its pages.
 */
export function useE2eHarness(app: Partial<AppDeps> = {}): E2eHarness {
  let srv: TestServer | undefined;
  let browser: Browser | undefined;
  const opened = new Map<RunnerTestCase, Opened>();

  beforeAll(async () => {
    if (!existsSync(join(clientDir, 'index.html'))) throw new Error('Build the client first: npm run build:client');
    srv = await startTestServer({ demo: true, clientDir, app });
    browser = await launchBrowser();
  });
  // Each test's own hook run: tests running side by side close and check only what they opened.
  afterEach(async ({ task, expect }) => {
    const mine = opened.get(task);
    if (!mine) return;
    opened.delete(task);
    await Promise.all(mine.contexts.map((c) => c.close()));
    expect(mine.pageErrors, 'errors thrown in the pages').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.stop();
  });

  return {
    get srv() {
      if (!srv) throw new Error('the server starts in beforeAll');
      return srv;
    },
    async newPage(options = {}, owner) {
      if (!browser || !srv) throw new Error('the browser starts in beforeAll');
      const test = ownerOf(owner);
      const mine = opened.get(test) ?? { contexts: [], pageErrors: [] };
      opened.set(test, mine);
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1400, height: 1000 },
        hasTouch: options.hasTouch ?? false,
      });
      mine.contexts.push(context);
      if (options.sessionToken) {
        await context.addCookies([{ name: 'kaskade_session', value: options.sessionToken, url: srv.url }]);
      }
      const page = await context.newPage();
      page.on('pageerror', (err) => mine.pageErrors.push(err.message));
      return page;
    },
  };
}

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
