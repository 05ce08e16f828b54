// sendRequest gives up: after SEND_TIMEOUT_MS (body included), when cancelled, and before any
// request when the path would leave the stage. The fetches here are fakes that never answer:
// this is about the page's own limits, not about what the server does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEND_TIMEOUT_MS, SendAborted, sendRequest, stageUrl, StagePathRefused, type SentRequest } from './send';

const request: SentRequest = { stage: 'seed', method: 'GET', path: '/index.html', headers: [] };

/** A fetch that never answers, recording the signal it was given. */
function silentFetch() {
  const calls: { url: string; signal?: AbortSignal | null }[] = [];
  const impl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, signal: init?.signal });
    return new Promise<Response>(() => {}); // ignores the signal, like a stuck implementation would
  }) as unknown as typeof fetch;
  return { impl, calls };
}

/** A catch that records the outcome, so a still-pending promise can be told apart. */
function outcome<T>(promise: Promise<T>) {
  const seen: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(seen, { value, settled: true }),
    (error: unknown) => Object.assign(seen, { error, settled: true }),
  );
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sendRequest limits', () => {
  it('gives up after SEND_TIMEOUT_MS, not before, and aborts the fetch', async () => {
    vi.useFakeTimers();
    const fake = silentFetch();
    const seen = outcome(sendRequest(request, { fetch: fake.impl }));
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS - 1);
    expect(seen.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.error).toBeInstanceOf(SendAborted);
    expect((seen.error as SendAborted).reason).toBe('timeout');
    expect((seen.error as SendAborted).message).toBe('No answer within 10 s; the request was cancelled.');
    expect(fake.calls[0]?.signal?.aborted).toBe(true);
  });

  it('times out an answer whose body never ends (an event stream), not only a missing answer', async () => {
    vi.useFakeTimers();
    const endless = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('event: exchange\n')),
    });
    const answered = (async () => new Response(endless, { headers: { 'content-type': 'text/event-stream' } })) as unknown as typeof fetch;
    const seen = outcome(sendRequest(request, { fetch: answered, timeoutMs: 500 }));
    await vi.advanceTimersByTimeAsync(499);
    expect(seen.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((seen.error as SendAborted).reason).toBe('timeout');
    expect((seen.error as SendAborted).message).toBe('No answer within 0.5 s; the request was cancelled.');
  });

  it('stops at once when its signal is aborted, and aborts the fetch', async () => {
    const fake = silentFetch();
    const cancel = new AbortController();
    const sending = sendRequest(request, { fetch: fake.impl, signal: cancel.signal });
    await Promise.resolve();
    cancel.abort();
    const error = await sending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendAborted);
    expect((error as SendAborted).reason).toBe('cancelled');
    expect((error as SendAborted).message).toMatch(/^Cancelled before the answer was complete/);
    expect(fake.calls[0]?.signal?.aborted).toBe(true);
  });

  it('does not call fetch when the signal is already aborted', async () => {
    const fake = silentFetch();
    const error = await sendRequest(request, { fetch: fake.impl, signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((error as SendAborted).reason).toBe('cancelled');
    expect(fake.calls).toHaveLength(0);
  });

  it('leaves no timer behind after an answer', async () => {
    vi.useFakeTimers();
    const result = await sendRequest(request, { fetch: (async () => new Response('ok')) as unknown as typeof fetch });
    expect(result.status).toBe(200);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes on a network failure as it is (the page calls that "unreachable")', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const error = await sendRequest(request, { fetch: failing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(SendAborted);
  });

  it('refuses, without any request, a path that would leave the stage', async () => {
    const fake = silentFetch();
    const error = await sendRequest({ ...request, path: '/%2e%2e/%2e%2e/api/log' }, { fetch: fake.impl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StagePathRefused);
    expect((error as Error).message).toContain('would resolve it to /api/log');
    expect(fake.calls).toHaveLength(0);
  });
});

describe('sendRequest', () => {
  it('builds the stage URL', () => {
    expect(stageUrl('last-modified', '/monitor.css')).toBe('/ch/last-modified/monitor.css');
    expect(stageUrl('seed', 'monitor.css')).toBe('/ch/seed/monitor.css');
  });

  it('sends with no-store, measures bytes and time, and reads the exchange id', async () => {
    let seen: RequestInit | undefined;
    let clock = 100;
    const result = await sendRequest(
      { stage: 's', method: 'GET', path: '/a.css', headers: [['If-Modified-Since', 'x']] },
      {
        fetch: async (_url, init) => {
          seen = init;
          return new Response('body{}', { status: 200, headers: { 'content-type': 'text/css', 'x-cachecraft-exchange': '42' } });
        },
        now: () => (clock += 5),
      },
    );
    expect(seen?.cache).toBe('no-store');
    expect(seen?.headers).toEqual([['If-Modified-Since', 'x']]);
    expect(result.bodyBytes).toBe(6);
    expect(result.text).toBe('body{}');
    expect(result.exchangeId).toBe('42');
    expect(result.timeMs).toBe(5);
  });

  it('handles a 304 with no body and an unknown status', async () => {
    const r304 = await sendRequest({ stage: 's', method: 'GET', path: '/a', headers: [] }, { fetch: async () => new Response(null, { status: 304 }) });
    expect(r304.preview).toBe('none');
    expect(r304.exchangeId).toBeUndefined();
    const odd = await sendRequest({ stage: 's', method: 'GET', path: '/a', headers: [] }, { fetch: async () => new Response('?', { status: 599 }) });
    expect(odd.status).toBe(599);
  });
});
