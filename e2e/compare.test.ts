// Compare mode and the response check in a real Chromium, on chapter 2 (stage last-modified,
// `compare: seed`), against the shared dev server: one Send makes two real requests, one to each
// stage, both tagged as the learner's; the differences are listed; the response check names the
// validators and puts a conditional header in the editor; axe-core finds nothing, in both themes.
import type { Locator, Page, Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { EXCHANGE_HEADER, type Exchange } from '../common/exchange';
import { axeViolations } from './axe';
import { describeInChromium } from './browser';

const CHAPTER = '/chapters/last-modified';

describeInChromium('compare mode and the response check in Chromium', (session) => {
  async function openPlayground(viewport?: { width: number; height: number }): Promise<{ page: Page; playground: Locator }> {
    const page = await session.open(CHAPTER, viewport ? { viewport } : undefined);
    const playground = page.getByRole('region', { name: 'Playground for the last-modified stage' });
    await playground.getByTestId('send').waitFor();
    return { page, playground };
  }

  /** Clicks Send in compare mode; returns the two exchanges the server logged for it, by stage. */
  async function sendBoth(page: Page, playground: Locator): Promise<Map<string, Exchange>> {
    const responses: Response[] = [];
    const onResponse = (r: Response) => {
      if (r.frame() === page.mainFrame() && r.request().resourceType() === 'fetch' && new URL(r.url()).pathname.startsWith('/ch/')) responses.push(r);
    };
    page.on('response', onResponse);
    try {
      await playground.getByTestId('send').click();
      await expect.poll(() => responses.length, { timeout: 10_000 }).toBe(2);
    } finally {
      page.off('response', onResponse);
    }
    const logged = new Map<string, Exchange>();
    for (const response of responses) {
      const id = response.headers()[EXCHANGE_HEADER.toLowerCase()];
      if (!id) throw new Error(`${response.url()} came back without ${EXCHANGE_HEADER}`);
      const ex = (await (await fetch(new URL(`/api/log/${id}`, response.url()))).json()) as Exchange;
      logged.set(ex.stage, ex);
    }
    return logged;
  }

  it('sends the same request to both stages, tagged as the learner\'s, and lists the differences', async () => {
    const { page, playground } = await openPlayground();
    await playground.getByLabel(/^Compare: send each request to/).check();
    const logged = await sendBoth(page, playground);
    expect([...logged.keys()].sort()).toEqual(['last-modified', 'seed']);
    const [lm, seed] = [logged.get('last-modified')!, logged.get('seed')!];
    for (const ex of [lm, seed]) {
      expect(ex.method).toBe('GET');
      expect(ex.path).toBe('/monitor.css');
      expect(ex.chapter).toBe('last-modified'); // the tasks see both: check(own, compared)
    }
    expect(lm.learner).toBe(seed.learner);
    expect(lm.learner).toBeTruthy();

    const summary = playground.getByTestId('diff-summary');
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toMatch(/^\d+ differences?: .+\.$/);
    // The seed says who it is (Server: SimpleHTTP/0.6 …); the course's stage does not.
    const server = playground.locator('[data-testid="differences"] li[data-difference="Server"]');
    expect(await server.textContent()).toContain('only seed');
    expect(await summary.textContent()).toContain('Server');
    // The exchange ids always differ: listed, marked expected, not counted.
    expect(await playground.locator('li[data-difference="X-Cachecraft-Exchange"]').textContent()).toContain('expected');
    expect(await summary.textContent()).not.toContain('X-Cachecraft-Exchange');
    const sides = await playground.locator('.compare-columns > section').evaluateAll((s) => s.map((e) => e.getAttribute('aria-label')));
    expect(sides).toEqual(['Response from last-modified', 'Response from seed']);
  }, 30_000);

  it('the response check names the validators, and its button makes the next request conditional: a 304', async () => {
    const { page, playground } = await openPlayground();
    await playground.getByLabel(/^Compare: send each request to/).check();
    await sendBoth(page, playground);
    const lmSide = playground.getByRole('region', { name: 'Response from last-modified' });
    const finding = lmSide.locator('[data-rule="validators-last-modified"]');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/^Good: Has a Last-Modified validator: send If-Modified-Since: .+ GMT → expect 304/);
    await finding.getByRole('button', { name: 'Put If-Modified-Since in the request' }).click();
    expect(await playground.getByLabel('Header name').inputValue()).toBe('If-Modified-Since');

    const logged = await sendBoth(page, playground);
    expect(logged.get('last-modified')!.status).toBe(304);
    // The 304 is checked against the 200 before it, from the history.
    const repeats = lmSide.locator('[data-rule="not-modified-repeats"]');
    await repeats.first().waitFor();
    expect(await repeats.first().getAttribute('data-level')).not.toBe('info');
    // The seed reads the date by its own rules (local time labelled GMT): the status differs exactly when its answer does.
    const summary = await playground.getByTestId('diff-summary').textContent();
    expect(summary!.includes('status')).toBe(logged.get('seed')!.status !== 304);
  }, 30_000);

  it('has no axe-core violations with compare mode on and a response check shown, light and dark, desktop and phone', async () => {
    const problems: string[] = [];
    for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      const { page, playground } = await openPlayground(viewport);
      await playground.getByLabel(/^Compare: send each request to/).check();
      await sendBoth(page, playground);
      await playground.locator('.finding').first().waitFor();
      await expect.poll(() => playground.getByTestId('diff-summary').textContent(), { timeout: 10_000 }).toMatch(/difference/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing scrolls sideways').toBeLessThanOrEqual(viewport.width);
      for (const theme of ['light', 'dark'] as const) {
        const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
        if ((await toggle.count()) > 0) await toggle.click();
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        problems.push(...(await axeViolations(page)).map((p) => `[${theme}, ${viewport.width} px] ${p}`));
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
