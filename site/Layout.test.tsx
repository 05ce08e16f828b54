// @vitest-environment happy-dom
// <Layout />: the phones' menu button opens and closes the table of contents (Escape, following a
// link), and a page change scrolls to the top and puts focus on the new page's heading.
import { act, StrictMode } from 'react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDomRoot, type DomRoot } from '../client/testing/dom-root';
import { Layout } from './Layout';

// site/chapters.ts compiles the MDX files through Vite; these stand in for them.
vi.mock('./chapters', () => ({
  chapters: ['one', 'two', 'three'].map((slug, i) => ({
    number: i + 1,
    slug,
    title: `Chapter ${slug}`,
    part: i < 2 ? 'Validators' : 'Safety',
    taskIds: [],
  })),
}));

function Page() {
  const { slug } = useParams();
  return (
    <>
      <h1 tabIndex={-1}>Chapter {slug}</h1>
      <button type="button">something in the page</button>
    </>
  );
}

let dom: DomRoot;
let scrollTo: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  scrollTo = vi.fn();
  vi.stubGlobal('scrollTo', scrollTo);
  dom = createDomRoot();
  const router = createMemoryRouter(
    [{ path: '/', element: <Layout />, children: [{ index: true, element: <h1>Home</h1> }, { path: 'chapters/:slug', element: <Page /> }] }],
    { initialEntries: ['/chapters/one'] },
  );
  // StrictMode, as in site/main.tsx: effects run twice on mount, which must not count as a page change.
  await act(async () =>
    dom.root.render(
      <StrictMode>
        <RouterProvider router={router} />
      </StrictMode>,
    ),
  );
});

afterEach(() => {
  dom.remove();
  vi.unstubAllGlobals();
});

const q = <T extends Element>(selector: string) => dom.container.querySelector<T>(selector)!;
const menuButton = () => q<HTMLButtonElement>('button.menu-button');
const nav = () => q<HTMLElement>('nav[aria-label="Chapters"]');
const tocLink = (title: string) => [...nav().querySelectorAll('a')].find((a) => a.textContent?.includes(title))!;
const press = (key: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

describe('<Layout />', () => {
  it('does not move focus on the first page', () => {
    expect(document.activeElement).toBe(document.body);
    expect(tocLink('Chapter one').getAttribute('aria-current')).toBe('page');
  });

  it('has a menu button that controls the table of contents', async () => {
    const button = menuButton();
    expect(button.textContent).toBe(' Chapters');
    expect(button.getAttribute('aria-controls')).toBe(nav().id);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(nav().dataset.open).toBe('false');

    await act(async () => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(nav().dataset.open).toBe('true');
    await act(async () => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape and gives focus back to the button', async () => {
    await act(async () => menuButton().click());
    tocLink('Chapter two').focus();
    await act(async () => press('Escape'));
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton());

    // Closed, Escape does nothing; open, other keys do nothing.
    await act(async () => press('Escape'));
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    await act(async () => menuButton().click());
    await act(async () => press('a'));
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
  });

  it('leaves focus in the page when Escape is pressed there', async () => {
    await act(async () => menuButton().click());
    const inPage = [...q('main').querySelectorAll('button')][0]!;
    inPage.focus();
    await act(async () => press('Escape'));
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(inPage);
  });

  it('closes when a chapter is chosen; the new page starts at the top with focus on its heading', async () => {
    await act(async () => menuButton().click());
    scrollTo.mockClear();
    await act(async () => tocLink('Chapter three').click());
    expect(q('h1').textContent).toBe('Chapter three');
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
    expect(document.activeElement).toBe(q('h1'));
    expect(tocLink('Chapter three').getAttribute('aria-current')).toBe('page');
  });

  it('choosing the chapter already shown closes the menu with focus on its button', async () => {
    await act(async () => menuButton().click());
    await act(async () => tocLink('Chapter one').click());
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton());
  });

  it('focuses a heading without a tabindex too (the home page)', async () => {
    await act(async () => q<HTMLAnchorElement>('a.site-name').click());
    const heading = q<HTMLHeadingElement>('main h1');
    expect(heading.textContent).toBe('Home');
    expect(heading.tabIndex).toBe(-1);
    expect(document.activeElement).toBe(heading);
  });
});
