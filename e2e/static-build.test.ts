// The static build (issue 10): `npm run build -- --base /cachecraft/` served by a plain static
// file server under that sub-path, with no course server anywhere, as GitHub Pages serves a fork.
// The stages run in the page's msw service worker. Built once for the file, into a temp folder.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import serveStatic from 'serve-static';
import { tasks as lastModifiedTasks } from '../chapters/02-last-modified/tasks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, rawRequestBoxes } from './browser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE = '/cachecraft/';
/** Every chapter there is (chapters/NN-slug/): each must work in the static build too. */
const SLUGS = readdirSync(path.join(ROOT, 'chapters'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && /^\d\d-/.test(e.name))
  .map((e) => e.name.slice(3));
const axeSource = createRequire(import.meta.url)('axe-core').source as string;

/**
 * GitHub Pages in miniature: the files under BASE, and for anything else under it the site's
 * 404.html with status 404. Nothing else: no /api, no /ch. Every request is recorded.
 */
function staticHost(dir: string, seen: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const files = serveStatic(dir, { index: ['index.html'], fallthrough: true });
  const server = http.createServer((req, res) => {
    const asked = req.url ?? '';
    seen.push(`${req.method} ${asked}`);
    const notFound = async () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(asked.startsWith(BASE) ? await readFile(path.join(dir, '404.html')) : 'Not Found');
    };
    if (!asked.startsWith(BASE)) return void notFound();
    req.url = asked.slice(BASE.length - 1);
    files(req, res, () => void notFound());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

/** As `npm run build` runs: without vitest's NODE_ENV=test, which would make React's development build. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

describeWithChromium('the static build under a sub-path, with no course server', (target) => {
  let dir: string;
  let host: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const seen: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-static-'));
    const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--configLoader', 'runner', '--base', BASE, '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', env: buildEnv() });
    if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr}${built.stdout}`);
    host = await staticHost(dir, seen);
    browser = await chromium.connect(target.wsEndpoint);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens the last-modified chapter directly by its URL: 200, then 304 with the validators, then 200 after a touch', async () => {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    const opened = await page.goto(`${host.url}${BASE}chapters/last-modified`);
    expect(opened?.status()).toBe(404); // the host's 404.html: the app's own page, as on GitHub Pages
    await page.getByRole('heading', { level: 1, name: 'Last-Modified and If-Modified-Since' }).waitFor();

    const playground = page.getByRole('region', { name: 'Playground for the last-modified stage' });
    const status = playground.getByTestId('status');
    await playground.getByTestId('send').click();
    await expect.poll(() => status.textContent()).toBe('200');

    await playground.getByTestId('use-validators').click();
    await playground.getByTestId('send').click();
    await expect.poll(() => status.textContent()).toBe('304');
    // The task ticks from the in-browser log, as from the server's.
    const echo = page.getByTestId('task').filter({ hasText: lastModifiedTasks.find((t) => t.id === 'echo-304')!.text });
    await expect.poll(() => echo.getAttribute('data-done')).toBe('true');

    const path = (await playground.getByLabel(/^Path/).inputValue()).replace(/^\//, '');
    const demo = page.getByRole('region', { name: 'Demo page of the last-modified stage' });
    await demo.getByLabel('File', { exact: true }).selectOption(path);
    await page.waitForTimeout(1_000); // a touch in the same second as the file's date would not change Last-Modified
    await demo.getByRole('button', { name: 'Touch a file' }).click();
    await demo.getByText(/^Touched /).waitFor();
    await playground.getByTestId('send').click();
    await expect.poll(() => status.textContent()).toBe('200');

    // The page asked for the stage and the API under the base; nothing at the host's root.
    expect(asked).toContain(`${BASE}ch/last-modified/index.html`);
    expect(asked.filter((p) => /^\/(api|ch)\//.test(p))).toEqual([]);
    // None of it reached the host: the stages and the API answered in the page.
    expect(seen.filter((line) => /\/(api|ch)\//.test(line) && !line.includes('/api/stages'))).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it("writes the demo frame in with srcdoc; its stylesheet reaches the in-browser stage (in the live log), and a note says what differs", async () => {
    const demo = page.getByRole('region', { name: 'Demo page of the last-modified stage' });
    const frame = page.frameLocator('[data-testid="demo-frame"]');
    await frame.getByRole('heading', { name: 'FreezerBurn monitor' }).waitFor();
    // Styled by monitor.css (Verdana), which only the in-browser stage can give.
    await expect.poll(() => frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).toContain('Verdana');
    await demo.getByTestId('log-row').filter({ hasText: '/ch/last-modified/monitor.css' }).first().waitFor();
    await expect.poll(() => demo.getByTestId('static-note').textContent()).toContain('npm run dev');
    expect(seen.some((line) => line.includes('monitor.css'))).toBe(false);

    // The note and the rest of the page pass axe-core, as every page does in npm run dev (pages.test.ts).
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run({ exclude: [['iframe[data-testid="demo-frame"]']] }, { resultTypes: ['violations'] })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  }, 30_000);

  it("chapter 6's raw requests need the course server: the box says so, and sends nothing to the host", async () => {
    const before = seen.length;
    await page.goto(`${host.url}${BASE}chapters/path-stripping`);
    const box = (await rawRequestBoxes(page)).first;
    await box.getByRole('button', { name: 'Send raw request' }).click();
    await expect.poll(async () => (await box.textContent()) ?? '', { timeout: 10_000 }).toContain('npm run dev');
    // (The page's one probe for a course server, GET <base>api/stages, does reach the host.)
    expect(seen.slice(before).filter((asked) => asked.includes('/raw') || asked.includes('/ch/'))).toEqual([]);
    expect(errors).toEqual([]);
  }, 30_000);

  it('links stay under the base, and every chapter gets a 200, and a 304 with the validators where its stage sends them', async () => {
    expect(SLUGS.length).toBeGreaterThan(4);
    await page.goto(`${host.url}${BASE}`);
    await page.getByRole('link', { name: 'Cachecraft' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Cachecraft' }).first().getAttribute('href')).toBe(BASE);
    for (const slug of SLUGS) {
      await page.goto(`${host.url}${BASE}chapters/${slug}`);
      const playground = page.getByRole('region', { name: /^Playground for the / }).first();
      const status = playground.getByTestId('status');
      // A file every stage serves (a chapter's own default path may be one it refuses: chapter 6's).
      await playground.getByLabel(/^Path \(after /).fill('/monitor.css');
      await playground.getByTestId('send').click();
      await expect.poll(() => status.textContent(), { message: slug }).toBe('200');
      if (await playground.getByTestId('use-validators').isEnabled()) {
        await playground.getByTestId('use-validators').click();
        await playground.getByTestId('send').click();
        await expect.poll(() => status.textContent(), { message: slug }).toBe('304');
      } else {
        expect(slug).toBe('no-cache'); // the one stage without validators
      }
    }
    expect(errors).toEqual([]);
  }, 60_000);
});
