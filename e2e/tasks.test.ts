// "Try this" counts only the learner's own requests, in a real Chromium against the shared dev
// server (whose log holds every other test's requests too): a fresh browser has done nothing on
// any chapter, even once the demo frame has loaded; another browser's sends and another
// chapter's do not tick a task; "Reset progress" really resets. The chapters are read from the
// home page. The tests run in order, in one profile.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { tasks as noCacheTasks } from '../chapters/01-no-cache/tasks';
import { describeInChromium, sendFromPlayground } from './browser';

const NO_CACHE = '/chapters/no-cache';
const LAST_MODIFIED = '/chapters/last-modified';

describeInChromium('"try this" counts only the learner\'s own requests, in Chromium', (session) => {
  const progressText = (page: Page) => page.locator('.tasks-progress').textContent();
  const doneCount = async (page: Page) => Number(/(\d+) of \d+ done/.exec((await progressText(page)) ?? '')?.[1]);
  const taskItem = (page: Page, id: string) =>
    page.getByTestId('task').filter({ hasText: noCacheTasks.find((t) => t.id === id)!.text });
  const playgroundOf = (page: Page) => page.locator('section.playground').first();

  async function openChapter(path: string, open = session.open): Promise<Page> {
    const page = await open(path);
    await page.locator('main h1').waitFor();
    await page.locator('.tasks-progress').waitFor();
    return page;
  }

  /** Waits until the demo frame's own page load shows in the live log: the log is live and the frame's requests are in it. */
  async function frameLoadLogged(page: Page) {
    const demo = page.locator('section.demo');
    if ((await demo.count()) === 0) return;
    const stage = /Demo page of the (.+) stage/.exec((await demo.first().getAttribute('aria-label')) ?? '')![1]!;
    const frame = await (await demo.first().getByTestId('demo-frame').elementHandle())!.contentFrame();
    await frame!.waitForLoadState('load');
    await demo.first().getByTestId('log-row').filter({ hasText: `/ch/${stage}/index.html` }).first().waitFor();
  }

  it('a fresh browser has done no task on any chapter, even after the demo frame loaded', async () => {
    const home = await session.open('/');
    await home.locator('.chapter-list a').first().waitFor();
    const links = await home.locator('.chapter-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(2);
    // Other test files have sent requests to every stage by now; none of them is this learner's.
    for (const href of links) {
      const page = await openChapter(href);
      await frameLoadLogged(page);
      await page.waitForTimeout(300); // let any exchange still on its way arrive
      expect(await progressText(page), href).toMatch(/^0 of \d+ done/);
      expect(await page.locator('[data-testid="task"][data-done="true"]').count(), href).toBe(0);
      // The history is the learner's own sends: the frame's loads are not in it.
      expect(await page.locator('.history li').count(), href).toBe(0);
    }
    const again = await session.open('/');
    await again.getByRole('progressbar').first().waitFor();
    const values = await again.getByRole('progressbar').evaluateAll((bars) => bars.map((b) => (b as HTMLProgressElement).value));
    expect(values.length).toBe(links.length);
    expect(values.every((v) => v === 0)).toBe(true);
  }, 60_000);

  it("does not tick for another browser's sends, nor for the same experiment in another chapter", async () => {
    // Another learner gets a 200 for a GET, in chapter 1: it ticks there, not here.
    const other = await openChapter(NO_CACHE, session.openElsewhere);
    const theirs = await sendFromPlayground(other, playgroundOf(other));
    expect([theirs.status, theirs.chapter]).toEqual([200, 'no-cache']);
    expect(theirs.learner).toMatch(/^[0-9a-f]{24}$/);
    await expect.poll(() => taskItem(other, 'get-full-200').getAttribute('data-done')).toBe('true');

    // This learner does chapter 1's seed experiment, but in chapter 2 (its playground compares with the seed too).
    const chapter2 = await openChapter(LAST_MODIFIED);
    const playground2 = playgroundOf(chapter2);
    await playground2.getByLabel('Stage', { exact: true }).selectOption('seed');
    await playground2.getByRole('button', { name: 'If-None-Match: "anything"' }).click();
    const seed = await sendFromPlayground(chapter2, playground2);
    expect([seed.stage, seed.status, seed.chapter]).toEqual(['seed', 304, 'last-modified']);
    expect(seed.learner).not.toBe(theirs.learner);
    expect(noCacheTasks.find((t) => t.id === 'seed-any-etag')!.check([], [seed])).toBe(true); // it would, in chapter 1
    // The headers the learner wrote reached the stage; the course's tags did not.
    expect(seed.requestHeaders.map(([n]) => n.toLowerCase())).toContain('if-none-match');
    expect(seed.requestHeaders.map(([n]) => n.toLowerCase()).filter((n) => n.startsWith('x-cachecraft'))).toEqual([]);

    const chapter1 = await openChapter(NO_CACHE);
    await frameLoadLogged(chapter1);
    await chapter1.waitForTimeout(300);
    expect(await doneCount(chapter1)).toBe(0);
    expect(await taskItem(chapter1, 'seed-any-etag').getAttribute('data-done')).toBe('false');
    expect(await taskItem(chapter1, 'get-full-200').getAttribute('data-done')).toBe('false');

    // Its own GET in chapter 1 ticks exactly that task.
    await sendFromPlayground(chapter1, playgroundOf(chapter1));
    await expect.poll(() => taskItem(chapter1, 'get-full-200').getAttribute('data-done')).toBe('true');
    expect(await doneCount(chapter1)).toBe(1);
    expect(await chapter1.locator('.history li').count()).toBe(1);
  }, 60_000);

  it('"Reset progress" resets: the requests made before it no longer count, the ones after do', async () => {
    const page = await openChapter(NO_CACHE);
    await expect.poll(() => doneCount(page)).toBe(1); // from the test before
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect.poll(() => doneCount(page)).toBe(0);

    // The server's log still holds the GET from before; a reload replays it, and it still does not count.
    await page.reload();
    await page.locator('.tasks-progress').waitFor();
    await frameLoadLogged(page);
    await page.waitForTimeout(300);
    expect(await doneCount(page)).toBe(0);
    const home = await session.open('/');
    await home.getByRole('progressbar').first().waitFor();
    expect(await home.getByRole('progressbar').first().getAttribute('value')).toBe('0');

    const again = await openChapter(NO_CACHE);
    await sendFromPlayground(again, playgroundOf(again));
    await expect.poll(() => taskItem(again, 'get-full-200').getAttribute('data-done')).toBe('true');
    expect(await doneCount(again)).toBe(1);
  }, 60_000);
});
