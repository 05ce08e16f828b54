// Every page as a learner finds it, in a real Chromium: the home page and every chapter (read from
// the home page), in both themes, after a Send in each playground. No Markdown reaches the page as
// raw text (a table written as `| a | b |` is a table), and axe-core finds no accessibility
// violation.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './axe';
import { describeInChromium } from './browser';

const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };


/** Text nodes that look like a Markdown table row or its rule: Markdown that was not rendered. */
function rawTableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (node.parentElement?.closest('pre, code, textarea, .code-region')) continue; // code may hold anything
      if (/^\s*\|.*\|\s*$/m.test(text) || text.includes('|---|')) found.push(text.trim().slice(0, 120));
    }
    return found;
  });
}

describeInChromium('every page: rendered Markdown, and no axe-core violations in either theme', (session) => {
  async function pagePaths(): Promise<string[]> {
    const home = await session.open('/');
    await home.locator('.chapter-list a').first().waitFor();
    const chapters = await home.locator('.chapter-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(chapters.length).toBeGreaterThanOrEqual(2);
    return ['/', ...chapters];
  }

  async function setTheme(page: Page, theme: 'light' | 'dark') {
    const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
    if ((await toggle.count()) > 0) await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  }

  it('renders tables as tables: no `| … |` text on any page', async () => {
    const paths = await pagePaths();
    let tables = 0;
    for (const path of paths) {
      const page = await session.open(path);
      await page.locator('main h1').waitFor();
      expect(await rawTableText(page), path).toEqual([]);
      tables += await page.locator('main table:not(.header-editor table)').count();
    }
    expect(tables, 'chapter 1 has a table').toBeGreaterThan(0);
  }, 60_000);

  it('has no axe-core violations on any page, light and dark, desktop and phone, after a Send', async () => {
    const paths = await pagePaths();
    const problems: string[] = [];
    for (const [path, viewport] of paths.flatMap((p) => [[p, DESKTOP], [p, PHONE]] as const)) {
      const page = await session.open(path, { viewport });
      await page.locator('main h1').waitFor();
      const sends = page.getByTestId('send');
      for (let i = 0; i < (await sends.count()); i++) {
        await sends.nth(i).click();
        await page.locator('section.playground').nth(i).getByTestId('status').waitFor();
        // "What the server received" is part of what is checked, and so is a row that will not be sent.
        const playground = page.locator('section.playground').nth(i);
        await playground.locator('.server-received dl').waitFor();
        await playground.getByRole('button', { name: 'Add header' }).click();
        await playground.getByLabel('Header name').last().fill('Host');
        await playground.getByTestId('row-problem').waitFor();
      }
      // The file editor, open with its content.
      const edit = page.locator('.edit-file summary');
      if ((await edit.count()) > 0) {
        await edit.first().click();
        await expect.poll(() => page.locator('.edit-file textarea').first().getAttribute('readonly')).toBeNull();
      }
      if ((await page.locator('.code-region').count()) > 0) await page.locator('.shiki').first().waitFor();
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page, theme);
        problems.push(...(await axeViolations(page)).map((p) => `${path} [${theme}, ${viewport.width} px] ${p}`));
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
