// The last-modified chapter in a real Chromium, against the real dev server: the playground gets
// a 200, then a 304 with the validators it was given; the demo frame's reload shows the browser's
// own If-Modified-Since in the live request log.
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startDevServer } from './browser';

// Skipped only outside CI on a machine without Chromium (the reason and the install command are
// printed); with CI=true, chromiumAvailable() throws instead, so CI can never skip these.
const available = chromiumAvailable();

describe.skipIf(!available)('chapter "last-modified" in Chromium', () => {
  let browser: Browser;
  let dev: { url: string; server: ViteDevServer };
  let page: Page;

  beforeAll(async () => {
    [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${dev.url}/chapters/last-modified`);
    await page.getByRole('heading', { level: 1, name: 'Last-Modified and If-Modified-Since' }).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dev?.server.close();
  });

  it('shows the chapter with its code pulled from the server source', async () => {
    const code = page.locator('pre').filter({ hasText: 'export function isNotModified' });
    await expect.poll(() => code.count()).toBeGreaterThan(0);
  });

  it('sends a GET and shows 200, then uses the validators and shows 304', async () => {
    const playground = page.getByRole('region', { name: 'Playground for the last-modified stage' });
    await playground.getByTestId('send').click();
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('200');

    await playground.getByTestId('use-validators').click();
    const names = await playground.getByLabel('Header name').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(names).toContain('If-Modified-Since');

    await playground.getByTestId('send').click();
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('304');
  }, 30_000);

  it("reloads the demo frame and sees the browser's own If-Modified-Since in the log", async () => {
    const demo = page.getByRole('region', { name: 'Demo page of the last-modified stage' });
    const frame = page.frameLocator('[data-testid="demo-frame"]');
    await frame.getByRole('heading', { name: 'FreezerBurn monitor' }).waitFor({ timeout: 10_000 });
    const sent = await page.evaluate(async () => (await fetch('/ch/last-modified/index.html', { cache: 'no-store' })).headers.get('last-modified'));
    expect(sent).toMatch(/GMT$/);

    await demo.getByTestId('reload-frame').click();
    const revalidation = demo
      .getByTestId('log-row')
      .filter({ hasText: '/index.html' })
      .filter({ hasText: '304' })
      .filter({ hasText: `If-Modified-Since` });
    await revalidation.first().waitFor({ timeout: 10_000 });
    // The browser echoes the server's Last-Modified string verbatim.
    expect(await revalidation.first().textContent()).toContain(sent!);
  }, 30_000);
});
