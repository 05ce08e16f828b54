// What a learner noticed in the playground, checked in a real Chromium against the shared dev
// server: the fields the browser adds are marked and explained; "Copy as curl" copies what was sent.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, sendFromPlayground } from './browser';

describeInChromium('the playground as a learner finds it, in Chromium', (session) => {
  async function openPlayground(path = '/chapters/no-cache') {
    const page = await session.open(path);
    await page.locator('main h1').waitFor();
    const playground = page.locator('section.playground').first();
    return { page, playground };
  }
  const receivedRow = (page: Page, name: string) =>
    page.getByTestId('received-headers').locator('div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}:$`, 'i') }) });

  it("marks the fields the browser added, and says where Pragma and Cache-Control come from", async () => {
    const { page, playground } = await openPlayground();
    await playground.getByRole('button', { name: 'If-Modified-Since: now' }).click();
    const exchange = await sendFromPlayground(page, playground);
    const names = exchange.requestHeaders.map(([n]) => n.toLowerCase());
    expect(names).toContain('pragma'); // what cache: 'no-store' makes Chromium add
    await receivedRow(page, 'pragma').waitFor();
    expect(await receivedRow(page, 'pragma').getAttribute('data-added')).toBe('true');
    expect(await receivedRow(page, 'pragma').locator('.added-mark').textContent()).toBe('(added by the browser, see below)');
    expect(await receivedRow(page, 'host').getAttribute('data-added')).toBe('true');
    expect(await receivedRow(page, 'if-modified-since').getAttribute('data-added')).toBe('false');
    expect(await page.getByTestId('added-note').textContent()).toContain("cache: 'no-store'");
    expect(await page.getByTestId('added-note').textContent()).toContain('Copy as curl');

    // Written by the learner, Cache-Control is the learner's own.
    await playground.getByRole('button', { name: 'Cache-Control: no-cache' }).click();
    await sendFromPlayground(page, playground);
    await expect.poll(() => receivedRow(page, 'cache-control').getAttribute('data-added')).toBe('false');
  }, 30_000);
});
