// The request log under a flood, in a real Chromium against the shared dev server: when more
// exchanges happen at once than the log sends a page (server/log/request-log.ts), the page shows
// the latest and says how many it left out, and the notice passes axe-core in both themes.
import { expect, it } from 'vitest';
import { axeViolations } from './axe';
import { describeInChromium } from './browser';

describeInChromium('the request log under a flood, in Chromium', (session) => {
  it('says how many exchanges it did not show', async () => {
    const page = await session.open('/chapters/etag-vs-last-modified');
    const log = page.getByRole('region', { name: 'Live request log of the etag-vs-last-modified stage' });
    await log.getByTestId('log-row').first().waitFor({ timeout: 10_000 }); // the demo frame's own loads
    // 150 at once, from outside the page: far more than one batch carries.
    const flood = () =>
      Promise.all(
        Array.from({ length: 150 }, async () => (await fetch(`${session.url}/ch/etag-vs-last-modified/monitor.css?flood`)).arrayBuffer()),
      );
    await flood();
    const notice = log.getByTestId('log-skipped');
    await notice.waitFor({ timeout: 10_000 });
    const skipped = Number(/^(\d+) exchanges/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(skipped).toBeGreaterThan(0);
    expect(skipped).toBeLessThan(150);
    // The rows shown are the latest; the list stays bounded (a second flood: under load the log
    // sends a page few enough that one flood may not fill it).
    await flood();
    await expect.poll(() => log.getByTestId('log-row').count(), { timeout: 10_000 }).toBe(50);
    await expect.poll(async () => (await log.getByTestId('log-row').first().textContent()) ?? '', { timeout: 10_000 }).toContain('monitor.css');
    // The notice, like the rest of the log, passes axe-core in both themes.
    for (const theme of ['light', 'dark'] as const) {
      const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
      if (await toggle.count()) await toggle.click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axeViolations(page, { include: [['section.request-log']] }), theme).toEqual([]);
    }
  }, 30_000);
});
