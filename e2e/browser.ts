// Real-browser tests, the test side: every file drives the ONE Chromium and the ONE dev server
// (Vite with the course server mounted, as `npm run dev` runs it) that e2e/global-setup.ts
// starts for the whole run. Each file gets its own browser context (a fresh profile: no
// progress, no theme, no cache); each test loads its pages afresh.
//
// The server is shared, and so are its request log and its stage sandboxes: a test must not
// assume an empty log or untouched files. It resets what it changes (POST /api/stages/<stage>/reset)
// and checks its own exchanges (sendFromPlayground returns the one its request made).
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject } from 'vitest';
import { EXCHANGE_HEADER, type Exchange } from '../common/exchange';

/** Where the shared servers are: provided by e2e/global-setup.ts. */
export interface E2eTarget {
  /** The dev server, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** Chromium's playwright server, for chromium.connect(). */
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * Where the shared servers are; or why the browser tests are skipped (Chromium missing,
     * outside CI only) or fail (Chromium missing in CI, or a browser or dev server that did not start).
     */
    e2e: E2eTarget | { skipped: string } | { failed: string };
  }
}

export interface Session {
  /** The dev server's origin. */
  readonly url: string;
  /**
   * Loads a path of the dev server in this file's tab, afresh: nothing of the page before it
   * survives but the profile (storage, cache). Desktop-sized unless a viewport is given;
   * `onRequest` sees the tab's requests until the test ends. An uncaught error in the page fails
   * the test.
   */
  open(path: string, options?: { viewport?: Viewport; onRequest?: (request: Request) => void }): Promise<Page>;
  /**
   * Loads a path in a tab of ANOTHER browser context: a second learner, with a profile (storage,
   * cookies, learner id) of its own, made on first use and kept for the file.
   */
  openElsewhere(path: string): Promise<Page>;
}

type Viewport = { width: number; height: number };
const DESKTOP: Viewport = { width: 1280, height: 720 }; // playwright's default

/**
 * A describe block run in the shared Chromium: one browser context (a fresh profile) and one tab
 * for the file, the tab blank between tests. (A tab reloaded for each test is cheaper than a new
 * tab: no new renderer process.) Skipped (globalSetup printed why and how to install Chromium)
 * only when the browser is missing outside CI; when it is missing in CI, or the browser or the
 * dev server did not start, the file fails with the reason.
 */
/**
 * A describe block with the shared Chromium and dev server (global-setup.ts). The one place a
 * browser test may skip: outside CI, when Chromium is missing (globalSetup prints how to install
 * it); in CI globalSetup reports that as `failed`, thrown here.
 */
export function describeWithChromium(name: string, body: (target: E2eTarget) => void): void {
  const provided = inject('e2e');
  if (provided === undefined) {
    throw new Error('The browser tests run in the e2e project (npm run test:e2e): its globalSetup starts Chromium and the dev server.');
  }
  if ('failed' in provided) throw new Error(`[e2e] ${provided.failed}`);
  if ('skipped' in provided) describe.skip(name, () => {}); // Chromium missing outside CI: globalSetup said how to install it
  else describe(name, () => body(provided));
}

export function describeInChromium(name: string, body: (session: Session) => void): void {
  describeWithChromium(name, (target) => {
    let browser: Browser | undefined;
    let context: BrowserContext | undefined;
    let tab: Page | undefined;
    let otherTab: Page | undefined;
    let errors: string[] = [];
    let requestListeners: ((request: Request) => void)[] = [];

    async function openTab(): Promise<Page> {
      const page = await context!.newPage();
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on('request', (request) => requestListeners.forEach((listener) => listener(request)));
      return page;
    }

    const session: Session = {
      get url() {
        return target.url;
      },
      async open(path, { viewport = DESKTOP, onRequest } = {}) {
        if (!tab || tab.isClosed()) tab = await openTab(); // e.g. a test closed it
        await tab.setViewportSize(viewport);
        if (onRequest) requestListeners.push(onRequest);
        await tab.goto(target.url + path);
        return tab;
      },
      async openElsewhere(path) {
        if (!otherTab || otherTab.isClosed()) {
          const other = await browser!.newContext({ viewport: DESKTOP });
          other.setDefaultTimeout(10_000);
          otherTab = await other.newPage();
          otherTab.on('pageerror', (error) => errors.push(`${otherTab!.url()} (other context): ${error.message}`));
        }
        await otherTab.goto(target.url + path);
        return otherTab;
      },
    };

    beforeAll(async () => {
      browser = await chromium.connect(target.wsEndpoint);
      context = await browser.newContext({ viewport: DESKTOP });
      context.setDefaultTimeout(10_000); // a missing element fails the test well within its 30 s
      tab = await openTab();
    }, 30_000);

    afterEach(async () => {
      requestListeners = [];
      // Nothing of this test's page (its live log, a request under way) runs into the next test.
      if (tab && !tab.isClosed()) await tab.goto('about:blank');
      if (otherTab && !otherTab.isClosed()) await otherTab.goto('about:blank');
      const seen = errors;
      errors = [];
      expect(seen, 'uncaught errors in the page').toEqual([]);
    });

    afterAll(async () => {
      await browser?.close(); // a connected browser: closes this file's context and disconnects
    });

    body(session);
  });
}

/**
 * Clicks Send in a playground and returns the exchange the server logged for that very request
 * (found by the X-Cachecraft-Exchange header of its response), whatever else is in the shared log.
 */
export async function sendFromPlayground(page: Page, playground: Locator): Promise<Exchange> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.frame() === page.mainFrame() && r.request().resourceType() === 'fetch' && new URL(r.url()).pathname.startsWith('/ch/'),
    ),
    playground.getByTestId('send').click(),
  ]);
  const id = response.headers()[EXCHANGE_HEADER.toLowerCase()];
  if (!id) throw new Error(`${response.url()} came back without ${EXCHANGE_HEADER}`);
  const logged = await fetch(new URL(`/api/log/${id}`, response.url()));
  if (!logged.ok) throw new Error(`exchange ${id} is not in the log (${logged.status})`);
  return (await logged.json()) as Exchange;
}

/**
 * Chapter 6's two raw request boxes (the seed's, switchable to path-stripping, then
 * path-stripping's), once both are shown: each loads on its own (site/mdx-components.tsx), and
 * the second may appear first.
 */
export async function rawRequestBoxes(page: Page): Promise<{ first: Locator; last: Locator }> {
  const boxes = page.getByRole('region', { name: /^Raw request to the / });
  await expect.poll(() => boxes.count(), { timeout: 10_000 }).toBe(2);
  return { first: boxes.first(), last: boxes.last() };
}
