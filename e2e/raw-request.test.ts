// <RawRequest> in Chromium against the shared dev server, on chapter 6's page: the bytes typed
// reach the seed as typed ("/../secret.txt", which fetch would have sent as "/secret.txt"), the
// raw answer is shown, the exchange is in the log as this learner's raw request, and the seed's
// any-tag 304 shows too. e2e/path-stripping.test.ts has the chapter's own lesson.
import { expect, it } from 'vitest';
import type { Exchange } from '../common/exchange';
import { axeViolations } from './axe';
import { describeInChromium, rawRequestBoxes } from './browser';


const CHAPTER = '/chapters/path-stripping';
describeInChromium('raw requests from the page', (session) => {
  it('sends GET /../secret.txt to the seed as typed, shows its raw answer, and logs it as raw', async () => {
    const page = await session.open(CHAPTER);
    const raw = (await rawRequestBoxes(page)).first;
    await raw.getByLabel('Stage').selectOption('seed');
    expect(await raw.getByRole('textbox').inputValue()).toBe('GET /..\\secret.txt HTTP/1.1\nHost: localhost\n\n');
    await raw.getByRole('textbox').fill('GET /../secret.txt HTTP/1.1\nHost: localhost\n\n');

    const [posted] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/stages/seed/raw'),
      raw.getByRole('button', { name: 'Send raw request' }).click(),
    ]);
    expect(posted.request().postDataBuffer()?.toString('latin1')).toBe('GET /../secret.txt HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const response = raw.getByRole('region', { name: 'Raw response' });
    // The seed echoes the target it read into its status line: the ".." reached it.
    await expect.poll(() => response.getByTestId('raw-status-line').textContent(), { timeout: 10_000 }).toBe('HTTP/1.1 404 Unknown url /../secret.txt');
    expect(await response.locator('.header-list').textContent()).toContain('Server: SimpleHTTP/0.6 Python/2.5.2');
    expect(await response.getByTestId('raw-body').textContent()).toContain('Error code 404');
    await expect.poll(() => raw.getByTestId('raw-announcement').textContent()).toMatch(/^Raw response from seed: HTTP\/1\.1 404/);

    const link = response.getByTestId('raw-exchanges').getByRole('link');
    const id = Number((await link.first().textContent())!.replace('exchange ', ''));
    const exchange = (await (await fetch(`${session.url}/api/log/${id}`)).json()) as Exchange;
    const learner = await page.evaluate(() => localStorage.getItem('cachecraft:learner'));
    expect(exchange).toMatchObject({ stage: 'seed', raw: true, target: '/../secret.txt', status: 404, chapter: 'path-stripping', learner });

    // The editor and the answer, in both themes: nothing for axe-core to report.
    for (const theme of ['light', 'dark'] as const) {
      const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
      if ((await toggle.count()) > 0) await toggle.click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axeViolations(page, { include: [['section.raw-request']] }), theme).toEqual([]);
    }
  }, 30_000);

  it("a raw request shows in the stage's live log with its target as sent, marked raw", async () => {
    const page = await session.open(CHAPTER); // the chapter shows the seed's live log
    const raw = (await rawRequestBoxes(page)).first;
    await raw.getByLabel('Stage').selectOption('seed');
    await raw.getByRole('textbox').fill('GET /../secret.txt HTTP/1.1\nHost: localhost\n\n');
    await raw.getByRole('button', { name: 'Send raw request' }).click();
    await expect.poll(() => raw.getByTestId('raw-status-line').textContent(), { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 4\d\d /);
    const row = page.getByRole('region', { name: 'Live request log of the seed stage' }).getByTestId('log-row').filter({ hasText: '/../secret.txt' });
    await expect.poll(() => row.first().locator('summary').textContent(), { timeout: 10_000 }).toMatch(/GET \/\.\.\/secret\.txt \(raw\) 4\d\d/);
  }, 30_000);

  it('keyboard only: If-None-Match: x gets a 304 from the seed (its bug), with no body', async () => {
    const page = await session.open(CHAPTER);
    const raw = (await rawRequestBoxes(page)).first;
    await raw.getByLabel('Stage').selectOption('seed');
    const box = raw.getByRole('textbox');
    await box.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('GET /monitor.css HTTP/1.1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Host: localhost');
    await page.keyboard.press('Enter');
    await page.keyboard.type('If-None-Match: x'); // no blank line: the component adds it, and says so
    await page.keyboard.press('Tab'); // the "add the blank line" box
    await page.keyboard.press('Tab'); // Send
    await page.keyboard.press('Enter');

    const response = raw.getByRole('region', { name: 'Raw response' });
    await expect.poll(() => response.getByTestId('raw-status-line').textContent(), { timeout: 10_000 }).toBe('HTTP/1.1 304 Not Modified');
    expect(await response.textContent()).toContain('A blank line was added');
    expect(await response.getByTestId('raw-body').count()).toBe(0);
    expect(await response.getByTestId('raw-ended').textContent()).toBe('complete'); // read by its framing, the connection still open
  }, 30_000);
});
