// The echoed-date chapter in a real Chromium, against the shared dev server: the browser's own
// revalidation sends Last-Modified back byte for byte, for this stage and for the 2008 server
// on a Tokyo clock (its local time labelled GMT); the playground shows the two rules disagree
// on a later date, and the task for it ticks.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { tasks } from '../chapters/03-echoed-date/tasks';
import { formatHttpDate, parseHttpDate } from '../server/http/http-date';
import { describeInChromium, sendFromPlayground, type Session } from './browser';

const CHAPTER = '/chapters/echoed-date';

describeInChromium('chapter "echoed-date" in Chromium', (session) => {
  async function openChapter(): Promise<Page> {
    const page = await session.open(CHAPTER);
    await page.getByRole('heading', { level: 1, name: 'The date the browser sends back' }).waitFor();
    return page;
  }

  it('shows the chapter with both rules pulled from the server source', async () => {
    const page = await openChapter();
    for (const text of ['export function checkIfModifiedSinceExact', 'export function dateComparingStage', 'function formatLocalTimeAsGmt']) {
      const code = page.locator('pre').filter({ hasText: text });
      await expect.poll(() => code.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
  }, 30_000);

  it('a later date: 304 from echoed-date, the whole file from echoed-date-exact, and the task ticks', async () => {
    const page = await openChapter();
    const playground = page.getByRole('region', { name: 'Playground for the echoed-date stage' });
    await playground.getByRole('button', { name: 'If-Modified-Since: now', exact: true }).click();
    const parsed = await sendFromPlayground(page, playground);
    expect([parsed.stage, parsed.status]).toEqual(['echoed-date', 304]);

    await playground.getByLabel('Stage', { exact: true }).selectOption('echoed-date-exact');
    const switched = page.getByRole('region', { name: 'Playground for the echoed-date-exact stage' });
    const exact = await sendFromPlayground(page, switched);
    expect([exact.stage, exact.status]).toEqual(['echoed-date-exact', 200]);
    const since = (ex: typeof exact) => ex.requestHeaders.find(([n]) => n.toLowerCase() === 'if-modified-since')?.[1];
    expect(since(exact)).toBe(since(parsed)); // the same header, sent to both
    expect(exact.bodyBytes).toBeGreaterThan(0);

    const task = tasks.find((t) => t.id === 'later-date-exact-200')!;
    expect(task.check([parsed], [exact])).toBe(true);
    await expect.poll(() => page.getByTestId('task').filter({ hasText: task.text }).getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
  }, 30_000);

  it("reloading the demo frame, Chromium sends this stage's Last-Modified back byte for byte", async () => {
    const page = await openChapter();
    const demo = page.getByRole('region', { name: 'Demo page of the echoed-date stage' });
    const { sent, echoed, logged } = await reloadAndCompare(session, page, demo, 'echoed-date');
    expect(sent).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
    expect(echoed).toBe(sent);
    expect(logged).toContain(`If-Modified-Since: ${sent}`);
    // The browser-echo task is about exactly this reload.
    const task = tasks.find((t) => t.id === 'browser-echo')!;
    await expect.poll(() => page.getByTestId('task').filter({ hasText: task.text }).getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
  }, 30_000);

  it("the 2008 server on a Tokyo clock: nine hours off, labelled GMT, echoed byte for byte and answered 304", async () => {
    const page = await openChapter();
    const demo = page.getByRole('region', { name: 'Demo page of the seed-tokyo stage' });
    const files = (await (await fetch(`${session.url}/api/stages/seed-tokyo/files`)).json()) as { name: string; mtime: number }[];
    const mtime = files.find((f) => f.name === 'index.html')!.mtime;
    const { sent, echoed, logged } = await reloadAndCompare(session, page, demo, 'seed-tokyo');
    expect(sent).toBe(formatHttpDate(Math.floor(mtime / 1000) * 1000 + 9 * 3600_000)); // local time, "GMT"
    expect(parseHttpDate(sent)! - mtime).toBeGreaterThan(8 * 3600_000);
    expect(echoed).toBe(sent);
    expect(logged).toContain(`If-Modified-Since: ${sent}`);
  }, 30_000);
});

/**
 * Loads the stage's page in the demo frame under a query string of this test's own, presses
 * "Reload frame", and returns the Last-Modified of the first load, the If-Modified-Since Chromium
 * sent on the reload, and the header lines of the 304's row in the live log (as the server got them).
 */
async function reloadAndCompare(session: Session, page: Page, demo: Locator, stage: string) {
  const mark = `e2e=${randomUUID()}`;
  const url = `${session.url}/ch/${stage}/index.html?${mark}`;
  const frame = await (await demo.getByTestId('demo-frame').elementHandle())!.contentFrame();
  const loaded = await frame!.goto(url);
  expect(loaded?.status()).toBe(200);
  const sent = loaded!.headers()['last-modified']!;
  await frame!.waitForLoadState('load');

  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url() === url && r.frame() === frame),
    demo.getByTestId('reload-frame').click(),
  ]);
  // What Chromium's network stack put on the wire (playwright reports the revalidated answer as
  // the cached 200, so the 304 is read from the server's log below).
  const echoed = (await request.allHeaders())['if-modified-since'];

  const row = demo
    .getByTestId('log-row')
    .filter({ hasText: `/ch/${stage}/index.html?${mark} ` })
    .filter({ has: page.locator('summary .status', { hasText: /^304$/ }) });
  await row.waitFor();
  const logged = (await row.locator('summary .log-header').allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
  return { sent, echoed, logged };
}
