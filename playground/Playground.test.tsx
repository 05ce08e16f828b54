// @vitest-environment happy-dom
// The playground as a learner uses it, with fetch faked: sending, validators, and a missing server.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDomRoot, type DomRoot } from '../site/testing/dom-root';
import { Playground } from './Playground';

const LM = 'Tue, 25 Nov 2026 18:00:00 GMT';

let dom: DomRoot;
let stageAnswer: () => Promise<Response>;
const sent: { url: string; init?: RequestInit }[] = [];

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/stages/')) {
      return new Response(JSON.stringify([{ name: 'monitor.css', size: 10, mtime: 0 }]), {
        headers: { 'content-type': 'application/json' },
      });
    }
    if (url.startsWith('/api/log/')) return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    sent.push({ url, init });
    return stageAnswer();
  });
  dom = createDomRoot();
});

afterEach(() => {
  dom.remove();
  vi.unstubAllGlobals();
});

async function render() {
  await act(async () => dom.root.render(<Playground stage="last-modified" path="/monitor.css" />));
}

async function click(testId: string) {
  const button = dom.container.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  if (!button) throw new Error(`no ${testId}`);
  await act(async () => button.click());
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const text = (testId: string) => dom.container.querySelector(`[data-testid="${testId}"]`)?.textContent;

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
    expect(sent[1]?.init?.headers).toEqual([['If-Modified-Since', LM]]);
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
});
