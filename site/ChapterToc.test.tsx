// @vitest-environment happy-dom
// <ChapterToc />: the chapters grouped by part, the current one marked, each one's tasks done, kept
// up to date as tasks get ticked.
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDomRoot, type DomRoot } from '../client/testing/dom-root';
import { ChapterToc } from './ChapterToc';
import { getProgress, markDone, setProgress } from './progress';
import type { TocChapter } from './toc';

const tasks = (...ids: string[]) => ids;

const chapters: TocChapter[] = [
  { number: 1, slug: 'no-cache', title: 'Never caches', part: 'Validators', taskIds: tasks('a', 'b', 'c', 'd') },
  { number: 2, slug: 'last-modified', title: 'Last-Modified', part: 'Validators', taskIds: tasks('a', 'b') },
  { number: 6, slug: 'safe-paths', title: 'Safe paths', part: 'Safety', taskIds: [] },
  { number: 7, slug: 'freshness', title: 'Freshness', part: 'Freshness and load', taskIds: tasks('a') },
];

let dom: DomRoot;

beforeEach(() => {
  localStorage.clear();
  setProgress({}); // the store is one per page: start each test empty
  dom = createDomRoot();
});

afterEach(() => dom.remove());

async function render(path: string) {
  const router = createMemoryRouter([{ path: '*', element: <ChapterToc chapters={chapters} id="toc" /> }], {
    initialEntries: [path],
  });
  await act(async () => dom.root.render(<RouterProvider router={router} />));
  return dom.container.querySelector('nav')!;
}

const link = (nav: HTMLElement, title: string) =>
  [...nav.querySelectorAll('a')].find((a) => a.querySelector('.toc-title')?.textContent === title)!;
const progressOf = (nav: HTMLElement, title: string) => link(nav, title).querySelector('[data-testid="toc-progress"]');

describe('<ChapterToc />', () => {
  it('is a "Chapters" navigation with one labelled list per part, in the order of their first chapter', async () => {
    const nav = await render('/');
    expect(nav.getAttribute('aria-label')).toBe('Chapters');
    expect(nav.id).toBe('toc');
    const headings = [...nav.querySelectorAll('h2')];
    expect(headings.map((h) => h.textContent)).toEqual(['Validators', 'Safety', 'Freshness and load']);
    for (const heading of headings) {
      const list = nav.querySelector(`ol[aria-labelledby="${heading.id}"]`);
      expect(list, heading.textContent!).not.toBeNull();
    }
    const titlesUnder = (part: string) => {
      const heading = headings.find((h) => h.textContent === part)!;
      return [...nav.querySelectorAll(`ol[aria-labelledby="${heading.id}"] .toc-title`)].map((t) => t.textContent);
    };
    expect(titlesUnder('Validators')).toEqual(['Never caches', 'Last-Modified']);
    expect(titlesUnder('Safety')).toEqual(['Safe paths']);
    expect(titlesUnder('Freshness and load')).toEqual(['Freshness']);
    expect(link(nav, 'Safe paths').getAttribute('href')).toBe('/chapters/safe-paths');
    expect(nav.querySelector('[aria-current]')).toBeNull(); // the home page is no chapter
  });

  it('marks the current chapter, and only it', async () => {
    const nav = await render('/chapters/last-modified');
    const current = [...nav.querySelectorAll('[aria-current="page"]')];
    expect(current).toEqual([link(nav, 'Last-Modified')]);
  });

  it("shows each chapter's tasks done, says it in words, and updates when a task is ticked", async () => {
    setProgress({ 'no-cache': ['a', 'c', 'removed-task'], 'last-modified': ['a', 'b'] });
    const nav = await render('/chapters/no-cache');
    expect(progressOf(nav, 'Never caches')?.textContent).toBe('2/4 (2 of 4 tasks done)');
    expect(progressOf(nav, 'Never caches')?.querySelector('[aria-hidden="true"]')?.textContent).toBe('2/4');
    expect(progressOf(nav, 'Last-Modified')?.textContent).toBe('✓ (all tasks done)');
    expect(progressOf(nav, 'Freshness')?.textContent).toBe('0/1 (0 of 1 task done)');
    expect(progressOf(nav, 'Safe paths')).toBeNull(); // no tasks, nothing to count

    // What <Tasks /> does when the live log ticks a task.
    await act(async () => setProgress(markDone(getProgress(), 'no-cache', ['b'])));
    expect(progressOf(nav, 'Never caches')?.textContent).toBe('3/4 (3 of 4 tasks done)');
    await act(async () => setProgress(markDone(getProgress(), 'no-cache', ['d'])));
    expect(progressOf(nav, 'Never caches')?.textContent).toBe('✓ (all tasks done)');
  });
});
