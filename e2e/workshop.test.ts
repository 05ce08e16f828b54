// The workshop's "your server" from the page, in Chromium: in `npm run dev` the playground of a
// chapter with an exercise can send to yours-<stage>, built from workshop/<slug>.ts. A fresh
// clone holds the exercise's start, which throws its TODO: the answer is a 500 that says so.
// (workshop/tools/learner-stages.test.ts proves a solved file gets its 304, without a restart.)
import { expect, it } from 'vitest';
import { EXERCISES } from '../workshop/tools/exercises';
import { describeInChromium, sendFromPlayground } from './browser';

describeInChromium('your server (the workshop), in Chromium', (session) => {
  it("offers yours-last-modified in chapter 2's playground, and shows what the learner's code threw", async () => {
    const page = await session.open('/chapters/last-modified');
    const playground = page.locator('section.playground').first();
    const stage = playground.getByLabel('Stage', { exact: true });
    await expect.poll(() => stage.locator('option').allTextContents(), { timeout: 10_000 }).toContain('yours-last-modified (your server: workshop/last-modified.ts)');
    await stage.selectOption('yours-last-modified');
    await playground.getByLabel(/^Path/).fill('/monitor.css');
    const exchange = await sendFromPlayground(page, playground);
    expect(exchange.stage).toBe('yours-last-modified');
    expect(exchange.status).toBe(500);
    await expect.poll(() => playground.getByTestId('status').textContent()).toBe('500');
    await expect.poll(() => playground.textContent(), { timeout: 10_000 }).toContain('Your code (workshop/last-modified.ts) threw while answering');
  }, 30_000);

  it('offers yours-<slug> in the playground of every other chapter with an exercise', async () => {
    for (const { slug } of EXERCISES.filter((e) => e.slug !== 'last-modified')) {
      const page = await session.open(`/chapters/${slug}`);
      const stage = page.locator('section.playground').first().getByLabel('Stage', { exact: true });
      await expect.poll(() => stage.locator('option').allTextContents(), { timeout: 10_000 }).toContain(`yours-${slug} (your server: workshop/${slug}.ts)`);
      await page.close();
    }
  }, 60_000);
});
