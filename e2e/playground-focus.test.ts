// Keyboard use of the playground in a real Chromium: the focus stays where the learner was after
// Send and after removing a header, and the response status is announced in a polite live region.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './browser';

describeInChromium('the playground keeps the focus, and announces the status, in Chromium', (session) => {
  const active = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el ? { tag: el.tagName, label: el.getAttribute('aria-label'), testid: el.getAttribute('data-testid'), text: el.textContent } : null;
    });

  it('keeps the focus on Send after a send, and announces the status politely', async () => {
    const page = await session.open('/chapters/no-cache');
    const playground = page.getByRole('region', { name: 'Playground for the no-cache stage' });
    const send = playground.getByTestId('send');
    await send.focus();
    await page.keyboard.press('Enter');
    await playground.getByTestId('status').waitFor();
    await expect.poll(() => send.textContent()).toBe('Send');
    expect(await active(page)).toMatchObject({ tag: 'BUTTON', testid: 'send' });

    const live = playground.getByTestId('status-announcement');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => live.textContent()).toMatch(/^Response: 200 OK/);

    // Again with the keyboard: still on Send, and the announcement is made afresh.
    await page.keyboard.press('Enter');
    await expect.poll(() => live.textContent()).toMatch(/^Response: 200 OK/);
    expect(await active(page)).toMatchObject({ tag: 'BUTTON', testid: 'send' });
  }, 30_000);

  it('moves the focus to the next row (or the last one, or Add header) when a header is removed', async () => {
    const page = await session.open('/chapters/no-cache');
    const playground = page.getByRole('region', { name: 'Playground for the no-cache stage' });
    await playground.getByRole('button', { name: 'If-Modified-Since: now' }).click();
    await playground.getByRole('button', { name: 'If-None-Match: "anything"' }).click();
    const remove = (name: string) => playground.getByRole('button', { name: `Remove header ${name}` });

    await remove('If-Modified-Since').focus();
    await page.keyboard.press('Enter');
    expect(await playground.getByTestId('header-row').count()).toBe(1);
    expect(await active(page)).toMatchObject({ tag: 'BUTTON', label: 'Remove header If-None-Match' });

    await page.keyboard.press('Enter');
    expect(await playground.getByTestId('header-row').count()).toBe(0);
    expect(await active(page)).toMatchObject({ tag: 'BUTTON', text: 'Add header' });
  }, 30_000);
});
