// The first chapter and the home page in a real Chromium, against the real dev server.
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startDevServer } from './browser';

// Skipped only outside CI on a machine without Chromium (the reason and the install command are
// printed); with CI=true, chromiumAvailable() throws instead, so CI can never skip these.
const available = chromiumAvailable();

describe.skipIf(!available)('chapter "no-cache" and the home page in Chromium', () => {
  let browser: Browser;
  let dev: { url: string; server: ViteDevServer };
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${dev.url}/chapters/no-cache`);
    await page.getByRole('heading', { level: 1, name: 'A file server that never caches' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dev?.server.close();
  });

  const playground = () => page.locator('section.playground').first();
  const status = () => playground().getByTestId('status').textContent();

  it('answers 200 with the whole file, even to If-Modified-Since', async () => {
    await playground().getByTestId('send').click();
    await expect.poll(status, { timeout: 10_000 }).toBe('200');
    await expect.poll(() => playground().getByTestId('body-size').textContent()).toContain('615');

    await playground().getByRole('button', { name: 'If-Modified-Since: now' }).click();
    await playground().getByTestId('send').click();
    await expect.poll(status, { timeout: 10_000 }).toBe('200');
    const task = page.getByTestId('task').filter({ hasText: 'see it ignored' });
    await expect.poll(() => task.getAttribute('data-done')).toBe('true');
  }, 30_000);

  it('shows the seed answering 304 to a tag it never sent, and ticks that task', async () => {
    await playground().getByLabel('Stage', { exact: true }).selectOption('seed');
    await playground().getByRole('button', { name: 'If-None-Match: "anything"' }).click();
    await playground().getByTestId('send').click();
    await expect.poll(status, { timeout: 10_000 }).toBe('304');
    const task = page.getByTestId('task').filter({ hasText: 'never sent' });
    await expect.poll(() => task.getAttribute('data-done')).toBe('true');
  }, 30_000);

  it('fits a phone screen: nothing scrolls sideways, even after a response', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of ['/', '/chapters/no-cache', '/chapters/last-modified']) {
        await phone.goto(dev.url + path);
        if (path !== '/') {
          await phone.getByTestId('send').first().click();
          await phone.getByTestId('status').first().waitFor();
        }
        expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      }
    } finally {
      await phone.close();
    }
  }, 30_000);

  it('keeps progress on the home page, and the theme across a reload', async () => {
    await page.goto(`${dev.url}/`);
    const progress = page.getByTestId('chapter-progress').first();
    await expect.poll(() => progress.textContent()).toMatch(/[1-9]\/4/);

    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    const after = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(after).not.toBe(before);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
    expect(errors).toEqual([]);
  }, 30_000);
});
