// @vitest-environment happy-dom
// Compare mode and the response check as a learner uses them, with fetch faked: one Send goes to
// both stages, the differences are listed in words and marked beside each header, and the
// response check reads the headers the server logged.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../common/exchange';
import { createDomRoot, type DomRoot } from '../client/testing/dom-root';
import { exchange } from '../client/testing/exchanges';
import { Playground } from './Playground';
import { ResponseCheck } from './ResponseCheck';

const LM = 'Tue, 25 Nov 2026 18:00:00 GMT';
const DATE = 'Tue, 25 Nov 2026 19:00:00 GMT';

let dom: DomRoot;
/** What each stage answers, and the exchange the fake log keeps for it (by id). */
const logged = new Map<string, Exchange>();
let nextId = 10_000; // ids of this file only: the logged-exchange cache is per page
const sent: string[] = [];

function stageAnswer(stage: string): Response {
  const id = String(nextId++);
  const wire: [string, string][] =
    stage === 'last-modified'
      ? [['Content-Type', 'text/css'], ['Content-Length', '6'], ['Last-Modified', LM], ['Date', DATE], ['X-Cachecraft-Exchange', id]]
      : [['Content-Type', 'text/css'], ['Content-Length', '6'], ['Last-Modified', LM], ['ETag', 'abc'], ['Date', DATE], ['X-Cachecraft-Exchange', id]];
  logged.set(id, exchange({ id: +id, stage, responseHeaders: wire, bodyBytes: 6 }));
  return new Response('body{}', { status: 200, headers: wire });
}

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal('fetch', async (input: string) => {
    const url = String(input);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.startsWith('/api/stages/')) return json([]);
    if (url === '/api/stages') return json([{ slug: 'last-modified', title: '' }, { slug: 'seed', title: '' }]);
    if (url.startsWith('/api/log/')) {
      const ex = logged.get(url.slice('/api/log/'.length));
      return ex ? json(ex) : json({ error: 'no such exchange' }, 404);
    }
    sent.push(url);
    return stageAnswer(url.split('/')[2]!);
  });
  dom = createDomRoot();
});

afterEach(() => {
  dom.remove();
  vi.unstubAllGlobals();
});

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
/** Lets React finish (lazy chunks load, logged exchanges arrive) until `ready` holds. */
async function until(ready: () => unknown) {
  for (let i = 0; i < 50 && !ready(); i++) await act(async () => new Promise((r) => setTimeout(r, 5)));
  if (!ready()) throw new Error('never ready');
}
const byTestId = (id: string) => dom.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function click(element: HTMLElement | null) {
  if (!element) throw new Error('nothing to click');
  await act(async () => element.click());
  await settle();
  await settle();
}

