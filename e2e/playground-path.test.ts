// The playground stays inside its stage, in a real Chromium against the shared dev server: a path
// that climbs out is refused under the field and never requested; and the rule's model of URL
// parsing agrees with Chromium's own parser (the unit tests can only run it in Node).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeInChromium } from './browser';

describeInChromium('the playground keeps to its stage, in Chromium', (session) => {
  it('refuses ../../api/stages/no-cache/reset with the reason under the field, and Send never requests it', async () => {
    const requested: URL[] = [];
    const page = await session.open('/chapters/no-cache', {
      onRequest: (request) => requested.push(new URL(request.url())),
    });
    await page.getByRole('heading', { level: 1, name: 'A file server that never caches' }).waitFor();
    const playground = page.getByRole('region', { name: 'Playground for the no-cache stage' });
    const logStreams = () => requested.filter((url) => url.pathname === '/api/log').length;
    await expect.poll(logStreams, { timeout: 10_000 }).toBeGreaterThan(0); // the page's own event stream
    const streamsBefore = logStreams();
    const path = playground.getByLabel('Path (after /ch/no-cache)');
    await path.fill('../../api/stages/no-cache/reset');
    const problem = playground.getByTestId('path-problem');
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toBe(
      'This path leaves the stage: the browser would resolve it to /api/stages/no-cache/reset. The playground only sends requests inside /ch/no-cache/.',
    );
    expect(await path.getAttribute('aria-invalid')).toBe('true');
    expect(await path.getAttribute('aria-describedby')).toBe(await problem.getAttribute('id'));

    await playground.getByTestId('send').click();
    expect(await path.evaluate((input) => input === document.activeElement)).toBe(true);

    // The event stream's path too; then a path inside the stage still sends.
    await path.fill('/%2e%2e/%2e%2e/api/log');
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toContain('would resolve it to /api/log.');
    await playground.getByTestId('send').click();
    await path.fill('/index.html');
    await playground.getByTestId('send').click();
    await expect.poll(() => playground.getByTestId('status').textContent(), { timeout: 10_000 }).toBe('200');
    expect(await playground.getByTestId('send').textContent()).toBe('Send');

    expect(requested.filter((url) => url.pathname === '/api/stages/no-cache/reset')).toEqual([]);
    expect(logStreams()).toBe(streamsBefore);
    expect(requested.filter((url) => url.pathname.startsWith('/ch/no-cache/')).map((url) => url.pathname)).toContain('/ch/no-cache/index.html');
  }, 30_000);

  it("resolves paths as Chromium's URL parser does", async () => {
    const page = await session.open('/'); // any page of the dev server can import the module
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
