// @vitest-environment happy-dom
// The Experiments box says when the stage's file list could not be loaded (and can try again),
// and when it loaded empty. fetch is faked: this is about the page, not the server.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDomRoot, type DomRoot } from '../client/testing/dom-root';
import { Experiments } from './Experiments';

let dom: DomRoot;
let filesAnswer: () => Promise<Response>;
let filesRequests = 0;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  filesRequests = 0;
  vi.stubGlobal('fetch', async (input: string) => {
    if (String(input) === '/api/stages/seed/files') {
      filesRequests++;
      return filesAnswer();
    }
    throw new Error(`unexpected fetch ${String(input)}`);
  });
  dom = createDomRoot();
});

afterEach(() => {
  dom.remove();
  vi.unstubAllGlobals();
});

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const query = (testId: string) => dom.container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const tryAgain = () => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Try again');
const options = () => [...dom.container.querySelectorAll('select option')].map((o) => o.textContent);

async function render() {
  await act(async () => dom.root.render(<Experiments stage="seed" />));
  await settle();
}

describe('<Experiments> file list', () => {
  it('shows why the list did not load, says it again when a retry fails, and recovers on Try again', async () => {
    filesAnswer = async () => json({ error: 'There is no stage called "seed".' }, 404);
    await render();
    const problem = query('files-error');
    expect(problem?.textContent).toContain('Could not load the files of the seed stage. 404: There is no stage called "seed".');
    expect(problem?.querySelector('[role="alert"]')).not.toBeNull();
    expect(tryAgain()?.getAttribute('aria-describedby')).toBe(problem?.querySelector('p')?.id);
    expect(options()).toEqual([]);

    // A retry in progress says so (in the same alert, so its end is announced again)...
    let answer!: (r: Response) => void;
    filesAnswer = () => new Promise<Response>((resolve) => (answer = resolve));
    await act(async () => tryAgain()!.click());
    expect(query('files-error')?.textContent).toContain('Loading the files of the seed stage again…');
    expect(tryAgain()?.getAttribute('aria-disabled')).toBe('true');
    await act(async () => tryAgain()!.click()); // pressed again while loading: no second request
    expect(filesRequests).toBe(2);
    // ...and a failed retry shows the reason again.
    await act(async () => answer(json({ error: 'still broken' }, 500)));
    await settle();
    expect(query('files-error')?.textContent).toContain('Could not load the files of the seed stage. 500: still broken');
    expect(tryAgain()?.hasAttribute('aria-disabled')).toBe(false);

    filesAnswer = async () => json([{ name: 'index.html', size: 615, mtime: 0 }, { name: 'monitor.css', size: 10, mtime: 0 }]);
    await act(async () => tryAgain()!.click());
    await settle();
    expect(query('files-error')).toBeNull();
    expect(options()).toEqual(['index.html', 'monitor.css']);
    expect(document.activeElement).toBe(dom.container.querySelector('select'));
  });

  it('says the server is not answering when nothing answers', async () => {
    filesAnswer = async () => {
      throw new TypeError('Failed to fetch');
    };
    await render();
    expect(query('files-error')?.textContent).toMatch(/Could not load the files of the seed stage\. The course server is not answering at .*npm run dev/);
    expect(tryAgain()).toBeDefined();
  });

  it('says so when the stage serves no files, and only then', async () => {
    filesAnswer = async () => json([]);
    await render();
    expect(query('files-empty')?.textContent).toBe('This stage serves no files.');
    expect(query('files-error')).toBeNull();
  });

  it('says nothing about the list when it loaded with files', async () => {
    filesAnswer = async () => json([{ name: 'index.html', size: 615, mtime: 0 }]);
    await render();
    expect(options()).toEqual(['index.html']);
    expect(query('files-empty')).toBeNull();
    expect(query('files-error')).toBeNull();
  });
});

describe('<Experiments> editing a file', () => {
  let content: string;
  const puts: string[] = [];

  beforeEach(() => {
    content = '1.0.3\n';
    puts.length = 0;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/stages/seed/files') return json([{ name: 'VERSION', size: content.length, mtime: 0 }, { name: 'status-ok.png', size: 9, mtime: 0 }]);
      if (url === '/ch/seed/VERSION') {
        expect(init?.credentials).toBe('omit'); // nobody's experiment: no learner cookie
        return new Response(content);
      }
      if (url === '/api/stages/seed/files/VERSION' && init?.method === 'PUT') {
        puts.push(String(init.body));
        content = String(init.body);
        return json({ name: 'VERSION', size: content.length, mtime: 1 });
      }
      throw new Error(`unexpected fetch ${url}`);
    });
  });

  const button = (text: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === text);
  const textarea = () => dom.container.querySelector<HTMLTextAreaElement>('.edit-file textarea')!;
  async function typeText(value: string) {
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    await act(async () => {
      setValue.call(textarea(), value);
      textarea().dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('offers Edit for a file without an extension, and starts from its content', async () => {
    await render();
    const details = dom.container.querySelector<HTMLDetailsElement>('.edit-file')!;
    expect(details.querySelector('summary')?.textContent).toBe('Edit VERSION');
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    await settle();
    await settle();
    expect(textarea().value).toBe('1.0.3\n');
  });

  it('asks before saving an empty box, and empties the file only when told to', async () => {
    await render();
    const details = dom.container.querySelector<HTMLDetailsElement>('.edit-file')!;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    await settle();
    await settle();
    await typeText('');
    await act(async () => button('Save (PUT)')!.click());
    expect(query('confirm-empty')?.textContent).toContain('saving makes VERSION an empty file');
    expect(puts).toEqual([]);
    await act(async () => button('Keep editing')!.click());
    expect(query('confirm-empty')).toBeNull();
    expect(puts).toEqual([]);

    await act(async () => button('Save (PUT)')!.click());
    await act(async () => button('Empty VERSION')!.click());
    await settle();
    expect(puts).toEqual(['']);
  });
});

describe('<Experiments> rewrite with the same size and mtime', () => {
  const posts: string[] = [];
  beforeEach(() => {
    posts.length = 0;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/stages/seed/files') return json([{ name: 'VERSION', size: 6, mtime: 0 }, { name: 'status-ok.png', size: 9, mtime: 0 }]);
      if (url === '/api/stages/seed/files/VERSION/rewrite-same-mtime' && init?.method === 'POST') {
        posts.push(url);
        return json({ name: 'VERSION', size: 6, mtime: 0 });
      }
      throw new Error(`unexpected fetch ${url}`);
    });
  });
  const rewrite = () => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Rewrite, same size, same mtime');

  it('is offered for a text file, posts the action and says what it did', async () => {
    await render();
    await act(async () => rewrite()!.click());
    await settle();
    expect(posts).toEqual(['/api/stages/seed/files/VERSION/rewrite-same-mtime']);
    expect(dom.container.querySelector('.experiment-result')?.textContent).toMatch(/^Rewrote VERSION: 6 bytes, .*same size, new bytes, mtime set back$/);
  });

  it('is not offered for an image', async () => {
    await render();
    const select = dom.container.querySelector<HTMLSelectElement>('select')!;
    await act(async () => {
      select.value = 'status-ok.png';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rewrite()).toBeUndefined();
    expect(posts).toEqual([]);
  });
});
