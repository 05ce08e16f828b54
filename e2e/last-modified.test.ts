// The last-modified chapter in a real Chromium, against the shared dev server: the playground gets
// a 200, then a 304 with the validators it was given; the demo frame's reload shows the browser's
// own If-Modified-Since in the live request log.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { tasks } from '../chapters/02-last-modified/tasks';
import { describeInChromium, sendFromPlayground } from './browser';

const CHAPTER = '/chapters/last-modified';

describeInChromium('chapter "last-modified" in Chromium', (session) => {
  async function openChapter(): Promise<Page> {
    const page = await session.open(CHAPTER);
    await page.getByRole('heading', { level: 1, name: 'Last-Modified and If-Modified-Since' }).waitFor();
    return page;
  }

  it('shows the chapter with its code pulled from the server source', async () => {
    const page = await openChapter();
    const code = page.locator('pre').filter({ hasText: 'export function checkIfModifiedSince' });
    await expect.poll(() => code.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  }, 30_000);

  it('sends a GET and shows 200, then uses the validators and shows 304', async () => {
    const page = await openChapter();
    const playground = page.getByRole('region', { name: 'Playground for the last-modified stage' });
    const first = await sendFromPlayground(page, playground);
    expect(first.status).toBe(200);
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('200');

    await playground.getByTestId('use-validators').click();
    const names = await playground.getByLabel('Header name').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(names).toContain('If-Modified-Since');

    const second = await sendFromPlayground(page, playground);
    expect(second.status).toBe(304);
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('304');
    const echo = tasks.find((t) => t.id === 'echo-304')!;
    expect(echo.check([first, second], [])).toBe(true); // these two requests alone do the task
  }, 30_000);

  it("reloads the demo frame and sees the browser's own If-Modified-Since in the log", async () => {
    const page = await openChapter();
    const demo = page.getByRole('region', { name: 'Demo page of the last-modified stage' });
    // The frame shows the page under a query string of this test's own, so its rows in the shared
    // log cannot be confused with anyone else's.
    const mark = `e2e=${randomUUID()}`;
    const frame = await (await demo.getByTestId('demo-frame').elementHandle())!.contentFrame();
    const loaded = await frame!.goto(`${session.url}/ch/last-modified/index.html?${mark}`);
    expect(loaded?.status()).toBe(200);
    const sent = loaded!.headers()['last-modified'];
    expect(sent).toMatch(/GMT$/);
    await frame!.getByRole('heading', { name: 'FreezerBurn monitor' }).waitFor();

    await demo.getByTestId('reload-frame').click();
    const revalidation = demo
      .getByTestId('log-row')
      .filter({ hasText: `/ch/last-modified/index.html?${mark} ` }) // the request line, in the row's details
      .filter({ has: page.locator('summary .status', { hasText: /^304$/ }) });
    await revalidation.waitFor();
    // The browser echoes the server's Last-Modified string verbatim.
    const conditional = await revalidation.locator('summary .log-header').allTextContents();
    expect(conditional.map((h) => h.toLowerCase())).toContain(`if-modified-since: ${sent}`.toLowerCase());
  }, 30_000);

  it('fits a phone screen: nothing scrolls sideways, even after a response', async () => {
    const phone = await session.open(CHAPTER, { viewport: { width: 390, height: 844 } });
    await phone.getByTestId('send').first().click();
    await phone.getByTestId('status').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }, 30_000);
});
