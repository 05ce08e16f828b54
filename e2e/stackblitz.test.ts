// "Open in StackBlitz", in Chromium. StackBlitz cannot be reached from here, so the form the SDK
// posts is caught on its way out and answered locally: the test checks the project it carries.
// (site/vite/project-files.test.ts proves that the same files, written to a folder, run.)
import type { Request } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './browser';

describeInChromium('Open in StackBlitz, in Chromium', (session) => {
  it('posts the whole project, opened on the chapter and its stage, with npm run dev to start', async () => {
    const page = await session.open('/chapters/last-modified');
    let posted: Request | undefined;
    await page.context().route('https://stackblitz.com/**', async (route) => {
      posted = route.request();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>caught</title>' });
    });
    try {
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open in StackBlitz' }).click()]);
      await expect.poll(() => posted).toBeDefined();
      await popup.close();
    } finally {
      await page.context().unroute('https://stackblitz.com/**');
    }

    const url = new URL(posted!.url());
    expect(posted!.method()).toBe('POST');
    expect(url.pathname).toBe('/run');
    expect(url.searchParams.get('file')).toBe('chapters/02-last-modified/index.mdx,server/stages/last-modified.ts');
    expect(url.searchParams.get('startScript')).toBe('dev');

    const form = new URLSearchParams(posted!.postData() ?? '');
    expect(form.get('project[template]')).toBe('node');
    expect(form.get('project[title]')).toBe('Cachecraft: Last-Modified and If-Modified-Since');
    const file = (name: string) => form.get(`project[files][${name}]`);
    expect(JSON.parse(file('package.json')!).scripts.dev).toMatch(/^node scripts\/make-sample-images\.mjs && vite/);
    expect(file('server/stages/index.ts')).toContain("slug: 'last-modified'");
    expect(file('server/stages/last-modified.ts')).toContain('#region last-modified-stage');
    expect(file('chapters/01-no-cache/index.mdx')).toContain('stage: no-cache');
    expect(file('chapters/02-last-modified/index.mdx')).toContain('stage: last-modified');
    expect([...form.keys()].filter((key) => /node_modules|^project\[files\]\[dist\//.test(key))).toEqual([]);
  }, 30_000);
});
