// @vitest-environment happy-dom
// <RawRequest> as a learner uses it, with the course server's answer faked (fetch): the bytes it
// posts, the raw response it shows, the notes, the errors, Cancel, and the stage picker.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChapterContext } from '../client/chapter-context';
import { learnerId } from '../client/learner';
import { createDomRoot, type DomRoot } from '../client/testing/dom-root';
import type { RawAnswer } from '../common/raw-request';
import { RawRequest, type RawRequestProps } from './RawRequest';

let dom: DomRoot;
const posted: { url: string; init: RequestInit }[] = [];
let answer: () => Promise<Response>;

const rawAnswer = (response: string, more: Partial<RawAnswer> = {}): RawAnswer => ({
  stage: 'seed',
  response: btoa(response),
  bytes: response.length,
  ended: 'complete',
  timedOut: false,
  cut: false,
  timeMs: 12.3,
  exchangeIds: [7],
  ...more,
});
const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

beforeEach(() => {
  posted.length = 0;
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    posted.push({ url: String(input), init });
    return answer();
  });
  dom = createDomRoot();
});
afterEach(() => {
  dom.remove();
  vi.unstubAllGlobals();
});

async function render(props: RawRequestProps, chapter?: { slug: string; stage: string; compare?: string }) {
  const element = <RawRequest {...props} />;
  await act(async () =>
    dom.root.render(chapter ? <ChapterContext.Provider value={{ ...chapter, tasks: [] }}>{element}</ChapterContext.Provider> : element),
  );
}
const byTestId = <T extends Element = HTMLElement>(id: string) => dom.container.querySelector<T>(`[data-testid="${id}"]`);
const text = (id: string) => byTestId(id)?.textContent;
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
async function send() {
  await act(async () => byTestId<HTMLButtonElement>('raw-send')!.click());
  await settle();
}
async function typeText(value: string) {
  const area = byTestId<HTMLTextAreaElement>('raw-text')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const sentText = () => new TextDecoder().decode(posted[0]!.init.body as Uint8Array);

describe('<RawRequest>', () => {
  it('starts from `target`, or from `request` (its CRLFs read as line breaks)', async () => {
    await render({ stage: 'seed', target: '/../secret.txt' });
    expect(byTestId<HTMLTextAreaElement>('raw-text')!.value).toBe('GET /../secret.txt HTTP/1.1\nHost: localhost\n\n');
    dom.remove();
    dom = createDomRoot();
    await render({ stage: 'seed', request: 'GET / HTTP/1.0\r\nX: y\r\n\r\n' });
    expect(byTestId<HTMLTextAreaElement>('raw-text')!.value).toBe('GET / HTTP/1.0\nX: y\n\n');
  });

  it('posts the bytes with CRLFs and the learner tag, and shows the raw answer with hidden bytes marked', async () => {
    const response = 'HTTP/1.1 404 Unknown url /../secret.txt\r\nServer: SimpleHTTP/0.6\r\nContent-Length: 6\r\n\r\nno\r\n\u0000!';
    answer = () => json(rawAnswer(response));
    await render({ stage: 'seed', target: '/../secret.txt' }, { slug: 'path-stripping', stage: 'seed' });
    await send();
    expect(posted[0]!.url).toBe('/api/stages/seed/raw');
    expect(posted[0]!.init.method).toBe('POST');
    expect(sentText()).toBe('GET /../secret.txt HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(new Headers(posted[0]!.init.headers).get('X-Cachecraft-Learner')).toBe(learnerId());
    expect(new Headers(posted[0]!.init.headers).get('X-Cachecraft-Chapter')).toBe('path-stripping');

    expect(text('raw-status-line')).toBe('HTTP/1.1 404 Unknown url /../secret.txt');
    expect(dom.container.querySelector('.header-list')?.textContent).toBe('Server: SimpleHTTP/0.6Content-Length: 6');
    expect(text('raw-body')).toBe('noCR\nNUL!');
    expect([...dom.container.querySelectorAll('.raw-body .raw-byte')].map((e) => e.getAttribute('title'))).toEqual(['byte 0x0d', 'byte 0x00']);
    expect(text('raw-bytes')).toBe(`${response.length} bytes received`);
    expect(text('raw-ended')).toBe('complete');
    expect(byTestId('raw-exchanges')!.querySelector('a')!.getAttribute('href')).toBe('/api/log/7');
    expect(text('raw-announcement')).toMatch(/^Raw response from seed: HTTP\/1\.1 404 Unknown url/);
  });

  it('says when a blank line was added, and sends without it when asked to', async () => {
    answer = () => json(rawAnswer('', { ended: 'timed-out', timedOut: true, bytes: 0, exchangeIds: [] }));
    await render({ stage: 'seed', request: 'GET / HTTP/1.1\nHost: a' });
    await send();
    expect(sentText()).toBe('GET / HTTP/1.1\r\nHost: a\r\n\r\n');
    expect(byTestId('raw-response')!.textContent).toContain('A blank line was added');

    await act(async () => byTestId<HTMLInputElement>('raw-add-blank')!.click());
    posted.length = 0;
    await send();
    expect(sentText()).toBe('GET / HTTP/1.1\r\nHost: a');
    expect(text('raw-ended')).toBe('timed out after 5 s: this is what arrived');
    expect(text('raw-exchanges')).toMatch(/^Not in the request log/);
    expect(byTestId('raw-response')!.textContent).toContain('Nothing came back.');
  });

  it('says when the answer was cut, and shows bytes that are not HTTP as they are', async () => {
    answer = () => json(rawAnswer('garbage\u00ff', { ended: 'cut', cut: true }));
    await render({ stage: 'seed' });
    await send();
    expect(text('raw-ended')).toBe('cut at 1 MiB');
    expect(byTestId('raw-response')!.textContent).toContain('Not an HTTP response');
    expect(text('raw-body')).toBe('garbageFF');
    expect(dom.container.querySelector('.raw-body .raw-byte')?.getAttribute('title')).toBe('byte 0xff');
  });

  it('shows the server’s refusal, and a missing server', async () => {
    answer = () => json({ error: 'A raw request may have at most 16384 bytes.' }, 413);
    await render({ stage: 'seed' });
    await send();
    expect(text('raw-error')).toBe('413: A raw request may have at most 16384 bytes.');

    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await send();
    expect(text('raw-error')).toBeUndefined();
    expect(text('server-error')).toMatch(/not answering/);
  });

  it('refuses an empty request before sending anything', async () => {
    await render({ stage: 'seed' });
    await typeText('');
    await send();
    expect(posted).toHaveLength(0);
    expect(text('raw-error')).toMatch(/empty/);
  });

  it('Cancel ends the send and says so', async () => {
    answer = () => new Promise((_resolve, reject) => posted[0]!.init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await render({ stage: 'seed' });
    await act(async () => byTestId<HTMLButtonElement>('raw-send')!.click());
    expect(text('raw-send')).toBe('Sending…');
    await act(async () => byTestId<HTMLButtonElement>('raw-cancel')!.click());
    await settle();
    expect(dom.container.textContent).toContain('Cancelled.');
    expect(byTestId('raw-cancel')).toBeNull();
    expect(document.activeElement).toBe(byTestId('raw-send'));
  });

  it("offers the chapter's stage and its compared stage, and sends to the one picked", async () => {
    answer = () => json(rawAnswer('HTTP/1.1 200 OK\r\n\r\n'));
    await render({}, { slug: 'etag', stage: 'etag', compare: 'seed' });
    const select = byTestId<HTMLSelectElement>('raw-stage')!;
    expect([...select.options].map((o) => o.value)).toEqual(['etag', 'seed']);
    await act(async () => {
      select.value = 'seed';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await send();
    expect(posted[0]!.url).toBe('/api/stages/seed/raw');
    expect(dom.container.querySelector('section')!.getAttribute('aria-label')).toBe('Raw request to the seed stage');
  });
});
