import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCourseApp, EXCHANGE_HEADER } from './app';
import { WindowsDisk } from './files/windows-disk';
import type { Exchange } from '../common/exchange';
import { STAGES } from './stages';
import { useCourseApp } from './testing/course-app';
import { serve } from './testing/serve';

const course = useCourseApp();
const api = (p: string, init?: RequestInit) => fetch(`${course.server.url}${p}`, init);


describe('stages under /ch/<stage>/', () => {
  it('routes each stage to its own copy of the samples', async () => {
    for (const { slug: stage } of STAGES) {
      const response = await api(`/ch/${stage}/monitor.css`);
      expect(response.status, stage).toBe(200);
      expect(await response.text(), stage).toContain('monitoring page');
    }
    expect((await api('/ch/last-modified/monitor.css')).headers.get('last-modified')).toBeTruthy();
    expect((await api('/ch/no-cache/monitor.css')).headers.get('last-modified')).toBeNull();
  });

  it('redirects /ch/<stage> to /ch/<stage>/ and 404s an unknown stage', async () => {
    const redirect = await api('/ch/last-modified', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/ch/last-modified/');
    const unknown = await api('/ch/nope/index.html');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('no stage called');
  });

  it('turns a crashing stage into a plain 500, and logs it', async () => {
    // No stage throws on purpose any more (the seed's folder bug is an empty 200, as in 2008):
    // make the seed's disk fail once.
    const exists = vi.spyOn(WindowsDisk.prototype, 'exists').mockRejectedValueOnce(new Error('the disk is on fire'));
    const response = await api('/ch/seed/monitor.css');
    exists.mockRestore();
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/at .*\.ts:\d+/);
    const id = response.headers.get(EXCHANGE_HEADER)!;
    expect(((await (await api(`/api/log/${id}`)).json()) as Exchange).status).toBe(500);
  });
});

