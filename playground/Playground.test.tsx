// @vitest-environment happy-dom
// The playground as a learner uses it, with fetch faked: sending, validators, a missing server,
// a path that would leave the stage, Cancel, the timeout, and a file list that did not load.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDomRoot, type DomRoot } from '../client/testing/dom-root';
import { Playground } from './Playground';
import { SEND_TIMEOUT_MS } from './send';
import { learnerId } from '../client/learner';

const LM = 'Tue, 25 Nov 2026 18:00:00 GMT';

let dom: DomRoot;
let stageAnswer: () => Promise<Response>;
let filesAnswer: () => Promise<Response>;
const FILES = () => Promise.resolve(new Response(JSON.stringify([{ name: 'monitor.css', size: 10, mtime: 0 }]), {
  headers: { 'content-type': 'application/json' },
}));
/** Requests to the stages; `everything` is every URL fetch was given. */
const sent: { url: string; init?: RequestInit }[] = [];
const everything: string[] = [];

beforeEach(() => {
  sent.length = 0;
  everything.length = 0;
  filesAnswer = FILES;
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = String(input);
    everything.push(url);
    if (url.startsWith('/api/stages/')) return filesAnswer();
    if (url === '/api/stages') return Response.json([{ slug: 'last-modified', title: 'Last-Modified' }]);
    if (url.startsWith('/api/log/')) return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    sent.push({ url, init });
    return stageAnswer();
  });
  dom = createDomRoot();
});

