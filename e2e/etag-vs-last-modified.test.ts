// Chapter 5 in a real Chromium, against the shared dev server: the tag takes precedence over a
// stale date; "Rewrite, same size, same mtime" from the page is missed by the date and caught by
// the tag; touch changes the date and not the tag; the replica, chosen in the playground, sends
// the same ETag with another Last-Modified. Each test resets the stage's files first.
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { parseHttpDate } from '../server/http/http-date';
import { tasks } from '../chapters/05-etag-vs-last-modified/tasks';
import { describeInChromium, sendFromPlayground } from './browser';

const CHAPTER = '/chapters/etag-vs-last-modified';
const STAGE = 'etag-vs-last-modified';
const REPLICA = 'etag-vs-last-modified-replica';
const HOUR_MS = 60 * 60 * 1000;

const header = (pairs: [string, string][], name: string) => pairs.find(([n]) => n.toLowerCase() === name)?.[1];
const task = (id: string) => tasks.find((t) => t.id === id)!;

describeInChromium('chapter "etag-vs-last-modified" in Chromium', (session) => {
  async function openChapter(): Promise<{ page: Page; playground: Locator; demo: Locator }> {
    await fetch(`${session.url}/api/stages/${STAGE}/reset`, { method: 'POST' });
    const page = await session.open(CHAPTER);
    await page.getByRole('heading', { level: 1, name: 'ETag or Last-Modified: which one wins' }).waitFor();
    const playground = page.getByRole('region', { name: `Playground for the ${STAGE} stage` });
    const demo = page.getByRole('region', { name: `Demo page of the ${STAGE} stage` });
    return { page, playground, demo };
  }

  it('shows the racy rule and the cache, pulled from the server source', async () => {
    const { page } = await openChapter();
    for (const text of ['export function mayTrustCachedHash', 'async tagFor(filePath: string', 'export function etagVsLastModifiedStage']) {
      await expect.poll(() => page.locator('pre').filter({ hasText: text }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
  }, 30_000);

  it('a matching tag with a stale date gets a 304; another tag with a fresh date gets a 200', async () => {
    const { page, playground } = await openChapter();
    const first = await sendFromPlayground(page, playground);
    expect(first.status).toBe(200);
    expect(header(first.responseHeaders, 'etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);

    await playground.getByTestId('use-validators').click();
    await playground.getByRole('button', { name: 'If-Modified-Since: 1 Jan 2000' }).click();
    const stale = await sendFromPlayground(page, playground);
    expect(header(stale.requestHeaders, 'if-none-match')).toBe(header(first.responseHeaders, 'etag'));
    expect(header(stale.requestHeaders, 'if-modified-since')).toBe('Sat, 01 Jan 2000 00:00:00 GMT');
    expect(stale.status).toBe(304);
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('304');

    await playground.getByRole('button', { name: 'If-None-Match: "anything"' }).click();
    await playground.getByRole('button', { name: 'If-Modified-Since: now' }).click();
    const fresh = await sendFromPlayground(page, playground);
    expect(fresh.status).toBe(200);

    expect(task('tag-beats-stale-date').check([first, stale], [])).toBe(true);
    expect(task('mismatch-beats-fresh-date').check([first, stale, fresh], [])).toBe(true);
    // The page ticked them too.
    for (const id of ['tag-beats-stale-date', 'mismatch-beats-fresh-date']) {
      const item = page.getByTestId('task').filter({ hasText: task(id).text });
      await expect.poll(() => item.getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
    }
  }, 45_000);

  it('"Rewrite, same size, same mtime": the date gets a 304, the tag a 200 with new bytes', async () => {
    const { page, playground, demo } = await openChapter();
    const first = await sendFromPlayground(page, playground);
    expect(first.status).toBe(200);

    await demo.getByLabel('File', { exact: true }).selectOption('monitor.css');
    await demo.getByRole('button', { name: 'Rewrite, same size, same mtime' }).click();
    await expect.poll(() => demo.locator('.experiment-result').textContent(), { timeout: 10_000 }).toMatch(/^Rewrote monitor\.css: /);

    await playground.getByTestId('use-validators').click();
    await playground.getByRole('button', { name: 'Remove header If-None-Match' }).click(); // the date alone
    const byDate = await sendFromPlayground(page, playground);
    expect(header(byDate.requestHeaders, 'if-none-match')).toBeUndefined();
    expect(header(byDate.requestHeaders, 'if-modified-since')).toBe(header(first.responseHeaders, 'last-modified'));
    expect(byDate.status).toBe(304); // missed

    await playground.getByTestId('use-validators').click(); // both again, as a browser sends them
    const byTag = await sendFromPlayground(page, playground);
    expect(header(byTag.requestHeaders, 'if-none-match')).toBe(header(first.responseHeaders, 'etag'));
    expect(byTag.status).toBe(200);
    expect(header(byTag.responseHeaders, 'last-modified')).toBe(header(first.responseHeaders, 'last-modified'));
    expect(header(byTag.responseHeaders, 'etag')).not.toBe(header(first.responseHeaders, 'etag'));
    expect(task('rewrite-caught-by-tag').check([first, byDate, byTag], [])).toBe(true);
  }, 45_000);

  it('touch: a later Last-Modified, the same ETag, and a 304 to the tag', async () => {
    const { page, playground, demo } = await openChapter();
    const first = await sendFromPlayground(page, playground);
    await demo.getByLabel('File', { exact: true }).selectOption('monitor.css');
    await demo.getByRole('button', { name: 'Touch a file' }).click();
    await expect.poll(() => demo.locator('.experiment-result').textContent(), { timeout: 10_000 }).toMatch(/^Touched monitor\.css: /);

    await playground.getByTestId('use-validators').click();
    const kept = await sendFromPlayground(page, playground);
    expect(kept.status).toBe(304);
    expect(header(kept.responseHeaders, 'etag')).toBe(header(first.responseHeaders, 'etag'));
    expect(parseHttpDate(header(kept.responseHeaders, 'last-modified')!)!).toBeGreaterThan(parseHttpDate(header(first.responseHeaders, 'last-modified')!)!);
    expect(task('touch-keeps-tag').check([first, kept], [])).toBe(true);
  }, 45_000);

  it('the replica, chosen in the playground: the same ETag, a Last-Modified an hour earlier', async () => {
    await fetch(`${session.url}/api/stages/${REPLICA}/reset`, { method: 'POST' });
    const { page, playground } = await openChapter();
    const here = await sendFromPlayground(page, playground);
    await playground.getByLabel('Stage', { exact: true }).selectOption(REPLICA);
    const replicaPlayground = page.getByRole('region', { name: `Playground for the ${REPLICA} stage` });
    const there = await sendFromPlayground(page, replicaPlayground);
    expect(there.stage).toBe(REPLICA);
    expect(header(there.responseHeaders, 'etag')).toBe(header(here.responseHeaders, 'etag'));
    const hereDate = parseHttpDate(header(here.responseHeaders, 'last-modified')!)!;
    const thereDate = parseHttpDate(header(there.responseHeaders, 'last-modified')!)!;
    expect(hereDate - thereDate).toBe(HOUR_MS);
    const item = page.getByTestId('task').filter({ hasText: task('replica-validators-disagree').text });
    await expect.poll(() => item.getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
  }, 45_000);
});