describe('compare mode', () => {
  it('sends one request to both stages and lists the differences in words', async () => {
    await act(async () => dom.root.render(<Playground stage="last-modified" compare="seed" path="/monitor.css" />));
    expect(dom.container.querySelector('label[for]')?.textContent).toBe('Stage');
    await click(byTestId('compare-mode'));
    // The Stage field goes: compare mode sends to both.
    expect([...dom.container.querySelectorAll('label')].map((l) => l.textContent)).not.toContain('Stage');
    expect(dom.container.querySelector('.path-field label')?.textContent).toBe('Path (after /ch/last-modified and /ch/seed)');
    await click(byTestId('send'));

    expect(sent.sort()).toEqual(['/ch/last-modified/monitor.css', '/ch/seed/monitor.css']);
    await until(() => byTestId('differences') && dom.container.querySelectorAll('.finding').length > 0);
    expect(byTestId('diff-summary')?.textContent).toBe('1 difference: ETag.');
    expect(byTestId('diff-summary')?.getAttribute('role')).toBe('status');
    const items = [...dom.container.querySelectorAll('[data-testid="differences"] li')].map((li) => li.textContent);
    expect(items).toEqual(['ETag only seed: last-modified (none), seed abc.', 'X-Cachecraft-Exchange expected: last-modified 10000, seed 10001.']);
    expect(dom.container.textContent).toContain('Date and X-Cachecraft-Exchange differ on every response');

    const sides = [...dom.container.querySelectorAll('.compare-columns > section')].map((s) => s.getAttribute('aria-label'));
    expect(sides).toEqual(['Response from last-modified', 'Response from seed']);
    // Beside the seed's ETag, the word says it: not a colour alone.
    const seedEtag = [...dom.container.querySelectorAll('.compare-columns > section')[1]!.querySelectorAll('.header-list .marked')].map((d) => d.textContent?.toLowerCase());
    expect(seedEtag).toContain('etag: abc only here');
  });

  it('runs the response check on the logged headers: the seed\'s unquoted ETag is an error', async () => {
    await act(async () => dom.root.render(<Playground stage="last-modified" compare="seed" path="/monitor.css" />));
    await click(byTestId('compare-mode'));
    await click(byTestId('send'));
    await until(() => dom.container.querySelectorAll('.compare-columns .findings').length === 2);
    const [left, right] = [...dom.container.querySelectorAll('.compare-columns > section')];
    const findings = (side: Element) => [...side.querySelectorAll('.finding')].map((f) => `${f.getAttribute('data-rule')} ${f.querySelector('.finding-level')?.textContent}`);
    expect(findings(left!)).toEqual(['validators-last-modified Good:', 'last-modified-date Good:']);
    expect(findings(right!)).toEqual(['validators-etag Good:', 'validators-last-modified Good:', 'etag-syntax Error:', 'last-modified-date Good:']);
    expect(right!.querySelector('[data-rule="etag-syntax"]')?.textContent).toContain('quotes are required: "abc". A client may ignore it');
  });

  it('the check\'s button puts the conditional header in the editor', async () => {
    await act(async () => dom.root.render(<Playground stage="last-modified" path="/monitor.css" />));
    await click(byTestId('send'));
    await until(() => dom.container.querySelector('[data-rule="validators-last-modified"]'));
    const item = dom.container.querySelector('[data-rule="validators-last-modified"]')!;
    expect(item.textContent).toContain(`send If-Modified-Since: ${LM} → expect 304`);
    await click(item.querySelector('button'));
    const names = [...dom.container.querySelectorAll<HTMLInputElement>('[aria-label="Header name"]')].map((i) => i.value);
    const values = [...dom.container.querySelectorAll<HTMLInputElement>('[aria-label="Header value"]')].map((i) => i.value);
    expect(names).toEqual(['If-Modified-Since']);
    expect(values).toEqual([LM]);
  });
});

describe('<ResponseCheck>', () => {
  it('compares a 304 with the last 200 for the same stage and path in the history', async () => {
    const the200 = exchange({ id: 1, stage: 'seed', status: 200, responseHeaders: [['ETag', '"a"'], ['Cache-Control', 'no-cache']] });
    const other = exchange({ id: 2, stage: 'seed', path: '/other.css', status: 200, responseHeaders: [['ETag', '"b"']] });
    const the304 = exchange({ id: 3, stage: 'seed', status: 304, bodyBytes: 0, responseHeaders: [['Cache-Control', 'no-cache']] });
    await act(async () => dom.root.render(<ResponseCheck exchangeId="3" logged={{ exchange: the304 }} history={[the200, other, the304]} />));
    const items = [...dom.container.querySelectorAll('.finding')].map((f) => f.textContent);
    expect(items).toEqual([
      'Error: The 304 lacks ETag, which the 200 had ("a"): a cache updating its copy from this 304 gets no ETag. (RFC 9110, 15.4.5)',
      'Good: The 304 has no body, as it must. (RFC 9110, 15.4.5)',
    ]);
    expect(dom.container.textContent).toContain('Run on the response head the server logged for this exchange, exactly as it went over the wire');
  });
});
