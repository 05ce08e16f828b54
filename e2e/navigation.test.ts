// Moving between chapters in a real Chromium, against the real dev server: the table of contents
// (a sidebar grouped by part on a wide screen, a menu on a phone), and "next" landing at the top of
// the new chapter with focus on its heading. Everything is read from the page, so the test holds
// whatever chapters and parts the course has (at least two chapters).
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './browser';

describeInChromium('chapter navigation in Chromium', (session) => {
  /** The page at `path`, in this file's fresh profile (no progress from elsewhere). */
  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await session.open(path, { viewport });
    page.setDefaultTimeout(10_000);
    await page.locator('main h1').waitFor();
    return page;
  }

  // includeHidden: on a phone, the closed menu is display: none (and so out of the accessibility tree).
  const tocOf = (page: Page) => page.getByRole('navigation', { name: 'Chapters', includeHidden: true });
  const hrefs = (links: Locator) => links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el ? { tag: el.tagName, text: el.textContent, href: el.getAttribute('href') } : null;
    });
  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('on a wide screen: a sidebar grouped by part marks the chapter; "next" lands at the top, on its heading', async () => {
    const page = await open('/', { width: 1280, height: 800 });
    const toc = tocOf(page);
    expect(await toc.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Chapters' }).isVisible()).toBe(false);
    const [tocBox, mainBox] = await Promise.all([toc.boundingBox(), page.locator('main').boundingBox()]);
    expect(tocBox!.x + tocBox!.width).toBeLessThanOrEqual(mainBox!.x + 1); // beside the page, not above it

    // Parts: a heading each, naming a list of chapter links; together they hold every chapter link.
    const partNames = await toc.getByRole('heading').allTextContents();
    expect(partNames.length).toBeGreaterThan(0);
    const perPart: string[][] = [];
    for (const name of partNames) {
      expect(name.trim()).not.toBe('');
      perPart.push(await hrefs(toc.getByRole('list', { name, exact: true }).getByRole('link')));
      expect(perPart.at(-1)!.length, `chapters in part ${name}`).toBeGreaterThan(0);
    }
    const chapters = await hrefs(toc.getByRole('link'));
    expect(perPart.flat()).toEqual(chapters);
    expect(chapters.length).toBeGreaterThanOrEqual(2);
    expect(await toc.locator('[aria-current]').count()).toBe(0); // the home page is no chapter

    // The first chapter from the sidebar: marked as the current page.
    await toc.getByRole('link').first().click();
    await page.waitForURL(session.url + chapters[0]);
    const current = toc.locator('[aria-current="page"]');
    await expect.poll(() => hrefs(current)).toEqual([chapters[0]]);
    const title = (href: string) => toc.locator(`a[href="${href}"] .toc-title`).textContent();
    expect(await page.locator('main h1').textContent()).toBe(await title(chapters[0]!));

    // Its progress in the sidebar follows the "Try this" list as tasks get ticked.
    const tasksProgress = page.locator('.tasks-progress');
    if ((await tasksProgress.count()) > 0 && (await page.getByTestId('send').count()) > 0) {
      await page.getByTestId('send').first().click();
      await page.getByTestId('status').first().waitFor();
      const expected = async () => {
        const [, done, total] = /(\d+) of (\d+) done/.exec((await tasksProgress.textContent()) ?? '') ?? [];
        return done === total ? '✓' : `${done}/${total}`;
      };
      const shown = () => current.locator('[data-testid="toc-progress"] [aria-hidden="true"]').textContent();
      await expect.poll(async () => (await shown()) === (await expected())).toBe(true);
    }

    // At the end of the chapter, "next": the next chapter, at its top, with focus on its heading.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const next = page.locator('a[rel="next"]');
    expect(await next.getAttribute('href')).toBe(chapters[1]);
    await next.click();
    await page.waitForURL(session.url + chapters[1]);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    const nextTitle = await title(chapters[1]!);
    await expect.poll(() => focused(page)).toEqual({ tag: 'H1', text: nextTitle, href: null });
    await expect.poll(() => hrefs(current)).toEqual([chapters[1]]);
  }, 60_000);

  it('on a phone: a menu button opens the same contents, keyboard and all, and closes on Escape and on navigation', async () => {
    const page = await open('/', { width: 390, height: 844 });
    const toc = tocOf(page);
    const button = page.getByRole('button', { name: 'Chapters' });
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await toc.isHidden()).toBe(true);
    expect(await button.getAttribute('aria-controls')).toBe(await toc.getAttribute('id'));

    // Keyboard: Enter opens it, Tab goes into it with a visible focus ring, Escape closes it.
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await toc.isVisible()).toBe(true);
    expect(await toc.getByRole('heading').count()).toBeGreaterThan(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await page.keyboard.press('Tab');
    const first = toc.getByRole('link').first();
    expect(await first.evaluate((a) => a === document.activeElement && a.matches(':focus-visible'))).toBe(true);
    expect(await first.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe('solid');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await toc.isHidden()).toBe(true);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

    // Choosing a chapter: the menu closes, the chapter shows with focus on its heading.
    await button.click();
    const link = toc.getByRole('link').last();
    const [href, title] = await Promise.all([link.getAttribute('href'), link.locator('.toc-title').textContent()]);
    await link.click();
    await page.waitForURL(session.url + href);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await toc.isHidden()).toBe(true);
    await expect.poll(() => focused(page)).toEqual({ tag: 'H1', text: title, href: null });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

    // Open again on the chapter: it is the one marked, and nothing scrolls sideways.
    await button.click();
    expect(await hrefs(toc.locator('[aria-current="page"]'))).toEqual([href]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  }, 60_000);
});
