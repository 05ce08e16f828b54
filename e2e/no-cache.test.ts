// The first chapter and the home page in a real Chromium, against the shared dev server. Only the
// no-cache chapter is visited; its task list comes from its tasks module.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { tasks } from '../chapters/01-no-cache/tasks';
import { formatBytes } from '../playground/preview';
import { describeInChromium, sendFromPlayground } from './browser';

const CHAPTER = '/chapters/no-cache';
const TITLE = 'A file server that never caches';

function task(id: string) {
  const found = tasks.find((t) => t.id === id);
  if (!found) throw new Error(`chapters/01-no-cache/tasks.ts has no task "${id}"`);
  return found;
}

describeInChromium('chapter "no-cache" and the home page in Chromium', (session) => {
  async function openChapter(): Promise<Page> {
    const page = await session.open(CHAPTER);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    return page;
  }
  const playgroundOf = (page: Page) => page.locator('section.playground').first();
  const taskItem = (page: Page, id: string) => page.getByTestId('task').filter({ hasText: task(id).text });

  it('answers 200 with the whole file, even to If-Modified-Since', async () => {
    const page = await openChapter();
    const playground = playgroundOf(page);
    const file = (await playground.getByLabel(/^Path/).inputValue()).replace(/^\//, '');
    const listed = (await (await fetch(`${session.url}/api/stages/no-cache/files`)).json()) as { name: string; size: number }[];
    const size = listed.find((f) => f.name === file)?.size;
    expect(size, `${file} in the no-cache stage`).toBeGreaterThan(0);

    const plain = await sendFromPlayground(page, playground);
    expect([plain.status, plain.bodyBytes]).toEqual([200, size]);
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('200');
    await expect.poll(() => playground.getByTestId('body-size').textContent(), { timeout: 10_000 }).toBe(formatBytes(size!));

    await playground.getByRole('button', { name: 'If-Modified-Since: now' }).click();
    const conditional = await sendFromPlayground(page, playground);
    expect([conditional.status, conditional.bodyBytes]).toEqual([200, size]);
    expect(task('ims-ignored').check([conditional], [])).toBe(true); // this request alone does the task
    await expect.poll(() => taskItem(page, 'ims-ignored').getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
  }, 30_000);

  it('shows the seed answering 304 to a tag it never sent, and ticks that task', async () => {
    const page = await openChapter();
    const playground = playgroundOf(page);
    await playground.getByLabel('Stage', { exact: true }).selectOption('seed');
    await playground.getByRole('button', { name: 'If-None-Match: "anything"' }).click();
    const exchange = await sendFromPlayground(page, playground);
    expect([exchange.stage, exchange.status]).toEqual(['seed', 304]);
    expect(task('seed-any-etag').check([], [exchange])).toBe(true); // the seed is the stage it compares with
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('304');
    await expect.poll(() => taskItem(page, 'seed-any-etag').getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
  }, 30_000);

  it('fits a phone screen: nothing scrolls sideways, even after a response', async () => {
    for (const path of ['/', CHAPTER]) {
      const phone = await session.open(path, { viewport: { width: 390, height: 844 } });
      if (path !== '/') {
        await phone.getByTestId('send').first().click();
        await phone.getByTestId('status').first().waitFor();
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  }, 30_000);

  it('keeps progress on the home page, and the theme across a reload', async () => {
    // A task done here (other tests' exchanges in the shared log may tick more: the count is read).
    // Leaving the chapter ends its live log, so nothing ticks while the home page is read.
    const chapter = await openChapter();
    await sendFromPlayground(chapter, playgroundOf(chapter));
    await expect.poll(() => taskItem(chapter, 'get-full-200').getAttribute('data-done'), { timeout: 10_000 }).toBe('true');

    const page = await session.open('/');
    const bar = page.getByRole('progressbar', { name: `${TITLE}: tasks done`, exact: true });
    expect(await bar.getAttribute('max')).toBe(String(tasks.length));
    const done = Number(await bar.getAttribute('value'));
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThanOrEqual(tasks.length);
    const progress = page.getByTestId('chapter-progress').filter({ has: bar });
    expect(await progress.textContent()).toContain(`${done}/${tasks.length} tasks`);

    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    const after = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(after).not.toBe(before);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
  }, 30_000);
});