describe('the request log', () => {
  it('records what the server received, under the id the response carries', async () => {
    const response = await api('/ch/last-modified/monitor.js?v=1', { headers: { 'X-Learner': 'hello', 'If-Modified-Since': 'garbage' } });
    const id = response.headers.get(EXCHANGE_HEADER);
    expect(id).toMatch(/^\d+$/);
    const exchange = (await (await api(`/api/log/${id}`)).json()) as Exchange;
    expect(exchange).toMatchObject({ stage: 'last-modified', method: 'GET', path: '/monitor.js', target: '/ch/last-modified/monitor.js?v=1', status: 200, httpVersion: '1.1' });
    expect(exchange.requestHeaders).toContainEqual(['X-Learner', 'hello']);
    expect(exchange.requestHeaders).toContainEqual(['If-Modified-Since', 'garbage']);
    // The stage's fields, the id, then what node added to the head it sent (Date among them).
    expect(exchange.responseHeaders.map(([n]) => n)).toEqual(['Last-Modified', 'Content-Type', 'Content-Length', 'X-Content-Type-Options', EXCHANGE_HEADER, 'Date', 'Connection', 'Keep-Alive']);
    expect(exchange.bodyBytes).toBe(403);
  });

  it("records the body's size as sent, also where node added the Content-Length (the seed's error page)", async () => {
    const response = await api('/ch/seed/no-such-file.txt');
    expect(response.status).toBe(404);
    const received = (await response.arrayBuffer()).byteLength;
    expect(received).toBeGreaterThan(0);
    const exchange = (await (await api(`/api/log/${response.headers.get(EXCHANGE_HEADER)}`)).json()) as Exchange;
    // The seed wrote none (as Python's send_error); node did, after the exchange id.
    expect(exchange.responseHeaders.map(([n]) => n)).toEqual(['Server', 'Date', 'Content-Type', 'Connection', EXCHANGE_HEADER, 'Content-Length']);
    expect(exchange.bodyBytes).toBe(received);
  });

  it("records the course's tags apart, taken off the headers the stage and the log show", async () => {
    const stage = STAGES[0]!.slug;
    const response = await api(`/ch/${stage}/monitor.css?tags=1`, {
      headers: { 'X-Cachecraft-Learner': 'learner-1', 'X-Cachecraft-Chapter': 'no-cache', Cookie: 'cachecraft-learner=other; a=1' },
    });
    expect(response.status).toBe(200);
    const exchange = (await (await api(`/api/log/${response.headers.get(EXCHANGE_HEADER)}`)).json()) as Exchange;
    expect(exchange).toMatchObject({ learner: 'learner-1', chapter: 'no-cache' });
    expect(exchange.requestHeaders.map(([n]) => n.toLowerCase())).not.toContain('x-cachecraft-learner');
    expect(exchange.requestHeaders.map(([n]) => n.toLowerCase())).not.toContain('x-cachecraft-chapter');
    expect(exchange.requestHeaders).toContainEqual(['Cookie', 'a=1']);

    // A page the browser loads itself carries only the cookie; an untagged request, nothing.
    const page = await api(`/ch/${stage}/monitor.css?tags=2`, { headers: { Cookie: 'cachecraft-learner=learner-2' } });
    const pageExchange = (await (await api(`/api/log/${page.headers.get(EXCHANGE_HEADER)}`)).json()) as Exchange;
    expect([pageExchange.learner, pageExchange.chapter]).toEqual(['learner-2', undefined]);
    expect(pageExchange.requestHeaders.map(([n]) => n.toLowerCase())).not.toContain('cookie');
    const plain = await api(`/ch/${stage}/monitor.css?tags=3`);
    const plainExchange = (await (await api(`/api/log/${plain.headers.get(EXCHANGE_HEADER)}`)).json()) as Exchange;
    expect('learner' in plainExchange || 'chapter' in plainExchange).toBe(false);
  });

  it('streams exchanges as Server-Sent Events, filtered by stage', async () => {
    const controller = new AbortController();
    const stream = await api('/api/log?stage=seed', { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    await api('/ch/no-cache/VERSION');
    const marker = `/ch/seed/monitor.css?sse=${Date.now()}`;
    await api(marker);
    let text = '';
    while (!text.includes(marker)) text += (await reader.read()).value ?? '';
    controller.abort();
    const events = text.split('\n\n').filter((e) => e.includes('event: exchange'));
    const data = (event: string) => event.split('\n').find((line) => line.startsWith('data: '))!.slice(6);
    const stages = events.map((e) => (JSON.parse(data(e)) as Exchange).stage);
    expect(new Set(stages)).toEqual(new Set(['seed']));
  });

  it('under a flood, streams the latest exchanges and says how many it left out: none is lost', async () => {
    const controller = new AbortController();
    const stream = await api('/api/log', { signal: controller.signal });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (done: () => boolean) => {
      while (!done()) text += (await reader.read()).value ?? '';
    };
    // The replay of what is kept comes first; a marker request shows where it ends.
    const start = await api(`/ch/no-cache/VERSION?flood=start`);
    const startId = Number(start.headers.get(EXCHANGE_HEADER));
    await readUntil(() => text.includes('flood=start'));
    text = '';
    // 150 at once: far more than a batch may carry in 50 ms (request-log.ts, MAX_PER_BATCH).
    const ids = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        const response = await api(`/ch/no-cache/VERSION?flood=${i}`);
        await response.arrayBuffer();
        return Number(response.headers.get(EXCHANGE_HEADER));
      }),
    );
    const last = Math.max(...ids);
    await readUntil(() => text.includes(`"id":${last},`));
    controller.abort();
    const events = text.split('\n\n').filter(Boolean);
    const sentIds = events.filter((e) => e.startsWith('event: exchange')).map((e) => Number(/\nid: (\d+)\n/.exec(e)![1]));
    const skipped = events.filter((e) => e.startsWith('event: skipped')).map((e) => (JSON.parse(e.split('data: ')[1]!) as { count: number }).count);
    expect(skipped.length).toBeGreaterThan(0);
    // Every exchange after the marker is either sent or counted as left out.
    expect(sentIds.length + skipped.reduce((a, b) => a + b, 0)).toBe(last - startId);
    expect(sentIds).toEqual([...sentIds].sort((a, b) => a - b));
    // Left out of the stream, still in the log.
    for (const id of ids) expect((await api(`/api/log/${id}`)).status).toBe(200);
  });

  it('keeps only the last 200 exchanges', async () => {
    for (let i = 0; i < 210; i++) await (await api('/ch/no-cache/VERSION')).arrayBuffer();
    expect(course.app.log.all()).toHaveLength(200);
    expect((await api(`/api/log/1`)).status).toBe(404);
  });
});

