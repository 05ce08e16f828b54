// Chapter 6 in Chromium: a raw request to the seed brings back the FAKE secret from beside its
// folder, and the very same bytes sent to the path-stripping stage get a 4xx and nothing from
// outside; the two error pages for markup in the target; the chapter's tasks tick from the
// learner's own raw requests.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { tasks } from '../chapters/06-path-stripping/tasks';
import { FAKE_SECRET } from '../common/fake-files';
import { describeInChromium, rawRequestBoxes } from './browser';

const CHAPTER = '/chapters/path-stripping';

const taskDone = (page: Page, id: string) =>
  page.getByTestId('task').filter({ hasText: tasks.find((t) => t.id === id)!.text }).getAttribute('data-done');

/** Sends what the box holds to `stage`, and waits for its raw status line. */
async function send(box: ReturnType<Page['getByRole']>, stage: string): Promise<string> {
  await box.getByLabel('Stage').selectOption(stage);
  const before = await box.getByTestId('raw-announcement').textContent().catch(() => '');
  await box.getByRole('button', { name: 'Send raw request' }).click();
  await expect.poll(() => box.getByTestId('raw-announcement').textContent(), { timeout: 10_000 }).not.toBe(before);
  await expect.poll(() => box.getByTestId('raw-announcement').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Raw response from ${stage}: HTTP`));
  return (await box.getByTestId('raw-status-line').textContent()) ?? '';
}

describeInChromium('chapter 6: serving files safely', (session) => {
  it('the seed hands out the fake secret for /..\\secret.txt; path-stripping answers the same bytes with a 400', async () => {
    const page = await session.open(CHAPTER);
    const box = (await rawRequestBoxes(page)).first;
    expect(await box.getByRole('textbox').inputValue()).toBe('GET /..\\secret.txt HTTP/1.1\nHost: localhost\n\n');

    expect(await send(box, 'seed')).toBe('HTTP/1.1 200 OK');
    expect(await box.getByTestId('raw-body').textContent()).toContain(FAKE_SECRET.trimEnd());
    await expect.poll(() => taskDone(page, 'seed-leaks-fake-secret'), { timeout: 10_000 }).toBe('true');

    expect(await send(box, 'path-stripping')).toBe('HTTP/1.1 400 Bad Request');
    const body = (await box.getByTestId('raw-body').textContent()) ?? '';
    expect(body).toContain('backslash');
    expect(body).not.toContain('FAKE');
    await expect.poll(() => taskDone(page, 'safe-stage-refuses'), { timeout: 10_000 }).toBe('true');
  }, 40_000);

  it('markup in the target: the seed echoes it into its status line, path-stripping escapes it in its page', async () => {
    const page = await session.open(CHAPTER);
    const box = (await rawRequestBoxes(page)).last;
    expect(await box.getByRole('textbox').inputValue()).toBe('GET /<b>x</b> HTTP/1.1\nHost: localhost\n\n');

    expect(await send(box, 'seed')).toBe('HTTP/1.1 404 Unknown url /<b>x</b>');
    expect(await box.getByTestId('raw-body').textContent()).toContain('&lt;b&gt;x&lt;/b&gt;');

    expect(await send(box, 'path-stripping')).toMatch(/^HTTP\/1\.1 404 /);
    const safe = (await box.getByTestId('raw-body').textContent()) ?? '';
    expect(safe).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(safe).not.toContain('<b>');
    expect(await box.locator('.header-list').textContent()).toContain('X-Content-Type-Options: nosniff');
    await expect.poll(() => taskDone(page, 'error-pages-reflect'), { timeout: 10_000 }).toBe('true');
  }, 40_000);

  it('the playground sends /..%2fsecret.txt as written (the stage says 400), and refuses /..\\secret.txt, which the browser would send elsewhere', async () => {
    const page = await session.open(CHAPTER);
    const playground = page.getByRole('region', { name: 'Playground for the path-stripping stage' });
    const path = playground.getByLabel('Path (after /ch/path-stripping)');
    expect(await path.inputValue()).toBe('/..%2fsecret.txt');
    await playground.getByTestId('send').click();
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('400');
    await path.fill('/..\\secret.txt');
    await expect.poll(() => playground.getByTestId('path-problem').textContent(), { timeout: 10_000 }).toContain('would resolve it to /ch/secret.txt');
  }, 30_000);
});
