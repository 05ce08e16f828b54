// What a learner noticed in the playground, checked in a real Chromium against the shared dev
// server: the fields the browser adds are marked and explained; "Copy as curl" copies what was sent.
import { execFileSync, spawnSync } from 'node:child_process';
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

  it('shows the response head as it went over the wire: the stage\'s names in their case and order, then node\'s', async () => {
    const { page, playground } = await openPlayground();
    const exchange = await sendFromPlayground(page, playground);
    const panel = playground.getByRole('region', { name: 'Response headers' });
    await expect.poll(() => panel.locator('dt').allTextContents(), { timeout: 10_000 }).toEqual(exchange.responseHeaders.map(([name]) => `${name}:`));
    const names = exchange.responseHeaders.map(([name]) => name);
    expect(names.slice(0, 2)).toEqual(['Content-Type', 'Content-Length']); // the no-cache stage's own, as it wrote them
    expect(names).toContain('Date'); // added by node, and on the wire
  }, 30_000);

  it('copies as curl the URL the browser sends, percent-encoded, and curl accepts it', async () => {
    const { page, playground } = await openPlayground();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    await playground.getByLabel(/^Path/).fill('/a b.txt');
    await playground.getByRole('button', { name: 'Copy as curl' }).click();
    const command = await playground.locator('.curl textarea').inputValue();
    expect(command).toBe(`curl -i ${session.url}/ch/no-cache/a%20b.txt`);
    // curl takes it (a raw space it would refuse): it reaches the server, which has no such file.
    if (spawnSync('curl', ['--version']).status === 0) {
      const status = execFileSync('sh', ['-c', `${command} -s -o /dev/null -w '%{http_code}'`]).toString();
      expect(status).toBe('404');
    }
    // What the playground sends for the same path is that very URL.
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/ch/no-cache/a')),
      playground.getByTestId('send').click(),
    ]);
    expect(request.url()).toBe(`${session.url}/ch/no-cache/a%20b.txt`);
  }, 30_000);

  it('has room for a date in a header value, no squashed empty table, and keeps "173 B" together on a phone', async () => {
    const { page, playground } = await openPlayground();
    expect(await playground.locator('.header-editor table').count()).toBe(0); // no rows: no table, only the sentence
    await playground.getByRole('button', { name: 'If-Modified-Since: now' }).click();
    const value = playground.getByLabel('Header value');
    expect(await value.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);

    const phone = await session.open('/chapters/no-cache', { viewport: { width: 390, height: 844 } });
    const sizes = phone.locator('section.demo .request-log summary .nowrap');
    await sizes.first().waitFor();
    // The lines each size sits on (its boxes' distinct tops): one each, never broken across lines.
    // Polled: a CI run once read a size with no boxes at all (0 lines) just after it showed, while
    // the page was still settling; a size broken across lines still fails after the poll's 5 s.
    const lines = () => sizes.evaluateAll((spans) => spans.map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size));
    await expect.poll(lines).toSatisfy((each: number[]) => each.length > 0 && each.every((n) => n === 1));
  }, 30_000);

  it('shows a focus ring on the demo frame when the keyboard is in it', async () => {
    const { page } = await openPlayground();
    const frame = page.getByTestId('demo-frame');
    await frame.focus();
    await expect.poll(() => frame.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  }, 30_000);

  it('edits VERSION from its current content, and asks before emptying it', async () => {
    const { page } = await openPlayground();
    const experiments = page.locator('fieldset.experiments');
    await experiments.getByLabel('File', { exact: true }).selectOption('VERSION');
    await experiments.getByText('Edit VERSION').click();
    const box = experiments.getByLabel('Content of VERSION');
    const served = await (await fetch(`${session.url}/ch/no-cache/VERSION`)).text();
    await expect.poll(() => box.inputValue()).toBe(served);
    await box.fill('');
    await experiments.getByRole('button', { name: 'Save (PUT)' }).click();
    await experiments.getByTestId('confirm-empty').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Empty VERSION');
    await experiments.getByRole('button', { name: 'Keep editing' }).click();
    expect(await (await fetch(`${session.url}/ch/no-cache/VERSION`)).text()).toBe(served); // unchanged
  }, 30_000);
});
