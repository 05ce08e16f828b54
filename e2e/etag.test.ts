// The etag chapter in a real Chromium, against the shared dev server: the playground gets a 200
// with an ETag, a 304 for the tag sent back, a 304 for its weak form, and a 200 once the file has
// changed; the seed "confirms" a tag no server here sends while the etag stage does not; the demo
// frame's reload shows the browser's own If-None-Match in the live request log.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { tasks } from '../chapters/04-etag/tasks';
import { describeInChromium, sendFromPlayground } from './browser';

const CHAPTER = '/chapters/etag';
const check = (id: string) => tasks.find((t) => t.id === id)!.check;

describeInChromium('chapter "etag" in Chromium', (session) => {
  async function openChapter(): Promise<Page> {
    const page = await session.open(CHAPTER);
    await page.getByRole('heading', { level: 1, name: 'ETag and If-None-Match' }).waitFor();
    return page;
  }
  const playgroundOf = (page: Page) => page.locator('section.playground').first();
  async function setHeader(playground: Locator, name: string, value: string) {
    const names = await playground.getByLabel('Header name').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await playground.getByLabel('Header value').nth(names.indexOf(name)).fill(value);
  }
  const taskDone = (page: Page, id: string) =>
    page.getByTestId('task').filter({ hasText: tasks.find((t) => t.id === id)!.text }).getAttribute('data-done');

  afterAll(async () => {
    // The edit below changed the shared sandbox: put the samples back.
    await fetch(`${session.url}/api/stages/etag/reset`, { method: 'POST' });
  });

  it('shows the chapter with its code pulled from the server source', async () => {
    const page = await openChapter();
    for (const text of ['export function notModifiedHeaders', 'export function parseEntityTags', 'function taggingStage']) {
      const code = page.locator('pre').filter({ hasText: text });
      await expect.poll(() => code.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
  }, 30_000);

  it('gets a 200 with a quoted ETag, a 304 for it, a 304 for W/ before it, and a 200 after an edit', async () => {
    const page = await openChapter();
    const playground = playgroundOf(page);
    const first = await sendFromPlayground(page, playground);
    expect(first.status).toBe(200);
    const etag = first.responseHeaders.find(([name]) => name.toLowerCase() === 'etag')?.[1];
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);

    await playground.getByTestId('use-validators').click();
    const echo = await sendFromPlayground(page, playground);
    expect(echo.status).toBe(304);
    expect(echo.requestHeaders).toContainEqual([expect.stringMatching(/^if-none-match$/i), etag]);
    expect(echo.responseHeaders).toContainEqual([expect.stringMatching(/^etag$/i), etag]);
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('304');

    await setHeader(playground, 'If-None-Match', `W/${etag}`);
    const weak = await sendFromPlayground(page, playground);
    expect(weak.status).toBe(304);

    // An edit through the course's own API, as the page's "Edit" does.
    const edited = await fetch(`${session.url}/api/stages/etag/files/monitor.css`, { method: 'PUT', body: `/* ${randomUUID()} */\n` });
    expect(edited.ok).toBe(true);
    await setHeader(playground, 'If-None-Match', etag!);
    const after = await sendFromPlayground(page, playground);
    expect(after.status).toBe(200);
    expect(after.responseHeaders.find(([name]) => name.toLowerCase() === 'etag')?.[1]).not.toBe(etag);

    const exchanges = [first, echo, weak, after];
    for (const id of ['etag-304', 'weak-comparison', 'edited-200']) {
      expect(check(id)(exchanges, []), id).toBe(true);
      await expect.poll(() => taskDone(page, id), { timeout: 10_000 }).toBe('true');
    }
  }, 40_000);

  it('the preset tag gets a 200 from etag and a 304 from the seed', async () => {
    const page = await openChapter();
    const playground = playgroundOf(page);
    await playground.getByRole('button', { name: 'If-None-Match: "never-sent-by-this-server"' }).click();
    const fixed = await sendFromPlayground(page, playground);
    expect(fixed.stage).toBe('etag');
    expect(fixed.status).toBe(200);
    expect(fixed.requestHeaders).toContainEqual([expect.stringMatching(/^if-none-match$/i), '"never-sent-by-this-server"']);

    await playground.getByLabel('Stage', { exact: true }).selectOption('seed');
    const seed = await sendFromPlayground(page, playground);
    expect(seed.stage).toBe('seed');
    expect(seed.status).toBe(304);
    expect(seed.responseHeaders.some(([name]) => name.toLowerCase() === 'etag')).toBe(false);
    expect(check('seed-confirms-unknown-tag')([fixed], [seed])).toBe(true);
    await expect.poll(() => taskDone(page, 'seed-confirms-unknown-tag'), { timeout: 10_000 }).toBe('true');
  }, 30_000);

  it("reloads the demo frame and sees the browser's own If-None-Match, the tag verbatim, answered 304", async () => {
    const page = await openChapter();
    const demo = page.getByRole('region', { name: 'Demo page of the etag stage' });
    const mark = `e2e=${randomUUID()}`;
    const frame = await (await demo.getByTestId('demo-frame').elementHandle())!.contentFrame();
    const loaded = await frame!.goto(`${session.url}/ch/etag/index.html?${mark}`);
    expect(loaded?.status()).toBe(200);
    const sent = loaded!.headers()['etag'];
    expect(sent).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    await frame!.getByRole('heading', { name: 'FreezerBurn monitor' }).waitFor();

    await demo.getByTestId('reload-frame').click();
    const revalidation = demo
      .getByTestId('log-row')
      .filter({ hasText: `/ch/etag/index.html?${mark} ` })
      .filter({ has: page.locator('summary .status', { hasText: /^304$/ }) });
    await revalidation.waitFor();
    const conditional = (await revalidation.locator('summary .log-header').allTextContents()).map((h) => h.toLowerCase());
    expect(conditional).toContain(`if-none-match: ${sent}`.toLowerCase());
    expect(conditional).toContain(`if-modified-since: ${loaded!.headers()['last-modified']}`.toLowerCase()); // the date beside it
  }, 30_000);

  it('fits a phone screen: nothing scrolls sideways, even after a response', async () => {
    const phone = await session.open(CHAPTER, { viewport: { width: 390, height: 844 } });
    await phone.getByTestId('send').first().click();
    await phone.getByTestId('status').first().waitFor();
    await expect.poll(() => phone.evaluate(() => document.documentElement.scrollWidth), { timeout: 10_000 }).toBeLessThanOrEqual(390);
  }, 30_000);
});