describe('experiments on a stage’s files', () => {
  const files = async (stage: string) => (await (await api(`/api/stages/${stage}/files`)).json()) as { name: string; size: number; mtime: number }[];

  it('lists the files', async () => {
    const names = (await files('last-modified')).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['index.html', 'monitor.css', 'monitor.js', 'status-ok.png', 'status-down.png']));
  });

  it('touch gives a new Last-Modified, so the old date gets a 200 again', async () => {
    await api('/api/stages/last-modified/reset', { method: 'POST' });
    const before = (await api('/ch/last-modified/monitor.css')).headers.get('last-modified')!;
    const touched = await api('/api/stages/last-modified/files/monitor.css/touch', { method: 'POST' });
    expect(touched.status).toBe(200);
    const after = await api('/ch/last-modified/monitor.css', { headers: { 'If-Modified-Since': before } });
    expect(after.status).toBe(200);
    expect(after.headers.get('last-modified')).not.toBe(before);
  });

  it('edit replaces the content, only in that stage’s copy; reset restores it', async () => {
    const original = await readFile(new URL('./samples/monitor.js', import.meta.url), 'utf8');
    const edited = await api('/api/stages/no-cache/files/monitor.js', { method: 'PUT', body: 'console.log("edited");' });
    expect(edited.status).toBe(200);
    expect(await (await api('/ch/no-cache/monitor.js')).text()).toBe('console.log("edited");');
    expect(await (await api('/ch/last-modified/monitor.js')).text()).toBe(original);
    expect(await readFile(new URL('./samples/monitor.js', import.meta.url), 'utf8')).toBe(original);
    await api('/api/stages/no-cache/reset', { method: 'POST' });
    expect(await (await api('/ch/no-cache/monitor.js')).text()).toBe(original);
  });

  it('refuses bad names, missing files, unknown stages and large bodies', async () => {
    const put = (p: string, body: string | Uint8Array<ArrayBuffer> = 'x') => api(p, { method: 'PUT', body });
    expect((await put('/api/stages/no-cache/files/.env')).status).toBe(400);
    expect((await put('/api/stages/no-cache/files/..')).status).toBe(404); // the URL parser already removed ".."
    expect((await put('/api/stages/no-cache/files/%2e%2e')).status).toBe(404);
    expect((await put('/api/stages/no-cache/files/a%2Fb')).status).toBe(400);
    expect((await put('/api/stages/no-cache/files/..%2F..%2Fsecret.txt')).status).toBe(400);
    expect((await put('/api/stages/no-cache/files/new.css')).status).toBe(404);
    expect((await put('/api/stages/nope/files/monitor.css')).status).toBe(404);
    expect((await api('/api/stages/no-cache/files/nope.css/touch', { method: 'POST' })).status).toBe(404);
    const big = await put('/api/stages/no-cache/files/monitor.css', new Uint8Array(256 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toContain('at most');
  });

  it('never writes through a symlink out of the sandbox', async () => {
    const root = await course.app.sandbox.rootFor('no-cache');
    const outside = path.join(path.dirname(root), 'secret.txt');
    const before = await readFile(outside, 'utf8');
    await symlink(outside, path.join(root, 'link.css'));
    expect((await api('/api/stages/no-cache/files/link.css', { method: 'PUT', body: 'pwned' })).status).toBe(404);
    expect(await readFile(outside, 'utf8')).toBe(before);
    await writeFile(path.join(root, 'plain.css'), 'ok');
    expect((await api('/api/stages/no-cache/files/plain.css', { method: 'PUT', body: 'changed' })).status).toBe(200);
  });

  it('answers an unknown API with a JSON 404', async () => {
    const response = await api('/api/nothing');
    expect(response.status).toBe(404);
    expect(await response.json()).toHaveProperty('error');
  });
});

describe('the built site (npm run serve)', () => {
  it('serves dist/ files, client routes as index.html, and 404s a missing asset', async () => {
    const { mkdtemp, mkdir, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const site = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-site-'));
    await mkdir(path.join(site, 'assets'));
    await writeFile(path.join(site, 'index.html'), '<title>course</title>');
    await writeFile(path.join(site, 'assets', 'app.js'), 'console.log(1)');
    const withSite = await createCourseApp({ siteDir: site });
    const running = await serve(withSite.fetch, { innerTarget: withSite.innerTarget });
    try {
      expect(await (await fetch(`${running.url}/`)).text()).toBe('<title>course</title>');
      expect(await (await fetch(`${running.url}/chapters/last-modified`)).text()).toBe('<title>course</title>');
      expect(await (await fetch(`${running.url}/assets/app.js`)).text()).toBe('console.log(1)');
      expect((await fetch(`${running.url}/assets/missing.js`)).status).toBe(404);
      expect((await fetch(`${running.url}/ch/seed/monitor.css`)).status).toBe(200);
    } finally {
      await running.close();
      await withSite.close();
      await rm(site, { recursive: true, force: true });
    }
  });
});
