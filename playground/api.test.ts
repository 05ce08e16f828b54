import { describe, expect, it } from 'vitest';
import { ApiError, apiJson } from './api';
import { sendRequest, stageUrl } from './send';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('apiJson', () => {
  it('returns the JSON body', async () => {
    await expect(apiJson('/api/x', {}, async () => json([1]))).resolves.toEqual([1]);
  });

  it('calls a rejected fetch "unreachable"', async () => {
    const error = await apiJson('/api/x', {}, async () => {
      throw new TypeError('Failed to fetch');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).unreachable).toBe(true);
    expect((error as ApiError).message).toMatch(/not answering.*npm run dev/);
  });

  it('calls an HTML answer (the dev server without the course server) "unreachable"', async () => {
    const error = (await apiJson('/api/x', {}, async () => new Response('<html>', { headers: { 'content-type': 'text/html' } })).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.unreachable).toBe(true);
  });

  it('passes on the server\'s JSON error with its status', async () => {
    const error = (await apiJson('/api/x', {}, async () => json({ error: 'no such file' }, 404)).catch((e: unknown) => e)) as ApiError;
    expect(error.unreachable).toBe(false);
    expect(error.status).toBe(404);
    expect(error.message).toBe('404: no such file');
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
