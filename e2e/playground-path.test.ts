// The playground stays inside its stage, in a real Chromium against the real dev server: a path
// that climbs out is refused under the field and never requested; and the rule's model of URL
// parsing agrees with Chromium's own parser (the unit tests can only run it in Node).
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startDevServer } from './browser';

// Skipped only outside CI on a machine without Chromium (the reason and the install command are
// printed); with CI=true, chromiumAvailable() throws instead, so CI can never skip these.
const available = chromiumAvailable();

describe.skipIf(!available)('the playground keeps to its stage, in Chromium', () => {
  let browser: Browser;
  let dev: { url: string; server: ViteDevServer };
  let page: Page;
  const requested: URL[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000); // a missing element fails the test well within its 30 s
    page.on('request', (request) => requested.push(new URL(request.url())));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${dev.url}/chapters/no-cache`);
    await page.getByRole('heading', { level: 1, name: 'A file server that never caches' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dev?.server.close();
  });

  it('refuses ../../api/stages with the reason under the field, and Send never requests it', async () => {
    const playground = page.getByRole('region', { name: 'Playground for the no-cache stage' });
    const logStreams = () => requested.filter((url) => url.pathname === '/api/log').length;
    await expect.poll(logStreams).toBeGreaterThan(0); // the page's own event stream
    const streamsBefore = logStreams();
    const path = playground.getByLabel('Path (after /ch/no-cache)');
    await path.fill('../../api/stages');
    const problem = playground.getByTestId('path-problem');
    await expect.poll(() => problem.textContent()).toBe(
      'This path leaves the stage: the browser would resolve it to /api/stages. The playground only sends requests inside /ch/no-cache/.',
    );
    expect(await path.getAttribute('aria-invalid')).toBe('true');
    expect(await path.getAttribute('aria-describedby')).toBe(await problem.getAttribute('id'));

    await playground.getByTestId('send').click();
    expect(await path.evaluate((input) => input === document.activeElement)).toBe(true);

    // The event stream's path too; then a path inside the stage still sends.
    await path.fill('/%2e%2e/%2e%2e/api/log');
    await expect.poll(() => problem.textContent()).toContain('would resolve it to /api/log.');
    await playground.getByTestId('send').click();
    await path.fill('/index.html');
    await playground.getByTestId('send').click();
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('200');
    expect(await playground.getByTestId('send').textContent()).toBe('Send');

    expect(requested.filter((url) => url.pathname === '/api/stages')).toEqual([]);
    expect(logStreams()).toBe(streamsBefore);
    expect(requested.filter((url) => url.pathname.startsWith('/ch/no-cache/')).map((url) => url.pathname)).toContain('/ch/no-cache/index.html');
    expect(errors).toEqual([]);
  }, 30_000);

  it("resolves paths as Chromium's URL parser does", async () => {
    const tokens = ['a', 'api', '.a', '..a', '...', '%2e%2e%2e', '.', '..', '%2e', '%2E.', '.%2e', '%2e%2E', '/', '/', '\\', '\t'];
    const generated = fc.sample(fc.array(fc.constantFrom(...tokens), { maxLength: 10 }).map((t) => t.join('')), { numRuns: 400, seed: 42 });
    const paths = ['.a/../../../api/log', '.a/.', 'x/.a/..', ...generated];
    // A string, not a function: vitest would rewrite a dynamic import() inside a function.
    const results = (await page.evaluate(`(async () => {
      const { browserTarget, stageUrl } = await import('/playground/stage-path.ts');
      return ${JSON.stringify(paths)}.map((path) => {
        const written = stageUrl('no-cache', path);
        return { path, chromium: new URL(written, location.origin).pathname, rule: browserTarget(written).path };
      });
    })()`)) as { path: string; chromium: string; rule: string }[];
    expect(results).toHaveLength(paths.length);
    const disagreements = results.filter((r) => r.chromium !== r.rule);
    expect(disagreements).toEqual([]);
    // The sample covers both sides of the rule.
    expect(results.some((r) => !r.chromium.startsWith('/ch/no-cache/'))).toBe(true);
    expect(results.some((r) => r.chromium.startsWith('/ch/no-cache/'))).toBe(true);
  }, 30_000);
});
