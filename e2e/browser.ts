// Real-browser tests, the test side: every file drives the ONE Chromium and the ONE dev server
// (Vite with the course server mounted, as `npm run dev` runs it) that e2e/global-setup.ts
// starts for the whole run. Each file gets its own browser context (a fresh profile: no
// progress, no theme, no cache); each test opens its own pages.
//
// The server is shared, and so are its request log and its stage sandboxes: a test must not
// assume an empty log or untouched files. It resets what it changes (POST /api/stages/<stage>/reset)
// and checks its own exchanges (sendFromPlayground returns the one its request made).
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
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
  /** This file's browser context (its own profile). */
  readonly context: BrowserContext;
  /**
   * Opens a new page at a path of the dev server. An uncaught error in it fails the test; it is
   * closed after the test. `beforeLoad` runs first, e.g. to listen to the page's requests.
   */
  open(path: string, options?: { viewport?: { width: number; height: number }; beforeLoad?: (page: Page) => void }): Promise<Page>;
}

/**
 * A describe block run in the shared Chromium. Skipped (globalSetup printed why and how to
 * install Chromium) only when the browser is missing outside CI; when it is missing in CI, or
 * the browser or the dev server did not start, the file fails with the reason.
 */
export function describeInChromium(name: string, body: (session: Session) => void): void {
  const provided = inject('e2e');
  if (provided === undefined) {
    throw new Error('The browser tests run in the e2e project (npm run test:e2e): its globalSetup starts Chromium and the dev server.');
  }
  if ('failed' in provided) throw new Error(`[e2e] ${provided.failed}`);
  const target = 'skipped' in provided ? undefined : provided;

  describe.skipIf(!target)(name, () => {
    let browser: Browser | undefined;
    let context: BrowserContext | undefined;
    let pages: { page: Page; errors: string[] }[] = [];

    const session: Session = {
      get url() {
        return target!.url;
      },
      get context() {
        if (!context) throw new Error('no browser context yet: use the session inside a test');
        return context;
      },
      async open(path, options = {}) {
        const page = await session.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        pages.push({ page, errors });
        if (options.viewport) await page.setViewportSize(options.viewport);
        options.beforeLoad?.(page);
        await page.goto(target!.url + path);
        return page;
      },
    };

    beforeAll(async () => {
      browser = await chromium.connect(target!.wsEndpoint);
      context = await browser.newContext();
      context.setDefaultTimeout(10_000); // a missing element fails the test well within its 30 s
    }, 30_000);

    afterEach(async () => {
      const opened = pages;
      pages = [];
      await Promise.all(opened.map(({ page }) => page.close()));
      for (const { page, errors } of opened) expect(errors, `uncaught errors in ${page.url()}`).toEqual([]);
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