afterEach(() => {
  dom.remove();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function render() {
  await act(async () => dom.root.render(<Playground stage="last-modified" path="/monitor.css" />));
}

async function click(testId: string) {
  const button = dom.container.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  if (!button) throw new Error(`no ${testId}`);
  await act(async () => button.click());
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  await lazyViewsLoaded();
}

/** The response view is loaded on the first Send (Playground.tsx): wait until it is there. */
async function lazyViewsLoaded() {
  for (let i = 0; i < 100 && dom.container.textContent?.includes('Loading the response view'); i++) {
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  }
}

const text = (testId: string) => dom.container.querySelector(`[data-testid="${testId}"]`)?.textContent;
const byTestId = <T extends Element = HTMLElement>(testId: string) => dom.container.querySelector<T>(`[data-testid="${testId}"]`);
const pathInput = () => dom.container.querySelector<HTMLInputElement>('.path-field input')!;

/** Types into a React-controlled input as a user would (the value setter React does not watch). */
async function type(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const settle = async () => {
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  await lazyViewsLoaded();
};

describe('<Playground>', () => {
  it('sends with no-store to /ch/<stage><path> and shows the status', async () => {
    stageAnswer = async () => new Response('body{}', { status: 200, headers: { 'content-type': 'text/css' } });
    await render();
    await click('send');
    expect(sent[0]?.url).toBe('/ch/last-modified/monitor.css');
    expect(sent[0]?.init?.cache).toBe('no-store');
    expect(text('status')).toBe('200');
    expect(dom.container.querySelector('.body-preview')?.textContent).toBe('body{}');
  });

  it('fills If-Modified-Since from the last 200 and sends it', async () => {
    stageAnswer = async () => new Response('x', { status: 200, headers: { 'last-modified': LM } });
    await render();
    await click('send');
    await click('use-validators');
    const rows = dom.container.querySelectorAll('[data-testid="header-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.querySelector<HTMLInputElement>('[aria-label="Header name"]')?.value).toBe('If-Modified-Since');
    expect(rows[0]?.querySelector<HTMLInputElement>('[aria-label="Header value"]')?.value).toBe(LM);
    stageAnswer = async () => new Response(null, { status: 304 });
    await click('send');
    // The learner's header, then the course's tag saying who sent it (taken off by the server).
    expect(sent[1]?.init?.headers).toEqual([['If-Modified-Since', LM], ['X-Cachecraft-Learner', learnerId()]]);
    expect(text('status')).toBe('304');
  });

  it('shows an unknown status without crashing', async () => {
    stageAnswer = async () => new Response('?', { status: 599 });
    await render();
    await click('send');
    expect(text('status')).toBe('599');
  });

  it('says the server is not answering when fetch rejects', async () => {
    stageAnswer = async () => {
      throw new TypeError('Failed to fetch');
    };
    await render();
    await click('send');
    expect(text('server-error')).toMatch(/not answering at .*is `npm run dev` running\?/);
  });

  it('marks the previous response as old when the next send gets no answer', async () => {
    stageAnswer = async () => new Response(null, { status: 304 });
    await render();
    await click('send');
    expect(text('status')).toBe('304');
    expect(byTestId('stale-note')).toBeNull();
    stageAnswer = async () => {
      throw new TypeError('Failed to fetch');
    };
    await click('send');
    expect(text('server-error')).toMatch(/not answering/);
    expect(text('stale-note')).toContain('previous');
    expect(dom.container.querySelector('.response')?.getAttribute('aria-label')).toBe('Previous response');
    stageAnswer = async () => new Response('x', { status: 200 });
    await click('send');
    expect(byTestId('stale-note')).toBeNull();
    expect(text('status')).toBe('200');
  });

  it('says a stage sent no validators after its 200, and asks for a GET before any', async () => {
    stageAnswer = async () => new Response('x', { status: 200 }); // no Last-Modified, no ETag: the no-cache stage
    await render();
    expect(text('validators-note')).toBe('(No 200 for /monitor.css yet: send a GET first.)');
    await click('send');
    expect(text('validators-note')).toContain('The last-modified stage sent no validators for /monitor.css');
    expect(byTestId<HTMLButtonElement>('use-validators')?.disabled).toBe(true);
  });

  it('says beside a row when it will not be sent (Host, no name), and leaves it out', async () => {
    stageAnswer = async () => new Response('x', { status: 200 });
    await render();
    const add = [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Add header')!;
    await act(async () => add.click());
    await act(async () => add.click());
    const names = dom.container.querySelectorAll<HTMLInputElement>('[aria-label="Header name"]');
    const values = dom.container.querySelectorAll<HTMLInputElement>('[aria-label="Header value"]');
    await type(names[0]!, 'Host');
    await type(values[0]!, 'example.com');
    await type(values[1]!, 'orphan');
    const problems = [...dom.container.querySelectorAll('[data-testid="row-problem"]')];
    expect(problems.map((p) => p.textContent)).toEqual([
      'Not sent: a page may not set Host; the browser sends its own (or none). curl can send it.',
      'No name: this row is not sent.',
    ]);
    expect(names[0]!.getAttribute('aria-describedby')).toBe(problems[0]!.id);
    await click('send');
    expect(sent[0]?.init?.headers).toEqual([['X-Cachecraft-Learner', learnerId()]]);
  });

  it('refuses a path that leaves the stage: the reason under the field, which it describes, and nothing sent', async () => {
    stageAnswer = async () => new Response('x', { status: 200 });
    await render();
    await type(pathInput(), '../../api/stages');
    const problem = byTestId('path-problem')!;
    expect(problem.textContent).toBe(
      'This path leaves the stage: the browser would resolve it to /api/stages. The playground only sends requests inside /ch/last-modified/.',
    );
    expect(pathInput().getAttribute('aria-invalid')).toBe('true');
    expect(pathInput().getAttribute('aria-describedby')).toBe(problem.id);

    await click('send');
    expect(sent).toEqual([]);
    expect(everything.filter((url) => !url.startsWith('/api/stages/last-modified/files') && !url.startsWith('/api/log'))).toEqual([]);
    expect(document.activeElement).toBe(pathInput());
    expect(byTestId('status')).toBeNull();

    await type(pathInput(), '/monitor.css');
    expect(byTestId('path-problem')).toBeNull();
    expect(pathInput().hasAttribute('aria-invalid')).toBe(false);
    expect(pathInput().hasAttribute('aria-describedby')).toBe(false);
    await click('send');
    expect(sent.map((r) => r.url)).toEqual(['/ch/last-modified/monitor.css']);
  });

  it('cancels a send that gets no answer: Cancel, then Send has the focus and works again', async () => {
    stageAnswer = () => new Promise<Response>(() => {});
    await render();
    expect(byTestId('cancel')).toBeNull();
    await click('send');
    const send = byTestId<HTMLButtonElement>('send')!;
    expect(send.textContent).toBe('Sending…');
    expect(send.getAttribute('aria-disabled')).toBe('true');
    await click('send'); // a second press while sending sends nothing more
    expect(sent).toHaveLength(1);

    const cancel = byTestId<HTMLButtonElement>('cancel')!;
    expect(cancel.textContent).toBe('Cancel');
    cancel.focus();
    await click('cancel');
    expect((sent[0]?.init?.signal as AbortSignal).aborted).toBe(true);
    expect(text('send-notice')).toMatch(/^Cancelled before the answer was complete/);
    expect(byTestId('send-error')).toBeNull();
    expect(byTestId('server-error')).toBeNull();
    expect(byTestId('cancel')).toBeNull();
    expect(send.textContent).toBe('Send');
    expect(send.hasAttribute('aria-disabled')).toBe(false);
    expect(document.activeElement).toBe(send);

    stageAnswer = async () => new Response('body{}', { status: 200 });
    await click('send');
    expect(text('status')).toBe('200');
    expect(byTestId('send-notice')).toBeNull();
  });

  it('gives up after 10 s with a message, and the form can send again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stageAnswer = () => new Promise<Response>(() => {});
    await render();
    await act(async () => byTestId<HTMLButtonElement>('send')!.click());
    await act(() => vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS - 1));
    expect(byTestId('send-error')).toBeNull();
    expect(text('send')).toBe('Sending…');
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(text('send-error')).toBe('No answer within 10 s; the request was cancelled.');
    expect(byTestId('send-error')?.getAttribute('role')).toBe('alert');
    expect(text('send')).toBe('Send');
    expect(byTestId('cancel')).toBeNull();

    stageAnswer = async () => new Response(null, { status: 304 });
    await act(async () => byTestId<HTMLButtonElement>('send')!.click());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(text('status')).toBe('304');
    expect(byTestId('send-error')).toBeNull();
  });

  it('says when the file list could not be loaded, and Try again brings the suggestions back', async () => {
    filesAnswer = async () => new Response(JSON.stringify({ error: 'disk on fire' }), { status: 500, headers: { 'content-type': 'application/json' } });
    await render();
    await settle();
    expect(text('files-error')).toContain(
      'Could not load the files of the last-modified stage, so the path field has no suggestions. 500: disk on fire',
    );
    expect(dom.container.querySelectorAll('datalist option')).toHaveLength(0);

    filesAnswer = FILES;
    const retry = [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    await act(async () => retry.click());
    await settle();
    expect(byTestId('files-error')).toBeNull();
    expect([...dom.container.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['/monitor.css']);
    expect(document.activeElement).toBe(pathInput());
  });
});
